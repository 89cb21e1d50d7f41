import { describe, expect, it } from 'vitest';
import { findGaps } from '../../../main/skills/detector/gap-detector.ts';
import { enHistory, history, plHistory } from './fixtures.ts';

const domains = (report: ReturnType<typeof findGaps>) => report.suggestions.map((s) => s.evidence.domain);

describe('gap detector', () => {
  it('finds the areas of life a Polish history never touches', () => {
    const report = findGaps(plHistory());
    expect(report.tooSmall).toBeNull();
    expect(report.scanned).toEqual({ messages: 46, days: 21 });
    expect(domains(report)).toEqual(['hydration', 'mindfulness']);
    const [water] = report.suggestions;
    expect(water).toMatchObject({
      source: 'gap',
      subjectKey: 'water',
      title: { pl: 'Nigdy nie mówisz o nawodnieniu — śledzić?', en: 'You never talk about drinking water — track it?' },
      evidence: { count: 0, domain: 'hydration', scanned: { messages: 46, days: 21 } },
      need: { kind: 'tracker', subject: 'woda', subjectKey: 'water', unit: 'ml', language: 'pl', source: 'gap' },
    });
  });

  it('is not fooled by the assistant talking about water', () => {
    const messages = plHistory();
    expect(messages.some((m) => m.role === 'assistant' && /wod/.test(m.text))).toBe(true);
    expect(domains(findGaps(messages))).toContain('hydration');
  });

  it('finds the gaps of an English history and words the need in English', () => {
    const report = findGaps(enHistory());
    expect(domains(report)).toEqual(['hydration', 'finance', 'learning']);
    expect(report.suggestions[1]).toMatchObject({
      title: { en: 'You never talk about money — track it?', pl: 'Nigdy nie mówisz o pieniądzach — śledzić?' },
      need: { subject: 'spending', unit: 'PLN', language: 'en' },
    });
  });

  it('does not report a domain an installed skill covers', () => {
    expect(domains(findGaps(plHistory(), { installedSubjectKeys: ['water'] }))).toEqual(['mindfulness']);
    // a skill on any subject of the domain covers it, and so does a skill keyed by the domain itself
    expect(domains(findGaps(enHistory(), { installedSubjectKeys: ['savings', 'learning'] }))).toEqual(['hydration']);
  });

  it('mentioning a domain once is enough to cover it', () => {
    const messages = [...plHistory(), ...history(['Dziś cały dzień medytacja i spokój'], { firstDay: '2026-03-22' })];
    expect(domains(findGaps(messages))).toEqual(['hydration']);
  });

  it('says nothing from a history too small to judge', () => {
    const tiny = history(['Cześć', 'Co słychać?', 'Dzięki!']);
    const report = findGaps(tiny);
    expect(report.suggestions).toEqual([]);
    expect(report.scanned).toEqual({ messages: 3, days: 3 });
    expect(report.tooSmall?.en).toContain('3 messages over 3 days');
    expect(report.tooSmall?.pl).toContain('3 wiadomości z 3 dni');
    // the same history is judged once the thresholds allow it
    expect(findGaps(tiny, { minMessages: 3, minDistinctDays: 3 }).suggestions.length).toBe(13);
    // many messages on one day is still too small
    const oneDay = history(Array(40).fill('Hej')).map((m) => ({ ...m, day: '2026-03-01' }));
    expect(findGaps(oneDay).tooSmall).not.toBeNull();
  });
});
