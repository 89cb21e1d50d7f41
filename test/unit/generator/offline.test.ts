import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { SkillCandidate } from '../../../shared/skills/candidate.ts';
import type { ModAction } from '../../../shared/skills/mod-types.ts';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import { GeneratorError } from '../../../main/skills/generator/generator-error.ts';
import { buildOfflineCandidate, offlineGenerator } from '../../../main/skills/generator/offline-generator.ts';
import { parseSkillMd } from '../../../main/skills/generator/skill-md.ts';
import { skillNames } from '../../../main/skills/generator/templates/naming.ts';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { parseSkillRequest } from '../../../main/skills/detector/index.ts';
import { useCandidateSandbox } from './sandbox-harness.ts';

const box = useCandidateSandbox();
let tenants = 0;
/** A tenant no other test writes as, so tests share one sandbox without seeing each other's rows. */
const freshTenant = () => `tenant-${++tenants}`;

function need(overrides: Partial<SkillNeed>): SkillNeed {
  return { kind: 'tracker', subject: 'woda', subjectKey: 'water', unit: 'ml', cadence: { type: 'none' }, language: 'pl', source: 'request', text: 'Chcę śledzić ile piję wody', ...overrides };
}

const WATER = need({});
function parsed(text: string): SkillNeed {
  const result = parseSkillRequest(text);
  if (!result.isRequest) throw new Error(`not a request: ${result.reason.en}`);
  return result.need;
}
const NEEDS: Record<string, SkillNeed> = {
  'tracker (water, pl)': WATER,
  'tracker (reading, en, no unit)': need({ subject: 'reading', subjectKey: 'reading', unit: null, language: 'en', text: 'I want to track my reading' }),
  'reminder (daily, pl)': need({ kind: 'reminder', subject: 'rozciąganie', subjectKey: 'stretching', unit: null, cadence: { type: 'daily', at: '08:00' }, text: 'Przypominaj mi o rozciąganiu codziennie o 8' }),
  'reminder (weekly, en)': need({ kind: 'reminder', subject: 'plants', subjectKey: 'watering_plants', unit: null, cadence: { type: 'weekly', days: ['mon', 'thu'] }, language: 'en', text: 'Remind me to water the plants on Mondays and Thursdays' }),
  'reminder (interval, en)': need({ kind: 'reminder', subject: 'posture', subjectKey: 'posture', unit: null, cadence: { type: 'interval', everyMinutes: 90 }, language: 'en', text: 'Remind me about my posture every 90 minutes' }),
  'counter (coffee, en)': need({ kind: 'counter', subject: 'coffee', subjectKey: 'coffee', unit: 'cups', language: 'en', text: 'Count my coffees' }),
  'checklist (pl)': need({ kind: 'checklist', subject: 'zakupy', subjectKey: 'shopping', unit: null, text: 'Lista zakupów' }),
  'journal (en)': need({ kind: 'journal', subject: 'gratitude', subjectKey: 'gratitude', unit: null, language: 'en', text: 'I want a gratitude journal' }),
  'tracker (blood pressure, fields, twice a day, pl)': parsed('Chcę mierzyć ciśnienie i tętno dwa razy na dzień'),
  'tracker (spending on fuel, month, limit, en)': parsed('Warn me when I spend over 800 zł a month on fuel'),
  'counter (times a week, pl)': parsed('Chcę liczyć, ile razy w tygodniu gram w tenisa'),
  'habit (pl)': parsed('Chcę wyrobić sobie nawyk porannej gimnastyki'),
  'habit (en)': parsed('I want a streak for flossing'),
  'reminder (three times a day, en)': parsed('Remind me to drink water three times a day'),
};

const audit = (candidate: SkillCandidate) => auditSkill(candidate.code, { manifest: candidate.manifest });

async function actionsOf(candidate: SkillCandidate): Promise<ModAction[]> {
  return (await box.run(candidate, { method: 'getActions' }, freshTenant())).result as unknown as ModAction[];
}

describe('the offline generator: the seed water tracker', () => {
  const water = buildOfflineCandidate(WATER);

  it('names the skill, its table and its action as the seed does', () => {
    expect(water.manifest).toMatchObject({
      slug: 'custom-water-tracker',
      name: 'Śledzenie: woda',
      version: '1.0.0',
      capabilities: { reads: ['exo_water_entries'], writes: ['exo_water_entries'], http: [], notifications: false, skills: [] },
    });
    expect(water.generator).toBe('offline');
    expect(water.attempt).toBe(1);
    expect(water.code).toMatch(/^export class WaterTrackerExecutor implements IModExecutor \{/);
    expect(water.code).toContain('supabase.from("exo_water_entries").insert(entry)');
    expect(water.sampleInputs[0]).toEqual({ method: 'executeAction', action: 'log_water', params: { amount_ml: 250 } });
  });

  it('offers log_water with amount_ml, named in Polish as in the seed', async () => {
    const [logWater, ...others] = await actionsOf(water);
    expect(others).toEqual([]);
    expect(logWater).toMatchObject({ slug: 'log_water', name: 'Zapisz wypitą wodę', description: 'Zapisz ile wody wypiłeś' });
    expect(logWater?.params_schema).toMatchObject({ required: ['amount_ml'], properties: { amount_ml: { type: 'number', exclusiveMinimum: 0, maximum: 5000 } } });
  });

  it('has a SKILL.md that follows the specification, named after its folder', () => {
    const { frontMatter, body } = parseSkillMd(water.skillMd, { folderName: 'custom-water-tracker' });
    expect(frontMatter.name).toBe('custom-water-tracker');
    expect(frontMatter.description).toMatch(/^Tracks water in ml/);
    expect(body).toContain('> PL: Śledzi: woda (ml)');
    expect(body).toContain('`log_water`');
  });

  it('totals today per owner, warns under 1000 ml with the seed words, celebrates 2000 ml', async () => {
    const [anna, bob] = [freshTenant(), freshTenant()];
    const log = (amount_ml: unknown, tenant: string) => box.run(water, { method: 'executeAction', action: 'log_water', params: { amount_ml } }, tenant);
    expect((await log(300, anna)).result).toMatchObject({ success: true, data: { amount_ml: 300 } });
    await log(450, anna);
    await log(2500, bob);
    expect((await box.run(water, { method: 'getData' }, anna)).result).toMatchObject({ unit: 'ml', total_ml: 750, goal: 2000, count: 2 });
    expect((await box.run(water, { method: 'getInsights' }, anna)).result).toEqual([{ type: 'warning', title: 'Pij więcej wody!', message: 'Tylko 750ml dziś, minimum 1000ml' }]);
    expect((await box.run(water, { method: 'getInsights' }, bob)).result).toEqual([{ type: 'success', title: 'Cel osiągnięty!', message: '2500ml dziś, cel 2000ml' }]);
  });

  it('refuses an amount out of range in Polish and writes nothing', async () => {
    const tenant = freshTenant();
    for (const amount_ml of [0, -5, 5001, 'dużo']) {
      const outcome = await box.run(water, { method: 'executeAction', action: 'log_water', params: { amount_ml } }, tenant);
      expect(outcome.result).toEqual({ success: false, error: 'Podaj amount_ml większe od 0 i nie większe niż 5000' });
    }
    expect((await box.run(water, { method: 'executeAction', action: 'drink', params: {} }, tenant)).result).toEqual({ success: false, error: 'Nieznana akcja' });
    expect(box.rows(water, 'exo_water_entries', tenant)).toEqual([]);
  });
});

describe.each(Object.entries(NEEDS))('the offline generator: %s', (_label, skillNeed) => {
  const candidate = buildOfflineCandidate(skillNeed);

  it('passes the audit with its manifest', async () => {
    const report = audit(candidate);
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(report.capabilities).toMatchObject(candidate.manifest.capabilities);
  });

  it('is deterministic: the same need gives a byte-identical candidate', async () => {
    expect(JSON.stringify(buildOfflineCandidate(structuredClone(skillNeed)))).toBe(JSON.stringify(candidate));
    expect(JSON.stringify(await offlineGenerator.generate(skillNeed))).toBe(JSON.stringify(candidate));
  });

  it('has schemas that ajv compiles in strict mode, and sample params they accept', async () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    expect(() => ajv.compile(candidate.configSchema)).not.toThrow();
    const actions = await actionsOf(candidate);
    for (const sample of candidate.sampleInputs.filter((s) => s.method === 'executeAction')) {
      const action = actions.find((a) => a.slug === sample.action);
      expect(action, `action ${sample.action}`).toBeDefined();
      const validate = ajv.compile(action?.params_schema ?? {});
      expect(validate(sample.params), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('runs its sample inputs in the sandbox, in order, without a failure', async () => {
    const tenant = freshTenant();
    for (const sample of candidate.sampleInputs) {
      const outcome = await box.run(candidate, sample, tenant);
      expect(outcome.error, `${sample.method} ${sample.action ?? ''}: ${JSON.stringify(outcome.error)}`).toBeUndefined();
      if (sample.method === 'executeAction') expect(outcome.result).toMatchObject({ success: true });
    }
  });

  it('has a valid SKILL.md named after the slug, and names actions in the need language', async () => {
    expect(parseSkillMd(candidate.skillMd, { folderName: candidate.manifest.slug }).frontMatter.metadata).toMatchObject({ kind: skillNeed.kind, language: skillNeed.language });
    const actions = await actionsOf(candidate);
    const polish = actions.some((a) => /[ąćęłńóśźż]|Dodaj|Zapisz|Zaloguj|Pokaż|Odhacz|Oznacz|Wyzeruj|Odejmij|Powiadom/.test(a.name));
    expect(polish).toBe(skillNeed.language === 'pl');
  });
});

describe('the offline generator: kinds at work in the sandbox', () => {
  it('a reminder notifies once when due, and schedules the next one on completion', async () => {
    const tenant = freshTenant();
    const reminder = buildOfflineCandidate(NEEDS['reminder (daily, pl)'] as SkillNeed);
    const act = (action: string, params: Record<string, unknown>) => box.run(reminder, { method: 'executeAction', action, params }, tenant);
    const insights = async () => (await box.run(reminder, { method: 'getInsights' }, tenant)).result;
    const added = await act('add_reminder', { title: 'Rozciąganie pleców' });
    const due = (added.result as { data: { due_at: string } }).data.due_at;
    expect(new Date(due).getHours()).toBe(8);
    expect(Date.parse(due)).toBeGreaterThan(Date.now());
    await act('add_reminder', { title: 'Rozciąganie nóg', due_at: '2020-01-01T08:00:00Z' });

    expect(await insights()).toEqual([{ type: 'warning', title: 'Przypomnienie: rozciąganie', message: 'Rozciąganie nóg' }]);
    const first = await act('notify_due', {});
    expect(first.notifications).toEqual([{ title: 'Przypomnienie: rozciąganie', body: 'Rozciąganie nóg' }]);
    expect((await act('notify_due', {})).notifications).toEqual([]);

    const done = await act('complete_reminder', { title: 'Rozciąganie nóg' });
    expect(done.result).toMatchObject({ success: true, data: { title: 'Rozciąganie nóg', next_due_at: expect.any(String) } });
    expect(await insights()).toEqual([]);
    expect((await act('complete_reminder', { title: 'Nic takiego' })).result).toEqual({ success: false, error: 'Nie ma otwartego przypomnienia o tej treści' });
    const rows = box.rows(reminder, 'exo_stretching_reminders', tenant);
    expect(rows.filter((r) => r.done === false).map((r) => r.title)).toEqual(['Rozciąganie pleców', 'Rozciąganie nóg']);
  });

  it('a counter counts up and down per day, never below zero, and warns past the coffee limit', async () => {
    const tenant = freshTenant();
    const counter = buildOfflineCandidate(NEEDS['counter (coffee, en)'] as SkillNeed);
    const act = (action: string, params: Record<string, unknown> = {}) => box.run(counter, { method: 'executeAction', action, params }, tenant);
    const insights = async () => (await box.run(counter, { method: 'getInsights' }, tenant)).result;
    await act('increment');
    await act('increment', { by: 4 });
    expect((await act('decrement')).result).toMatchObject({ success: true, data: { count: 4 } });
    expect(await insights()).toEqual([{ type: 'info', title: 'Today: coffee', message: '4 cups today' }]);
    await act('increment');
    expect(await insights()).toEqual([{ type: 'warning', title: 'Lots of coffee today', message: '5 cups today, limit 4 cups' }]);
    expect((await act('decrement', { by: 50 })).result).toMatchObject({ data: { count: 0 } });
    await act('increment');
    expect((await act('reset')).result).toMatchObject({ data: { count: 0 } });
    expect(box.rows(counter, 'exo_coffee_counts', tenant)).toHaveLength(1);
  });

  it('a checklist adds, refuses duplicates, checks off and lists', async () => {
    const tenant = freshTenant();
    const list = buildOfflineCandidate(NEEDS['checklist (pl)'] as SkillNeed);
    const act = (action: string, params: Record<string, unknown> = {}) => box.run(list, { method: 'executeAction', action, params }, tenant);
    await act('add_item', { item: 'mleko' });
    await act('add_item', { item: 'chleb' });
    expect((await act('add_item', { item: 'mleko' })).result).toEqual({ success: false, error: 'Ta pozycja już jest na liście' });
    expect((await box.run(list, { method: 'getInsights' }, tenant)).result).toEqual([{ type: 'info', title: 'Do zrobienia: zakupy', message: 'Zostało 2: mleko, chleb' }]);
    await act('check_item', { item: 'mleko' });
    expect((await act('check_item', { item: 'mleko' })).result).toMatchObject({ success: false });
    const listed = (await act('list_items')).result as { data: { open: { item: string }[]; done: { item: string }[] } };
    expect(listed.data.open.map((i) => i.item)).toEqual(['chleb']);
    expect(listed.data.done.map((i) => i.item)).toEqual(['mleko']);
  });

  it('a journal keeps entries with a mood and notices a low mood', async () => {
    const tenant = freshTenant();
    const journal = buildOfflineCandidate(NEEDS['journal (en)'] as SkillNeed);
    const act = (action: string, params: Record<string, unknown> = {}) => box.run(journal, { method: 'executeAction', action, params }, tenant);
    const insights = async () => (await box.run(journal, { method: 'getInsights' }, tenant)).result;
    expect(await insights()).toEqual([{ type: 'info', title: 'No entry today: gratitude', message: 'A few sentences are enough' }]);
    for (const mood of [2, 1, 2]) await act('add_entry', { text: 'A long day', mood });
    expect(await insights()).toEqual([{ type: 'warning', title: 'Your mood has been low lately', message: 'Average of recent entries: 1.7/5' }]);
    const listed = (await act('list_entries', { limit: 2 })).result as { data: { entries: unknown[] } };
    expect(listed.data.entries).toHaveLength(2);
    expect((await act('add_entry', { text: '   ' })).result).toEqual({ success: false, error: 'Say what to write down' });
  });
});

describe('the offline generator: names and untrusted text', () => {
  it('derives bounded [a-z0-9_] keys from the subject key', () => {
    expect(skillNames({ kind: 'tracker', subject: 'x', subjectKey: 'Poranne ćwiczenia, łyżwy!' })).toMatchObject({
      key: 'poranne_cwiczenia_lyzwy',
      slug: 'custom-poranne-cwiczenia-lyzwy-tracker',
      table: 'exo_poranne_cwiczenia_lyzwy_entries',
      className: 'PoranneCwiczeniaLyzwyTrackerExecutor',
      displayName: 'Poranne Cwiczenia Lyzwy Tracker',
    });
    const long = skillNames({ kind: 'checklist', subject: 'x', subjectKey: 'a_very_long_subject_key_that_goes_on_and_on_forever' });
    expect(long.key.length).toBeLessThanOrEqual(32);
    expect(long.slug.length).toBeLessThanOrEqual(64);
    expect(skillNames({ kind: 'counter', subject: 'x', subjectKey: '10k steps' }).key).toBe('n10k_steps');
    expect(skillNames({ kind: 'counter', subject: 'herbata', subjectKey: '' }).key).toBe('herbata');
  });

  it('refuses a need with nothing to name the skill after, or of a shape it does not know', async () => {
    await expect(offlineGenerator.generate(need({ subject: '!!!', subjectKey: '???' }))).rejects.toMatchObject({ code: 'generator/invalid-need' });
    const odd = { ...WATER, kind: 'spreadsheet', language: 'de', cadence: { type: 'daily', at: '25:00' } } as unknown as SkillNeed;
    const error = await offlineGenerator.generate(odd).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'generator/invalid-need' });
    expect((error as GeneratorError).details).toEqual(
      expect.arrayContaining(['/kind must be equal to one of the allowed values', '/language must be equal to one of the allowed values', '/cadence/at must match pattern "^([01][0-9]|2[0-3]):[0-5][0-9]$"']),
    );
  });

  it('keeps hostile subject and unit text inside string literals', async () => {
    const subject = '"); foundry.log(1); ("`${x}`\\';
    const unit = '" + process.exit() + "';
    const list = buildOfflineCandidate(need({ kind: 'checklist', subject, subjectKey: 'shopping', unit: null }));
    const tracker = buildOfflineCandidate(need({ subject, subjectKey: 'misc', unit }));
    expect(list.code).toContain(JSON.stringify(`Do zrobienia: ${subject}`));
    for (const candidate of [list, tracker]) expect(audit(candidate).verdict).toBe('pass');

    const tenant = freshTenant();
    await box.run(list, { method: 'executeAction', action: 'add_item', params: { item: 'x' } }, tenant);
    expect((await box.run(list, { method: 'getInsights' }, tenant)).result).toEqual([{ type: 'info', title: `Do zrobienia: ${subject}`, message: 'Zostało 1: x' }]);
    await box.run(tracker, { method: 'executeAction', action: 'log_misc', params: { amount_process_exit: 3 } }, tenant);
    expect((await box.run(tracker, { method: 'getInsights' }, tenant)).result).toEqual([{ type: 'info', title: `Dziś: ${subject}`, message: `Na razie 3 ${unit}` }]);
  });

  it('cannot repair: it says so instead of returning the same skill again', async () => {
    const previous = buildOfflineCandidate(WATER);
    const error = await offlineGenerator.generate(WATER, { previous, findings: [], schemaErrors: [], dryRunError: 'boom' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect(error).toMatchObject({ code: 'generator/cannot-repair' });
  });
});
