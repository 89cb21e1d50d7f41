// The offline generator fills the manifest's presentation hint, and the hint names what the
// skill's getData() really returns: run in the sandbox, an entry shows on the card's headline and
// today's point of its chart.
import { describe, expect, it } from 'vitest';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import { buildOfflineCandidate } from '../../../main/skills/generator/offline-generator.ts';
import { parseSkillRequest } from '../../../main/skills/detector/index.ts';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { cardFigures } from '../../../main/skills/today/index.ts';
import { useCandidateSandbox } from './sandbox-harness.ts';

const box = useCandidateSandbox();

function need(overrides: Partial<SkillNeed>): SkillNeed {
  return { kind: 'tracker', subject: 'woda', subjectKey: 'water', unit: 'ml', cadence: { type: 'none' }, language: 'pl', source: 'request', text: 'Chcę śledzić ile piję wody', ...overrides };
}

const CHARTED: { name: string; need: SkillNeed; action: string; params: Record<string, unknown>; headline: string; series: string; today: number }[] = [
  { name: 'a tracker', need: need({}), action: 'log_water', params: { amount_ml: 250 }, headline: 'total_ml', series: 'entries', today: 250 },
  {
    name: 'a counter', need: need({ kind: 'counter', subject: 'coffee', subjectKey: 'coffee', unit: 'cups', language: 'en', text: 'Count my coffees' }),
    action: 'increment', params: { by: 2 }, headline: 'today', series: 'last_days', today: 2,
  },
  {
    name: 'a journal', need: need({ kind: 'journal', subject: 'gratitude', subjectKey: 'gratitude', unit: null, language: 'en', text: 'I want a gratitude journal' }),
    action: 'add_entry', params: { text: 'Sunny walk', mood: 4 }, headline: 'today_count', series: 'entries', today: 1,
  },
];

describe('the presentation hint of offline skills', () => {
  it.each(CHARTED)('$name names its headline and its series, and its getData() holds them', async ({ need: wanted, action, params, headline, series, today }) => {
    const candidate = buildOfflineCandidate(wanted);
    const hint = candidate.manifest.presentation;
    expect(hint).toMatchObject({ headline, series: { key: series } });
    expect(auditSkill(candidate.code, { manifest: candidate.manifest }).findings.filter((f) => f.rule.startsWith('manifest/'))).toEqual([]);

    const tenant = `tenant-${action}`;
    await box.run(candidate, { method: 'executeAction', action, params }, tenant);
    const data = (await box.run(candidate, { method: 'getData' }, tenant)).result;
    const card = cardFigures(data, hint, new Date());
    expect(card.headline).toMatchObject({ key: headline, value: today });
    expect(card.chart).toMatchObject({ key: series });
    expect(card.chart!.points.at(-1)!.value).toBe(today);
  });

  it('charts a reading (blood pressure) as the day’s last one, with no point on days without a reading', async () => {
    const parsed = parseSkillRequest('Track my blood pressure and pulse');
    if (!parsed.isRequest) throw new Error('not parsed');
    const candidate = buildOfflineCandidate(parsed.need);
    expect(candidate.manifest.presentation).toMatchObject({ series: { key: 'entries', value: 'systolic', per_day: 'last' }, unit: 'mmHg' });
    const tenant = 'tenant-readings';
    await box.run(candidate, { method: 'executeAction', action: 'log_blood_pressure', params: { systolic: 131, diastolic: 85, pulse: 70 } }, tenant);
    await box.run(candidate, { method: 'executeAction', action: 'log_blood_pressure', params: { systolic: 124, diastolic: 80, pulse: 68 } }, tenant);
    const card = cardFigures((await box.run(candidate, { method: 'getData' }, tenant)).result, candidate.manifest.presentation, new Date());
    expect(card.headline).toMatchObject({ value: 124, unit: 'mmHg' });
    expect(card.chart!.points.at(-1)!.value).toBe(124);
    expect(card.chart!.points.at(-2)!.value).toBeNull();
  });

  it('heads a habit’s card with its streak', async () => {
    const parsed = parseSkillRequest('Track whether I meditate every day');
    if (!parsed.isRequest) throw new Error('not parsed');
    const candidate = buildOfflineCandidate(parsed.need);
    const tenant = 'tenant-habit';
    const actions = (await box.run(candidate, { method: 'getActions' }, tenant)).result as { slug: string }[];
    await box.run(candidate, { method: 'executeAction', action: actions[0]!.slug, params: {} }, tenant);
    const card = cardFigures((await box.run(candidate, { method: 'getData' }, tenant)).result, candidate.manifest.presentation, new Date());
    expect(card.headline).toMatchObject({ key: 'streak', value: 1 });
  });

  it('is left out where the data is no series: a checklist, a reminder', () => {
    expect(buildOfflineCandidate(need({ kind: 'checklist', subject: 'zakupy', subjectKey: 'shopping', unit: null, text: 'Lista zakupów' })).manifest.presentation).toBeUndefined();
    const reminder = need({ kind: 'reminder', subject: 'posture', subjectKey: 'posture', unit: null, cadence: { type: 'interval', everyMinutes: 90 }, language: 'en', text: 'Remind me about my posture every 90 minutes' });
    expect(buildOfflineCandidate(reminder).manifest.presentation).toBeUndefined();
  });
});
