// Runs one row of the evaluation table: the request through the detector and the offline
// generator, then the generated skill's actions in the real sandbox, and every check of the row
// against what the skill did. A row passes when every check does; each failure says why, in
// words a person can act on ("getData shows no week total of 12 (numbers seen: total_ml=7)").
import type { SkillCandidate } from '../../shared/skills/candidate.ts';
import type { ModAction } from '../../shared/skills/mod-types.ts';
import type { SkillNeed } from '../../shared/skills/need.ts';
import { WEEKDAY_NAMES, type ScheduleSpec } from '../../shared/skills/schedules.ts';
import { parseSkillRequest } from '../../main/skills/detector/index.ts';
import { GeneratorError, offlineGenerator, readsWords, requestFor, type SkillGenerator } from '../../main/skills/generator/index.ts';
import { nextRunAfter } from '../../main/skills/scheduler/next-run.ts';
import type { EvalSandbox } from './skill-at-work.ts';
import type { Check, EvalRequest, FieldName, Period, UnitName } from './table.ts';

export interface RowResult {
  row: EvalRequest;
  /** Empty when the row passes. */
  failures: string[];
}

/** Parameter and data keys a skill may give each field a person means. */
const FIELD_PATTERNS: Record<FieldName, RegExp> = {
  systolic: /systol|skurcz/i,
  diastolic: /diastol|rozkurcz/i,
  pulse: /pulse|puls|heart/i,
  amount: /amount|kwot|value|price|cost|sum/i,
  category: /categor|kategor/i,
  distance: /distance|dystans|km/i,
  duration: /duration|czas|time|min/i,
  weight: /weight|wag|kg/i,
  item: /item|name|title|nazwa|rzecz/i,
  text: /text|entry|note|content|tre[sś][cć]|wpis/i,
};

/** How a unit may be spelled in a skill's data or parameter names. */
const UNIT_SPELLINGS: Record<UnitName, string[]> = {
  ml: ['ml', 'millilitres', 'milliliters', 'mililitry'],
  l: ['l', 'litres', 'liters', 'litry', 'litr'],
  km: ['km', 'kilometres', 'kilometers', 'kilometry'],
  kg: ['kg', 'kilograms', 'kilogramy'],
  'zł': ['zł', 'zl', 'pln', 'złote', 'złotych'],
  '€': ['€', 'eur', 'euro'],
  $: ['$', 'usd', 'dollars', 'dolary'],
  min: ['min', 'minutes', 'minuty', 'minut'],
  h: ['h', 'hours', 'godziny', 'godzin', 'godz'],
  pages: ['pages', 'page', 'strony', 'stron', 'str'],
  books: ['books', 'book', 'książki', 'książek'],
  cups: ['cups', 'cup', 'filiżanki', 'filiżanek', 'kubki'],
  times: ['times', 'razy', 'visits', 'wizyty'],
  steps: ['steps', 'kroki', 'kroków'],
};

/** Words of a request that never belong in a skill's name. */
const FILLERS = new Set([
  'żebym', 'zebym', 'żeby', 'zeby', 'że', 'mi', 'mnie', 'chcę', 'chce', 'chciałbym', 'chciałabym', 'proszę', 'ile', 'jak', 'moje', 'mój', 'moją', 'swoje', 'swoją',
  'me', 'my', 'i', 'want', 'like', 'please', 'that', 'would', 'how', 'much', 'many', 'about',
]);
/** Template words that make a Polish skill's name English ("Zebym Zadzwonil Do Mamy Reminder"). */
const ENGLISH_NAME_WORDS = new Set(['tracker', 'reminder', 'counter', 'checklist', 'journal', 'log', 'list', 'habit', 'watch']);

const DAY_MS = 86_400_000;
const PERIOD_DAYS: Record<Exclude<Period, 'day'>, number> = { week: 7, month: 30 };
const NOT_DONE = /reset|undo|decrement|remove|delete|clear|list|uncheck|cofnij|usu[nń]/i;

export async function evaluateRequest(row: EvalRequest, box: EvalSandbox, generator: SkillGenerator = offlineGenerator): Promise<RowResult> {
  const fail = (...failures: string[]): RowResult => ({ row, failures });
  const parsed = parseSkillRequest(row.text);
  const refuse = row.checks.some((c) => c.check === 'refused');
  if (refuse && !readsWords(generator)) {
    return parsed.isRequest ? fail(`taken as a request (${parsed.need.kind} of "${parsed.need.subject}") instead of refused`) : fail();
  }
  // A model reads the words whatever the detector made of them, and may decline them itself.
  const asked = requestFor(row.text, generator);
  if ('refused' in asked) return fail(`not recognised: ${asked.refused.en}`);
  let candidate: SkillCandidate;
  try {
    candidate = await generator.generate(asked.request);
  } catch (error) {
    if (refuse && error instanceof GeneratorError && error.code === 'generator/not-a-request') return fail();
    return fail(`not generated: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (refuse) return fail(`written as a skill (${candidate.manifest.slug}) instead of declined`);
  const actions = (await box.atWork(candidate).call('getActions')) as ModAction[];
  const context: CheckContext = { need: asked.request.need, candidate, actions, box };
  const failures = nameProblems(candidate.manifest.name, row);
  for (const check of row.checks) {
    try {
      const problem = await runCheck(check, context);
      if (problem) failures.push(`${check.check}: ${problem}`);
    } catch (error) {
      failures.push(`${check.check}: the skill failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return fail(...failures);
}

interface CheckContext {
  /** What the detector read; null when only a model understood the words. */
  need: SkillNeed | null;
  candidate: SkillCandidate;
  actions: ModAction[];
  box: EvalSandbox;
}

/** What is wrong with a check, or null when it holds. */
function runCheck(check: Check, context: CheckContext): Promise<string | null> | string | null {
  switch (check.check) {
    case 'refused':
      return null;
    case 'kind':
      // A model writes no kind: only what the skill does is judged.
      if (!context.need) return null;
      return context.need.kind === check.kind ? null : `made a ${context.need.kind}, not a ${check.kind}`;
    case 'entry':
      return checkEntry(check.fields, context);
    case 'unit':
      return checkUnit(check.unit, check.not, context);
    case 'total':
      return checkTotal(check.period, context);
    case 'threshold':
      return checkThreshold(check, context);
    case 'habit':
      return checkHabit(context);
    case 'list':
      return checkList(check.items, context);
    case 'schedule':
      return checkSchedule(check, context.candidate.manifest.schedules ?? []);
  }
}

function nameProblems(name: string, row: EvalRequest): string[] {
  const words = name.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  const problems = words.filter((w) => FILLERS.has(w)).map((w) => `name: "${name}" keeps the filler word "${w}"`);
  if (row.language === 'pl') {
    const english = words.filter((w) => ENGLISH_NAME_WORDS.has(w));
    if (english.length) problems.push(`name: "${name}" is English for a Polish request (${english.join(', ')})`);
    const requestWords = row.text.toLowerCase().split(/[^\p{L}]+/u);
    for (const word of words) {
      const original = requestWords.find((r) => r !== word && fold(r) === word);
      if (original) problems.push(`name: "${name}" lost the Polish letters of "${original}"`);
    }
  }
  return problems;
}

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l');

function describeActions(actions: ModAction[]): string {
  return actions.map((a) => `${a.slug}(${Object.keys(propertiesOf(a)).join(', ')})`).join(', ') || 'none';
}

function propertiesOf(action: ModAction): Record<string, { type?: unknown }> {
  return ((action.params_schema as { properties?: Record<string, { type?: unknown }> }).properties) ?? {};
}

function requiredOf(action: ModAction): string[] {
  return (action.params_schema as { required?: string[] }).required ?? [];
}

const isNumeric = (schema: { type?: unknown }) => schema.type === 'number' || schema.type === 'integer';

/** The action that records an amount, and its numeric parameter: the first whose other required parameters are none. */
function amountAction(actions: ModAction[]): { slug: string; field: string } | null {
  for (const action of actions) {
    const properties = propertiesOf(action);
    const field = Object.keys(properties).find((key) => isNumeric(properties[key]!));
    if (field && requiredOf(action).every((r) => r === field)) return { slug: action.slug, field };
  }
  return null;
}

async function checkEntry(fields: Partial<Record<FieldName, number | string>>, { actions, candidate, box }: CheckContext): Promise<string | null> {
  const wanted = Object.entries(fields) as [FieldName, number | string][];
  for (const action of actions) {
    const properties = propertiesOf(action);
    const params: Record<string, unknown> = {};
    for (const [field, value] of wanted) {
      const key = Object.keys(properties).find((k) => !(k in params) && FIELD_PATTERNS[field].test(k) && (typeof value === 'number' ? isNumeric(properties[k]!) : properties[k]!.type === 'string'));
      if (key) params[key] = value;
    }
    if (Object.keys(params).length < wanted.length || !requiredOf(action).every((r) => r in params)) continue;
    const skill = box.atWork(candidate);
    const result = await skill.act(action.slug, params);
    if (!succeeded(result)) return `${action.slug}(${JSON.stringify(params)}) was refused: ${JSON.stringify(result)}`;
    const data = await skill.call('getData');
    const missing = Object.entries(params).filter(([key, value]) => !hasKeyValue(data, key, value));
    return missing.length ? `getData does not show ${missing.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}` : null;
  }
  return `no action takes ${wanted.map(([f]) => f).join(' and ')} (actions: ${describeActions(actions)})`;
}

const succeeded = (result: unknown) => typeof result === 'object' && result !== null && (result as { success?: unknown }).success === true;

function hasKeyValue(value: unknown, key: string, expected: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => hasKeyValue(v, key, expected));
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([k, v]) => (k === key && v === expected) || hasKeyValue(v, key, expected));
}

async function checkUnit(unit: UnitName, not: UnitName | undefined, { actions, candidate, box }: CheckContext): Promise<string | null> {
  const data = await box.atWork(candidate).call('getData');
  const said = unitWords(data, actions);
  const spelled = (u: UnitName) => UNIT_SPELLINGS[u].some((s) => said.has(s));
  const shown = [...said].join(', ') || 'none';
  if (!spelled(unit)) return `no amount in ${unit} (units seen: ${shown})`;
  if (not && spelled(not)) return `counts in ${not} as well as ${unit} (units seen: ${shown})`;
  return null;
}

/** Every word that names a unit: values of unit/currency keys in the data, and the parts of numeric parameter and data key names. */
function unitWords(data: unknown, actions: ModAction[]): Set<string> {
  const words = new Set<string>();
  const addKey = (key: string) => key.toLowerCase().split('_').forEach((w) => words.add(w));
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    for (const [key, v] of Object.entries(value)) {
      if (/^(unit|units|currency|jednostka|waluta)$/i.test(key) && typeof v === 'string' && v !== '') words.add(v.toLowerCase());
      if (typeof v === 'number') addKey(key);
      visit(v);
    }
  };
  visit(data);
  for (const action of actions) for (const [key, schema] of Object.entries(propertiesOf(action))) if (isNumeric(schema)) addKey(key);
  return words;
}

/**
 * Days back inside the period by both readings of it (this calendar week or month, and the last
 * 7 or 30 days), when there is such a day; on a Monday or the 1st there is none, and the day
 * before is used: only a rolling total then tells the period from the day.
 */
function dayInsidePeriod(period: Exclude<Period, 'day'>, now = new Date()): number {
  const sinceStart = period === 'week' ? (now.getUTCDay() + 6) % 7 : now.getUTCDate() - 1;
  return sinceStart > 0 ? Math.min(sinceStart, 3) : 1;
}

const isCalendarInside = (period: Exclude<Period, 'day'>, daysAgo: number, now = new Date()) =>
  daysAgo <= (period === 'week' ? (now.getUTCDay() + 6) % 7 : now.getUTCDate() - 1);

async function checkTotal(period: Period, { actions, candidate, box }: CheckContext): Promise<string | null> {
  const log = amountAction(actions);
  if (!log) return `no action records an amount (actions: ${describeActions(actions)})`;
  const skill = box.atWork(candidate);
  const entries: [number, number][] = period === 'day'
    ? [[5, 1], [3, 0], [4, 0]]
    : [[11, PERIOD_DAYS[period] + 10], [5, dayInsidePeriod(period)], [3, 0], [4, 0]];
  for (const [amount, daysAgo] of entries) {
    const result = await skill.act(log.slug, { [log.field]: amount }, daysAgo);
    if (!succeeded(result)) return `${log.slug} refused ${amount}: ${JSON.stringify(result)}`;
  }
  const today = 7;
  const accepted = period === 'day' ? [today] : [...new Set([
    today + 5,
    today + (isCalendarInside(period, dayInsidePeriod(period)) ? 5 : 0),
  ])].filter((t) => t !== today);
  const numbers = numbersOf(await skill.call('getData'));
  if (numbers.some(([, n]) => accepted.includes(n))) return null;
  return `getData shows no ${period} total of ${accepted.join(' or ')} (numbers seen: ${numbers.map(([k, n]) => `${k}=${n}`).join(', ') || 'none'})`;
}

/** The numbers of the data outside lists (lists hold single entries, not totals), with their keys. */
function numbersOf(value: unknown, prefix = ''): [string, number][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, v]): [string, number][] =>
    typeof v === 'number' ? [[prefix + key, v]] : numbersOf(v, `${prefix}${key}.`));
}

async function checkThreshold(check: Extract<Check, { check: 'threshold' }>, { actions, candidate, box }: CheckContext): Promise<string | null> {
  const log = amountAction(actions);
  if (!log) return `no action records an amount (actions: ${describeActions(actions)})`;
  // "1500", "1 500" or "1\u00a0500", never a part of "15000" or "2.1500".
  const digits = String(check.limit).replace(/\B(?=(\d{3})+(?!\d))/g, '[\\s\\u00a0\\u202f]?');
  const namesLimit = new RegExp(`(^|[^\\d.,])${digits}([^\\d]|$)`);
  const warningOn = async (amounts: [number, number][]) => {
    const skill = box.atWork(candidate);
    for (const [amount, daysAgo] of amounts) {
      const result = await skill.act(log.slug, { [log.field]: amount }, daysAgo);
      if (!succeeded(result)) throw new Error(`${log.slug} refused ${amount}: ${JSON.stringify(result)}`);
    }
    const insights = (await skill.call('getInsights')) as { type?: string; title?: string; message?: string }[];
    return insights.find((i) => i.type === 'warning' && namesLimit.test(`${i.title} ${i.message}`)) ?? null;
  };
  const crossing = check.direction === 'above' ? 0.6 : 0.4;
  const safe = check.direction === 'above' ? 0.5 : 1.2;
  const earlier = check.period && check.period !== 'day' ? dayInsidePeriod(check.period) : 0;
  const past = check.direction === 'above' ? [[check.limit * crossing, 0], [check.limit * crossing, earlier]] : [[check.limit * crossing, 0]];
  const beyond = `${check.direction} ${check.limit}`;
  if (!(await warningOn(past as [number, number][]))) return `no warning naming ${check.limit} once the ${check.period ?? 'day'}'s total is ${beyond}`;
  const wrong = await warningOn([[check.limit * safe, 0]]);
  return wrong ? `warns "${wrong.title}" although the total is not ${beyond}` : null;
}

async function checkHabit({ actions, candidate, box }: CheckContext): Promise<string | null> {
  const done = actions.find((a) => requiredOf(a).length === 0 && !NOT_DONE.test(a.slug));
  if (!done) return `no action marks it done (actions: ${describeActions(actions)})`;
  const skill = box.atWork(candidate);
  for (const daysAgo of [2, 1, 0]) {
    const result = await skill.act(done.slug, {}, daysAgo);
    if (!succeeded(result)) return `${done.slug} was refused: ${JSON.stringify(result)}`;
  }
  const numbers = numbersOf(await skill.call('getData'));
  const streak = numbers.find(([key]) => /streak|seri|rz[ęe]du|in_a_row/i.test(key));
  if (!streak) return `getData shows no streak after ${done.slug} three days running (numbers seen: ${numbers.map(([k, n]) => `${k}=${n}`).join(', ') || 'none'})`;
  return streak[1] === 3 ? null : `the streak is ${streak[1]} after three days running, not 3`;
}

async function checkList(items: string[], { actions, candidate, box }: CheckContext): Promise<string | null> {
  const adds = actions.filter((a) => {
    const required = requiredOf(a);
    return required.length === 1 && propertiesOf(a)[required[0]!]?.type === 'string' && !NOT_DONE.test(a.slug) && !/check|complete|done/i.test(a.slug);
  });
  const add = adds.find((a) => /add|dodaj|new/i.test(a.slug)) ?? adds[0];
  if (!add) return `no action adds an item (actions: ${describeActions(actions)})`;
  const skill = box.atWork(candidate);
  const field = requiredOf(add)[0]!;
  for (const item of items) {
    const result = await skill.act(add.slug, { [field]: item });
    if (!succeeded(result)) return `${add.slug} refused "${item}": ${JSON.stringify(result)}`;
  }
  const shown = JSON.stringify(await skill.call('getData'));
  const missing = items.filter((item) => !shown.includes(JSON.stringify(item)));
  return missing.length ? `getData does not list ${missing.map((m) => `"${m}"`).join(', ')}` : null;
}

/** The runs of all the skill's schedules over one week (Monday to Sunday), read in UTC. */
function weekOfRuns(schedules: ScheduleSpec[]): Date[] {
  const start = new Date('2027-01-04T00:00:00Z');
  const end = start.getTime() + 7 * DAY_MS;
  const runs: Date[] = [];
  for (const spec of schedules) {
    // An interval counts from its previous run (the anchor), which is never after the time asked
    // about: the first look starts 1 ms before the week, and so does the count.
    const anchor = new Date(start.getTime() - 1);
    let at: Date | null = anchor;
    while ((at = nextRunAfter(spec, 'UTC', at, anchor)) && at.getTime() < end && runs.length < 5000) runs.push(at);
  }
  return runs.sort((a, b) => a.getTime() - b.getTime());
}

function checkSchedule(check: Extract<Check, { check: 'schedule' }>, schedules: ScheduleSpec[]): string | null {
  if (schedules.length === 0) return 'the skill has no schedule: nothing runs on its own';
  const runs = weekOfRuns(schedules);
  if (runs.length === 0) return 'its schedules never run';
  const times = [...new Set(runs.map((r) => r.toISOString().slice(11, 16)))];
  const days = [...new Set(runs.map((r) => WEEKDAY_NAMES[r.getUTCDay()]!))];
  const perDay = runs.filter((r) => r.getUTCDay() === runs[0]!.getUTCDay()).length;
  const problems: string[] = [];
  if (check.at && !(check.at.every((t) => times.includes(t)) && times.every((t) => check.at!.includes(t))))
    problems.push(`runs at ${times.slice(0, 6).join(', ')}, not at ${check.at.join(', ')}`);
  if (check.perDay !== undefined && perDay !== check.perDay) problems.push(`runs ${perDay} times a day, not ${check.perDay}`);
  if (check.days && !(days.length === check.days.length && check.days.every((d) => days.includes(d))))
    problems.push(`runs on ${days.join(', ')}, not on ${check.days.join(', ')}`);
  if (check.everyMinutes !== undefined) {
    const gaps = runs.slice(1).map((r, i) => (r.getTime() - runs[i]!.getTime()) / 60_000);
    const every = Math.min(...gaps);
    if (every !== check.everyMinutes) problems.push(`runs every ${every} minutes, not every ${check.everyMinutes}`);
  }
  return problems.length ? problems.join('; ') : null;
}

export interface CategoryRate {
  category: string;
  passed: number;
  total: number;
}

/** Pass counts per category, in the table's order, and overall last. */
export function passRates(results: RowResult[]): CategoryRate[] {
  const rates = new Map<string, CategoryRate>();
  for (const { row, failures } of results) {
    const rate = rates.get(row.category) ?? { category: row.category, passed: 0, total: 0 };
    rate.total += 1;
    if (failures.length === 0) rate.passed += 1;
    rates.set(row.category, rate);
  }
  const all = [...rates.values()];
  return [...all, { category: 'overall', passed: all.reduce((s, r) => s + r.passed, 0), total: results.length }];
}

export async function evaluateTable(rows: readonly EvalRequest[], box: EvalSandbox, generator?: SkillGenerator): Promise<RowResult[]> {
  const results: RowResult[] = [];
  for (const row of rows) results.push(await evaluateRequest(row, box, generator));
  return results;
}
