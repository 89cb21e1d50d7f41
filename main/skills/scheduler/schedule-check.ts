// The one check of a schedule, wherever it comes from: the audit of a manifest's `schedules`, the
// owner adding one (CLI, window), the assistant proposing one (API). The threat is a schedule that
// runs more than the owner believes, somewhere they did not approve, or never at all. Contract,
// and why each limit exists:
// - only the fields of ScheduleSpec: a misspelt condition (`activeHour`) would silently not apply;
// - exactly one of `cron` (read by croner, never by hand) and `intervalMs`;
// - at least MIN_INTERVAL_MS between runs, for cron too (a 6-field pattern can fire every second):
//   a schedule is for things a person cares about, and each run is a sandboxed execution;
// - `timezone` a zone Intl knows (a typo would run at the wrong hour, not fail);
// - `activeHours` as HH:MM; `daysOfWeek` as mon..sun, not empty (an empty list would never run);
// - the schedule runs at least once within two weeks of candidates (next-run.ts), so "never" is
//   an error, not a quiet schedule;
// - `action` is one the version has (when that is known); `params` a JSON object of bounded size;
// - `notify.webhookUrl` an http(s) URL whose origin is one of the version's approved http
//   capabilities: the POST goes through the same HTTP guard as the skill's own calls.
import type { Localized } from '../../../shared/i18n-types.ts';
import { httpCapabilityOf } from '../../../shared/skills/http-capability.ts';
import { MIN_INTERVAL_MS, MISSED_RUN_POLICIES, WEEKDAY_NAMES, type ScheduleSpec } from '../../../shared/skills/schedules.ts';
import { cronOf, nextRunAfter } from './next-run.ts';
import { isKnownZone, minutesOf } from './zoned-time.ts';

const SPEC_FIELDS = ['action', 'params', 'cron', 'intervalMs', 'timezone', 'activeHours', 'daysOfWeek', 'enabled', 'missed', 'notify'];
const NOTIFY_FIELDS = ['onSuccess', 'onFailure', 'webhookUrl'];
/** The longest interval: a year; longer ones are almost certainly a unit mistake. */
const MAX_INTERVAL_MS = 366 * 24 * 3_600_000;
const MAX_PARAMS_JSON = 10_000;
/** How many runs of a cron pattern are compared to find its shortest gap. */
const GAP_SAMPLES = 6;

export interface ScheduleContext {
  /** The version's actions; null when they are not known here (then the run refuses an unknown one). */
  actions: readonly string[] | null;
  /** The version's approved http capabilities. */
  httpOrigins: readonly string[];
  /** The zone used when the spec names none. */
  defaultZone: string;
  now: Date;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every reason `value` is not a schedule that may run; empty when it is one. */
export function scheduleProblems(value: unknown, context: ScheduleContext): Localized[] {
  if (!isObject(value)) return [{ en: 'A schedule must be an object.', pl: 'Harmonogram musi być obiektem.' }];
  const problems: Localized[] = [];
  const add = (en: string, pl: string) => problems.push({ en, pl });
  for (const key of Object.keys(value)) {
    if (!SPEC_FIELDS.includes(key)) add(`“${key.slice(0, 40)}” is not a schedule field (known: ${SPEC_FIELDS.join(', ')}).`, `„${key.slice(0, 40)}” nie jest polem harmonogramu (znane: ${SPEC_FIELDS.join(', ')}).`);
  }
  const spec = value as unknown as ScheduleSpec;
  if (typeof spec.action !== 'string' || spec.action.length === 0) add('“action” must name an action of the skill.', '„action” musi wskazywać akcję skilla.');
  else if (context.actions && !context.actions.includes(spec.action)) {
    add(`The skill has no action “${spec.action.slice(0, 60)}” (it has: ${context.actions.join(', ') || 'none'}).`, `Skill nie ma akcji „${spec.action.slice(0, 60)}” (ma: ${context.actions.join(', ') || 'żadnej'}).`);
  }
  if (spec.params !== undefined && (!isObject(spec.params) || JSON.stringify(spec.params).length > MAX_PARAMS_JSON)) {
    add(`“params” must be an object of at most ${MAX_PARAMS_JSON} characters as JSON.`, `„params” musi być obiektem o długości najwyżej ${MAX_PARAMS_JSON} znaków w JSON.`);
  }
  const zone = spec.timezone ?? context.defaultZone;
  const zoneKnown = isKnownZone(zone);
  if (!zoneKnown) add(`“${String(spec.timezone).slice(0, 60)}” is not a time zone (use an IANA name such as Europe/Warsaw).`, `„${String(spec.timezone).slice(0, 60)}” nie jest strefą czasową (podaj nazwę IANA, np. Europe/Warsaw).`);
  const hasCron = spec.cron !== undefined;
  const hasInterval = spec.intervalMs !== undefined;
  let rhythmOk = false;
  if (hasCron === hasInterval) {
    add('Give exactly one of “cron” and “intervalMs”.', 'Podaj dokładnie jedno z pól „cron” i „intervalMs”.');
  } else if (hasInterval) {
    if (!Number.isInteger(spec.intervalMs) || spec.intervalMs! < MIN_INTERVAL_MS || spec.intervalMs! > MAX_INTERVAL_MS) {
      add(`“intervalMs” must be a whole number of milliseconds from ${MIN_INTERVAL_MS} (a minute) to ${MAX_INTERVAL_MS} (a year).`, `„intervalMs” musi być liczbą całkowitą milisekund od ${MIN_INTERVAL_MS} (minuta) do ${MAX_INTERVAL_MS} (rok).`);
    } else rhythmOk = true;
  } else if (typeof spec.cron !== 'string' || spec.cron.length > 200) {
    add('“cron” must be a cron pattern (5 or 6 fields).', '„cron” musi być wzorcem cron (5 lub 6 pól).');
  } else if (zoneKnown) {
    rhythmOk = cronProblem(spec.cron, zone, context.now, add);
  }
  const hours = spec.activeHours;
  if (hours !== undefined && (!isObject(hours) || minutesOf(hours.start) === null || minutesOf(hours.end) === null || Object.keys(hours).some((k) => k !== 'start' && k !== 'end'))) {
    add('“activeHours” must be { start: "HH:MM", end: "HH:MM" } on a 24-hour clock.', '„activeHours” musi mieć postać { start: "GG:MM", end: "GG:MM" } w zegarze 24-godzinnym.');
    rhythmOk = false;
  }
  const days = spec.daysOfWeek;
  if (days !== undefined && (!Array.isArray(days) || days.length === 0 || days.length > 7 || !days.every((d) => (WEEKDAY_NAMES as readonly unknown[]).includes(d)))) {
    add(`“daysOfWeek” must list days from ${WEEKDAY_NAMES.join(', ')}.`, `„daysOfWeek” musi wymieniać dni spośród ${WEEKDAY_NAMES.join(', ')}.`);
    rhythmOk = false;
  }
  if (spec.enabled !== undefined && typeof spec.enabled !== 'boolean') add('“enabled” must be true or false.', '„enabled” musi mieć wartość true albo false.');
  if (spec.missed !== undefined && !(MISSED_RUN_POLICIES as readonly unknown[]).includes(spec.missed)) {
    add(`“missed” must be one of: ${MISSED_RUN_POLICIES.join(', ')}.`, `„missed” musi mieć jedną z wartości: ${MISSED_RUN_POLICIES.join(', ')}.`);
  }
  notifyProblems(spec.notify, context.httpOrigins, add);
  if (rhythmOk && zoneKnown && nextRunAfter(spec, zone, context.now) === null) {
    add('This schedule would never run: no time within two weeks meets its days and active hours.', 'Ten harmonogram nigdy by się nie uruchomił: żadna pora w ciągu dwóch tygodni nie pasuje do jego dni i godzin.');
  }
  return problems;
}

/** True when croner reads `pattern` and its runs are at least MIN_INTERVAL_MS apart. */
function cronProblem(pattern: string, zone: string, now: Date, add: (en: string, pl: string) => void): boolean {
  let runs: Date[];
  try {
    runs = cronOf(pattern, zone).nextRuns(GAP_SAMPLES, now);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    add(`“${pattern}” is not a valid cron pattern: ${reason}`, `„${pattern}” nie jest poprawnym wzorcem cron: ${reason}`);
    return false;
  }
  if (runs.length === 0) {
    add(`“${pattern}” never runs.`, `„${pattern}” nigdy się nie uruchamia.`);
    return false;
  }
  const gaps = runs.slice(1).map((run, i) => run.getTime() - runs[i]!.getTime());
  if (gaps.some((gap) => gap < MIN_INTERVAL_MS)) {
    add(`“${pattern}” runs more often than once a minute; the shortest allowed gap is a minute.`, `„${pattern}” uruchamia się częściej niż raz na minutę; najkrótszy dozwolony odstęp to minuta.`);
    return false;
  }
  return true;
}

function notifyProblems(notify: unknown, origins: readonly string[], add: (en: string, pl: string) => void): void {
  if (notify === undefined) return;
  if (!isObject(notify) || Object.keys(notify).some((k) => !NOTIFY_FIELDS.includes(k))) {
    add(`“notify” may have only ${NOTIFY_FIELDS.join(', ')}.`, `„notify” może mieć tylko ${NOTIFY_FIELDS.join(', ')}.`);
    return;
  }
  for (const flag of ['onSuccess', 'onFailure']) {
    if (notify[flag] !== undefined && typeof notify[flag] !== 'boolean') add(`“notify.${flag}” must be true or false.`, `„notify.${flag}” musi mieć wartość true albo false.`);
  }
  if (notify.webhookUrl === undefined) return;
  const url = typeof notify.webhookUrl === 'string' && notify.webhookUrl.length <= 2048 ? URL.parse(notify.webhookUrl) : null;
  const origin = url ? httpCapabilityOf(url) : null;
  if (origin === null) add('“notify.webhookUrl” must be an http(s) address.', '„notify.webhookUrl” musi być adresem http(s).');
  else if (!origins.includes(origin)) {
    add(`The webhook's host ${origin} is not among the skill's approved web addresses (${origins.join(', ') || 'none'}).`, `Host webhooka ${origin} nie jest wśród zatwierdzonych adresów skilla (${origins.join(', ') || 'brak'}).`);
  }
}

/** The zone a checked spec runs in. */
export const zoneOf = (spec: ScheduleSpec, defaultZone: string): string => spec.timezone ?? defaultZone;
