// The generator evaluation (issue 15 §1) as part of the unit run: the whole table (80 requests,
// a few seconds) against a floor, and the evaluator's own checks on skills whose faults are known.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRequest, evaluateTable, passRates } from '../../../eval/generator/evaluate.ts';
import { rateTable } from '../../../eval/generator/report.ts';
import { REQUESTS } from '../../../eval/generator/requests.ts';
import { openEvalSandbox, type EvalSandbox } from '../../../eval/generator/skill-at-work.ts';
import { CATEGORIES, type Check, type EvalRequest } from '../../../eval/generator/table.ts';
import { offlineGenerator, type SkillGenerator } from '../../../main/skills/generator/index.ts';
import { asSkillRequest } from '../../../main/skills/generator/skill-request.ts';
import type { SkillNeed } from '../../../shared/skills/need.ts';

/**
 * The offline generator's pass rate on the table, measured 2026-12-08 (80 of 80 = 100 %; it was
 * 23 of 80 = 28.8 % on 2026-12-07), rounded down. Raise it as the generator improves; never lower it.
 */
const OFFLINE_FLOOR_PERCENT = 100;

let box: EvalSandbox;
beforeAll(() => {
  box = openEvalSandbox();
});
afterAll(() => box.close());

const row = (text: string, language: 'pl' | 'en', ...checks: Check[]): EvalRequest => ({ text, language, category: 'period', checks });
/** The offline generator given a need with a known fault: the checks must notice it. */
const faulty = (fault: Partial<SkillNeed>): SkillGenerator => ({
  id: 'offline',
  generate: (input) => offlineGenerator.generate({ ...(asSkillRequest(input).need as SkillNeed), ...fault }),
});

describe('the generator evaluation table', () => {
  it('has at least 80 requests, half Polish, covering every category in both languages', () => {
    expect(REQUESTS.length).toBeGreaterThanOrEqual(80);
    expect(REQUESTS.filter((r) => r.language === 'pl').length).toBe(REQUESTS.length / 2);
    for (const category of CATEGORIES)
      for (const language of ['pl', 'en'])
        expect(REQUESTS.filter((r) => r.category === category && r.language === language).length, `${category} (${language})`).toBeGreaterThanOrEqual(4);
  });

  it(`the offline generator does what was asked for at least ${OFFLINE_FLOOR_PERCENT} % of the requests`, async () => {
    const results = await evaluateTable(REQUESTS, box);
    console.info(rateTable(results).join('\n'));
    const overall = passRates(results).at(-1)!;
    expect((100 * overall.passed) / overall.total).toBeGreaterThanOrEqual(OFFLINE_FLOOR_PERCENT);
  }, 120_000);
});

describe('the evaluation tells a skill that does what was asked from one that does not', () => {
  it('a sentence made into a skill where it should be refused fails, naming what was made', async () => {
    const { failures } = await evaluateRequest(row('Chcę śledzić, ile piję wody', 'pl', { check: 'refused' }), box);
    expect(failures).toEqual(['taken as a request (tracker of "woda") instead of refused']);
  });

  it('a daily total where a weekly one was asked fails, showing the totals the skill gave', async () => {
    const { failures } = await evaluateRequest(row('Track how much water I drink', 'en', { check: 'total', period: 'week' }), box);
    expect(failures).toEqual([expect.stringMatching(/^total: getData shows no week total of 12 .*total_ml=7/)]);
  });

  it('a daily total where a daily one was asked passes: yesterday does not count', async () => {
    expect(await evaluateRequest(row('Track how much water I drink', 'en', { check: 'total', period: 'day' }), box)).toMatchObject({ failures: [] });
  });

  it('an entry or list item the skill keeps passes: weight in kg, a shopping list', async () => {
    expect((await evaluateRequest(row('Track my weight in kg', 'en', { check: 'entry', fields: { weight: 72.5 } }), box)).failures).toEqual([]);
    expect((await evaluateRequest(row('Make me a shopping list', 'en', { check: 'list', items: ['milk', 'bread'] }), box)).failures).toEqual([]);
  });

  it('a reminder at 8 passes a check for 08:00 and fails one for 09:00 or for two a day', async () => {
    const text = 'Remind me to take my pills every day at 8';
    expect((await evaluateRequest(row(text, 'en', { check: 'schedule', at: ['08:00'] }), box)).failures).toEqual([]);
    expect((await evaluateRequest(row(text, 'en', { check: 'schedule', at: ['09:00'], perDay: 2 }), box)).failures)
      .toEqual(['schedule: runs at 08:00, not at 09:00; runs 1 times a day, not 2']);
  });

  it('a Polish request named in English, or with a filler word, fails the name check', async () => {
    expect((await evaluateRequest(row('Chcę śledzić, ile piję wody', 'pl'), box, faulty({ language: 'en' }))).failures).toEqual(['name: "Water Tracker" is English for a Polish request (tracker)']);
    expect((await evaluateRequest(row('Count the pages I read every day', 'en'), box, faulty({ subject: 'pages I read', subjectKey: 'pages-i-read' }))).failures)
      .toEqual(['name: "Pages I Read Counter" keeps the filler word "i"']);
  });

  it('a tracker asked to count books, which counts pages, fails the unit check', async () => {
    const { failures } = await evaluateRequest(row('I want to count the books I read', 'en', { check: 'unit', unit: 'books', not: 'pages' }), box, faulty({ unit: 'pages' }));
    expect(failures).toEqual([expect.stringMatching(/^unit: no amount in books \(units seen: pages/)]);
  });

  it('a skill that warns at another limit than the one asked gives no warning naming it, and fails the threshold check', async () => {
    const { failures } = await evaluateRequest(row('Track my sleep and warn me under 6 hours', 'en', { check: 'threshold', direction: 'below', limit: 6 }), box, faulty({ threshold: { direction: 'below', limit: 4 } }));
    expect(failures).toEqual(["threshold: no warning naming 6 once the day's total is below 6"]);
  });

  // The check read an interval's first run against an anchor after it, so a 90-minute reminder
  // showed runs 1 ms apart; a person sees it every 90 minutes, and so does the check now.
  it('a reminder every 90 minutes passes a check for 90 minutes and fails one for 60', async () => {
    const text = 'Notify me to stretch every 90 minutes';
    expect((await evaluateRequest(row(text, 'en', { check: 'schedule', everyMinutes: 90 }), box)).failures).toEqual([]);
    expect((await evaluateRequest(row(text, 'en', { check: 'schedule', everyMinutes: 60 }), box)).failures).toEqual(['schedule: runs every 90 minutes, not every 60']);
  });
});
