import { describe, expect, it } from 'vitest';
import { findPatterns } from '../../../main/skills/detector/pattern-matcher.ts';
import { enHistory, history, plHistory } from './fixtures.ts';

const keys = (suggestions: { subjectKey: string }[]) => suggestions.map((s) => s.subjectKey);

describe('pattern matcher', () => {
  it('notices coffee in a Polish history from its inflected forms, with counts and the newest examples', () => {
    const [coffee, ...others] = findPatterns(plHistory());
    expect(others).toEqual([]);
    expect(coffee).toMatchObject({
      source: 'pattern',
      subjectKey: 'coffee',
      title: { pl: 'Często wspominasz o kawie — liczyć?', en: 'You often mention coffee — count it?' },
      evidence: { count: 10, distinctDays: 9, domain: 'nutrition' },
      need: { kind: 'counter', subject: 'kawa', subjectKey: 'coffee', unit: 'filiżanki', language: 'pl', source: 'pattern', cadence: { type: 'none' } },
    });
    expect(coffee!.need.text).toBe('Często wspominasz o kawie — liczyć?');
    expect(coffee!.need.evidence).toEqual(coffee!.evidence);
    expect(coffee!.evidence.examples).toEqual([
      { text: 'Chyba muszę ograniczyć kawę, bo przez nią fatalnie śpię.', at: '2026-03-19T22:10:00+01:00' },
      { text: 'Kupiłam nowe ziarna kawy z Etiopii, pachną obłędnie.', at: '2026-03-16T12:30:00+01:00' },
      { text: 'Czwarta kawusia dzisiaj, serce mi wali.', at: '2026-03-12T15:00:00+01:00' },
    ]);
  });

  it('finds coffee, walks and cigarettes in an English history, plurals included', () => {
    const found = findPatterns(enHistory());
    expect(keys(found).sort()).toEqual(['cigarettes', 'coffee', 'walking']);
    for (const s of found) expect(s.evidence).toMatchObject({ count: 5, distinctDays: 5 });
    expect(found.find((s) => s.subjectKey === 'walking')!.need).toMatchObject({ kind: 'tracker', subject: 'walking', unit: 'km', language: 'en' });
    expect(found.find((s) => s.subjectKey === 'cigarettes')!.title.en).toBe('You often mention cigarettes — count it?');
  });

  it('respects the thresholds', () => {
    expect(keys(findPatterns(plHistory(), { minMentions: 11 }))).toEqual([]);
    expect(keys(findPatterns(plHistory(), { minDistinctDays: 10 }))).toEqual([]);
    // sleep comes up 4 times on 4 days (spałam, sen, zasnąć, śpię): below the default of 5
    const lower = findPatterns(plHistory(), { minMentions: 4 });
    expect(lower.find((s) => s.subjectKey === 'sleep')?.evidence).toMatchObject({ count: 4, distinctDays: 4 });
    expect(lower.find((s) => s.subjectKey === 'sleep')?.title.pl).toBe('Często wspominasz o śnie — śledzić?');
    // only the last week: 2 coffee messages (16 and 19 March)
    expect(findPatterns(plHistory(), { windowDays: 7, minMentions: 2, minDistinctDays: 2 }).find((s) => s.subjectKey === 'coffee')?.evidence.count).toBe(2);
  });

  it('counts a message once however often it names the subject, and one busy day is not a habit', () => {
    const sameDay = history(Array(8).fill('kawa, kawa i jeszcze raz kawa')).map((m) => ({ ...m, day: '2026-03-01' }));
    expect(findPatterns(sameDay)).toEqual([]);
    const spread = findPatterns(history(Array(5).fill('kawa, kawa i jeszcze raz kawa')));
    expect(spread[0]?.evidence).toMatchObject({ count: 5, distinctDays: 5 });
  });

  it('ignores what the assistant says', () => {
    const assistantOnly = history(Array(10).fill('Może ogranicz kawę?'), { role: 'assistant' });
    expect(findPatterns(assistantOnly)).toEqual([]);
  });

  it('does not propose a subject an installed skill already covers', () => {
    expect(keys(findPatterns(plHistory(), { installedSubjectKeys: ['coffee'] }))).toEqual([]);
    expect(keys(findPatterns(enHistory(), { installedSubjectKeys: ['coffee', 'walking'] }))).toEqual(['cigarettes']);
  });

  it('keeps long example messages short', () => {
    const found = findPatterns(history(Array(5).fill(`Kawa ${'bardzo '.repeat(100)}dobra`)));
    for (const e of found[0]!.evidence.examples!) expect(e.text.length).toBeLessThanOrEqual(200);
  });
});
