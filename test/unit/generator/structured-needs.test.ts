// Skills built from needs with more than one number: what a person notices when using them —
// both blood-pressure numbers kept, a limit named in the warning, a prompt twice a day, a streak.
import { describe, expect, it } from 'vitest';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import { parseSkillRequest } from '../../../main/skills/detector/index.ts';
import { buildOfflineCandidate } from '../../../main/skills/generator/offline-generator.ts';
import { useCandidateSandbox } from './sandbox-harness.ts';

const box = useCandidateSandbox();
let tenants = 0;
const freshTenant = () => `structured-${++tenants}`;

function candidateFor(text: string) {
  const result = parseSkillRequest(text);
  if (!result.isRequest) throw new Error(`not a request: ${result.reason.en}`);
  return { need: result.need as SkillNeed, candidate: buildOfflineCandidate(result.need) };
}

describe('a blood pressure tracker asked for twice a day', () => {
  const { candidate } = candidateFor('Chcę mierzyć ciśnienie dwa razy na dzień');

  it('keeps systolic, diastolic and pulse of each reading, and shows the latest one', async () => {
    const skill = box.atWork(candidate, {}, freshTenant());
    expect(await skill.call('executeAction', 'log_blood_pressure', { systolic: 130, diastolic: 85, pulse: 72 })).toMatchObject({ success: true });
    expect(await skill.call('executeAction', 'log_blood_pressure', { systolic: 118, diastolic: 79 })).toMatchObject({ success: true });
    expect(await skill.call('getData')).toMatchObject({ unit: 'mmHg', latest_systolic: 118, latest: { systolic: 118, diastolic: 79, pulse: null }, average: 124, count: 2 });
  });

  it('refuses half a reading in Polish and writes nothing', async () => {
    const tenant = freshTenant();
    const skill = box.atWork(candidate, {}, tenant);
    expect(await skill.call('executeAction', 'log_blood_pressure', { systolic: 120 })).toEqual({ success: false, error: 'Brakuje pola diastolic' });
    expect(skill.rows('exo_blood_pressure_entries')).toEqual([]);
  });

  it('asks for a reading at 08:00 and 20:00, in Polish', async () => {
    expect(candidate.manifest.schedules?.map((s) => [s.action, s.cron])).toEqual([['ask_for_entry', '0 8 * * *'], ['ask_for_entry', '0 20 * * *']]);
    const skill = box.atWork(candidate, {}, freshTenant());
    await skill.call('executeAction', 'ask_for_entry');
    expect(skill.notifications).toEqual([{ title: 'Śledzenie: ciśnienie', body: 'Czas zapisać: ciśnienie.' }]);
    expect(candidate.manifest.capabilities.notifications).toBe(true);
  });
});

describe('a spending limit for the week', () => {
  const { candidate } = candidateFor('Ostrzeż mnie, gdy wydam w tygodniu więcej niż 400 zł');

  it('warns naming the limit once the total is over it, and not before', async () => {
    const skill = box.atWork(candidate, {}, freshTenant());
    await skill.call('executeAction', 'log_spending', { amount: 250, category: 'jedzenie' });
    expect(await skill.call('getInsights')).toEqual([]);
    await skill.call('executeAction', 'log_spending', { amount: 200 });
    expect(await skill.call('getInsights')).toEqual([{ type: 'warning', title: 'Ponad tygodniowy limit: wydatki', message: '450 zł w ostatnich 7 dniach, limit 400 zł' }]);
    expect(await skill.call('getData')).toMatchObject({ period: 'week', unit: 'zł', total_zl: 450, count: 2 });
  });
});

describe('a habit', () => {
  const { candidate } = candidateFor('I want to build a habit of flossing');

  it('is marked once a day however often it is ticked, and can be undone', async () => {
    const skill = box.atWork(candidate, {}, freshTenant());
    expect(candidate.manifest.name).toBe('Flossing Habit');
    await skill.call('executeAction', 'mark_done');
    await skill.call('executeAction', 'mark_done');
    expect(await skill.call('getData')).toMatchObject({ done_today: true, streak: 1, days_done: 1 });
    await skill.call('executeAction', 'undo_today');
    expect(await skill.call('getData')).toMatchObject({ done_today: false, streak: 0, days_done: 0 });
  });
});

describe('a reminder three times a day', () => {
  const { candidate } = candidateFor('Przypominaj mi o witaminach trzy razy dziennie');

  it('runs at 08:00, 14:00 and 20:00, named and worded in Polish without repeating itself', async () => {
    expect(candidate.manifest.name).toBe('Przypomnienie: witaminy');
    expect(candidate.manifest.schedules?.map((s) => s.cron)).toEqual(['0 8 * * *', '0 14 * * *', '0 20 * * *']);
    const skill = box.atWork(candidate, {}, freshTenant());
    await skill.call('executeAction', 'remind');
    expect(skill.notifications).toEqual([{ title: 'Przypomnienie: witaminy', body: 'Już pora.' }]);
  });
});

describe('a counter of times a week', () => {
  const { candidate } = candidateFor('Chcę liczyć, ile razy w tygodniu chodzę na siłownię');

  it('counts times, not minutes, and shows the week total', async () => {
    const skill = box.atWork(candidate, {}, freshTenant());
    await skill.call('executeAction', 'increment');
    expect(await skill.call('getData')).toMatchObject({ unit: 'razy', today: 1, period: 'week', week_total: 1 });
    expect(candidate.manifest.name).toBe('Licznik: trening');
  });
});
