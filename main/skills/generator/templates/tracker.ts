// Tracker: entries of one or more fields (an amount; systolic/diastolic/pulse; distance + time),
// totalled over the need's period (or, for readings such as weight, the latest one), with the
// limit the person named — or the subject's usual ones — turned into insights that name it.
import { MAX_PRESENTATION_UNIT } from '../../../../shared/skills/presentation.ts';
import type { NeedField, SkillNeed } from '../../../../shared/skills/need.ts';
import { expr, getActionsMethod, lit, textExpr, readTenantRows } from './code.ts';
import { timesPerDaySchedules } from './cadence-schedule.ts';
import { sanitiseKey, type SkillNames } from './naming.ts';
import { PERIOD_DAYS, periodStartCode, periodText } from './period-text.ts';
import { subjectPreset, unitSuffix } from './subject-presets.ts';
import { localiseActions, paramsSchema, textParam, type LocalizedAction, type SkillTemplate } from './template.ts';
import { machineZone } from '../../scheduler/zoned-time.ts';

const TEXT = {
  pl: {
    low: (minimum: string, subject: string) => `Poniżej ${minimum}: ${subject}`,
    lowMessage: 'Tylko {total}{unit} {span}, minimum {limit}',
    goal: 'Cel osiągnięty!',
    goalMessage: '{total}{unit} {span}, cel {goal}',
    high: (limit: string, subject: string) => `Ponad ${limit}: ${subject}`,
    highMessage: '{total}{unit} {span}, limit {limit}',
    today: (subject: string) => `Dziś: ${subject}`,
    todayMessage: 'Na razie {total}{unit}',
    latest: (subject: string) => `Ostatni pomiar: ${subject}`,
    latestHigh: 'Ostatni pomiar {total}{unit}, limit {limit}',
    latestLow: 'Ostatni pomiar {total}{unit}, minimum {limit}',
    badAmount: (field: string, max: number) => `Podaj ${field} większe od 0 i nie większe niż ${max}`,
    badText: (field: string) => `Podaj ${field} jako tekst do 200 znaków`,
    missing: (field: string) => `Brakuje pola ${field}`,
    logName: (subject: string) => `Zapisz: ${subject}`,
    logDescription: (subject: string, fields: string) => `Zapisz wpis (${subject}): ${fields}`,
    askName: 'Poproś o wpis',
    askDescription: (subject: string) => `Przypomnij o zapisaniu wpisu (${subject}); harmonogram skilla uruchamia to o stałych porach`,
    askMessage: (subject: string) => `Czas zapisać: ${subject}.`,
    unknownAction: 'Nieznana akcja',
  },
  en: {
    low: (minimum: string, subject: string) => `Below your ${minimum}: ${subject}`,
    lowMessage: 'Only {total}{unit} {span}, minimum {limit}',
    goal: 'Goal reached!',
    goalMessage: '{total}{unit} {span}, goal {goal}',
    high: (limit: string, subject: string) => `Over your ${limit}: ${subject}`,
    highMessage: '{total}{unit} {span}, limit {limit}',
    today: (subject: string) => `Today: ${subject}`,
    todayMessage: '{total}{unit} so far',
    latest: (subject: string) => `Latest reading: ${subject}`,
    latestHigh: 'Latest reading {total}{unit}, limit {limit}',
    latestLow: 'Latest reading {total}{unit}, minimum {limit}',
    badAmount: (field: string, max: number) => `Give ${field} greater than 0 and at most ${max}`,
    badText: (field: string) => `Give ${field} as text of at most 200 characters`,
    missing: (field: string) => `${field} is missing`,
    logName: (subject: string) => `Log ${subject}`,
    logDescription: (subject: string, fields: string) => `Record an entry of ${subject}: ${fields}`,
    askName: 'Ask for an entry',
    askDescription: (subject: string) => `Remind the owner to log ${subject}; the skill's schedule runs it at fixed times`,
    askMessage: (subject: string) => `Time to log ${subject}.`,
    unknownAction: 'Unknown action',
  },
};

/** Sensible bounds and dry-run samples of the usual fields. */
const FIELD_LIMITS: Record<string, { max: number; sample: number | string }> = {
  systolic: { max: 300, sample: 120 },
  diastolic: { max: 200, sample: 80 },
  pulse: { max: 250, sample: 70 },
  distance: { max: 1000, sample: 5 },
  duration: { max: 1440, sample: 30 },
  category: { max: 200, sample: 'food' },
};

interface Column {
  /** The parameter and column name. */
  key: string;
  field: NeedField;
  max: number;
  sample: number | string;
}

export function trackerTemplate(need: SkillNeed, names: SkillNames): SkillTemplate {
  const preset = subjectPreset(names.key, need.unit);
  const text = TEXT[need.language];
  const subject = need.language === 'pl' ? need.subject : names.subjectWords;
  const period = need.period ?? 'day';
  const span = periodText(period, need.language);
  const latest = need.aggregate === 'latest';
  const unitKey = sanitiseKey(preset.unit);
  const columns: Column[] = need.fields?.length
    ? need.fields.map((field, i) => ({
      key: field.key,
      field,
      // A field's own bound (systolic ≤ 300) is surer than the subject's; the first number falls back to the subject's.
      max: FIELD_LIMITS[field.key]?.max ?? (i === 0 && field.type === 'number' ? preset.maxPerEntry : 1_000_000),
      sample: FIELD_LIMITS[field.key]?.sample ?? (field.type === 'number' ? preset.sample : 'note'),
    }))
    : [{
      key: unitKey ? `amount_${unitKey}` : 'amount',
      field: { key: 'amount', label: { pl: 'ilość', en: 'amount' }, type: 'number', required: true, ...(preset.unit ? { unit: preset.unit } : {}) },
      max: preset.maxPerEntry,
      sample: preset.sample,
    }];
  const primary = columns.find((c) => c.field.type === 'number')!;
  const totalField = latest ? `latest_${primary.key}` : unitKey ? `total_${unitKey}` : 'total';
  const suffix = unitSuffix(primary.field.unit ?? preset.unit);
  const table = lit(names.table);
  const logAction = `log_${names.key}`;

  const limitOf = (value: number) => `${value.toLocaleString('en-US').replace(/,/g, '')}${suffix}`;
  const insight = (type: string, title: string, template: string, limit?: number) =>
    `return [{ type: ${lit(type)}, title: ${lit(title)}, message: ${textExpr(template, {
      total: expr(`d.${totalField}`),
      unit: suffix,
      span: span.span,
      goal: preset.goal === undefined ? '' : limitOf(preset.goal),
      limit: limit === undefined ? '' : limitOf(limit),
    })} }];`;
  const below = need.threshold ? (need.threshold.direction === 'below' ? need.threshold.limit : undefined) : preset.warnBelow;
  const above = need.threshold ? (need.threshold.direction === 'above' ? need.threshold.limit : undefined) : preset.warnAbove;
  const lowTitle = need.threshold ? text.low(span.minimum, subject) : preset.lowTitle?.[need.language] ?? text.low(span.minimum, subject);
  const highTitle = need.threshold ? text.high(span.limit, subject) : preset.highTitle?.[need.language] ?? text.high(span.limit, subject);
  const checks: string[] = [];
  const hasEntries = latest ? `d.${totalField} !== null` : 'true';
  if (below !== undefined)
    checks.push(`if (${hasEntries} && d.${totalField} < ${below}) {\n      ${insight('warning', lowTitle, latest ? text.latestLow : text.lowMessage, below)}\n    }`);
  if (above !== undefined)
    checks.push(`if (${hasEntries} && d.${totalField} > ${above}) {\n      ${insight('warning', highTitle, latest ? text.latestHigh : text.highMessage, above)}\n    }`);
  if (preset.goal !== undefined && !latest)
    checks.push(`if (d.${totalField} >= ${preset.goal}) {\n      ${insight('success', text.goal, text.goalMessage)}\n    }`);
  if (checks.length === 0)
    checks.push(latest
      ? `if (d.${totalField} !== null) {\n      ${insight('info', text.latest(subject), '{total}{unit}')}\n    }`
      : `if (d.count > 0) {\n      ${insight('info', text.today(subject), text.todayMessage)}\n    }`);

  const fieldList = (language: 'pl' | 'en') => columns.map((c) => `${c.field.label[language]}${c.field.unit ? ` (${c.field.unit})` : ''}`).join(', ');
  // One amount reads "water in ml"; several fields are listed: "blood pressure (systolic (mmHg), diastolic (mmHg), …)".
  const described = need.fields?.length
    ? { en: ` (${fieldList('en')})`, pl: ` (${fieldList('pl')})` }
    : { en: preset.unit ? ` in ${preset.unit}` : '', pl: preset.unit ? ` (${preset.unit})` : '' };
  const properties = Object.fromEntries([
    ...columns.map((c) => [c.key, c.field.type === 'number' ? { type: 'number', exclusiveMinimum: 0, maximum: c.max } : textParam(200)]),
    ...(columns.some((c) => c.key === 'note') ? [] : [['note', textParam(200)]]),
  ]);
  const actions: LocalizedAction[] = [
    {
      slug: logAction,
      name: preset.logName ?? { pl: text.logName(need.subject), en: TEXT.en.logName(names.subjectWords) },
      description: preset.logDescription ?? { pl: TEXT.pl.logDescription(need.subject, fieldList('pl')), en: TEXT.en.logDescription(names.subjectWords, fieldList('en')) },
      params_schema: paramsSchema(properties, columns.filter((c) => c.field.required).map((c) => c.key)),
    },
    ...(need.timesPerDay
      ? [{ slug: 'ask_for_entry', name: { pl: TEXT.pl.askName, en: TEXT.en.askName }, description: { pl: TEXT.pl.askDescription(need.subject), en: TEXT.en.askDescription(names.subjectWords) }, params_schema: paramsSchema({}) }]
      : []),
  ];

  const readField = (c: Column) => c.field.type === 'number'
    ? `const ${c.key} = params.${c.key} === undefined ? null : Number(params.${c.key});
      if (${c.key} === null) {${c.field.required ? ` return { success: false, error: ${lit(text.missing(c.key))} };` : ''} }
      else if (!Number.isFinite(${c.key}) || ${c.key} <= 0 || ${c.key} > ${c.max}) return { success: false, error: ${lit(text.badAmount(c.key, c.max))} };`
    : `const ${c.key} = typeof params.${c.key} === "string" && params.${c.key}.trim() !== "" ? params.${c.key}.trim().slice(0, 200) : null;
      if (params.${c.key} !== undefined && ${c.key} === null) return { success: false, error: ${lit(text.badText(c.key))} };${c.field.required ? `
      if (${c.key} === null) return { success: false, error: ${lit(text.missing(c.key))} };` : ''}`;

  const summaryData = latest
    ? `const last = inPeriod[0] ?? null;
    const values = inPeriod.map((e) => Number(e.${primary.key}));
    return {
      date: today,
      period: ${lit(period)},
      unit: ${lit(primary.field.unit ?? preset.unit)},
      ${totalField}: last ? Number(last.${primary.key}) : null,
      latest: last,
      average: values.length ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10 : null,
      count: inPeriod.length,
      entries: entries.slice(0, 50),
    };`
    : `const total = inPeriod.reduce((sum, e) => sum + Number(e.${primary.key} ?? 0), 0);
    return {
      date: today,
      period: ${lit(period)},
      unit: ${lit(primary.field.unit ?? preset.unit)},
      ${totalField}: Math.round(total * 100) / 100,${preset.goal === undefined ? '' : `\n      goal: ${preset.goal},`}
      count: inPeriod.length,
      entries: entries.slice(0, 50),
    };`;

  const code = `export class ${names.className} implements IModExecutor {
  readonly slug = ${lit(names.slug)};

  async getData(tenant_id: string) {
    ${readTenantRows(names.table, { column: 'logged_at', ascending: false }, Math.min(1000, 50 * PERIOD_DAYS[period]))}
    const entries = data ?? [];
    const today = foundry.now().slice(0, 10);
    const since = ${periodStartCode(period)};
    const inPeriod = entries.filter((e) => String(e.logged_at).slice(0, 10) >= since && String(e.logged_at).slice(0, 10) <= today);
    ${summaryData}
  }

  async getInsights(tenant_id: string) {
    const d = await this.getData(tenant_id);
    ${checks.join('\n    ')}
    return [];
  }

  async executeAction(tenant_id: string, action: string, params: Record<string, unknown>) {
    if (action === ${lit(logAction)}) {
      ${columns.map(readField).join('\n      ')}
      const entry = {
        tenant_id,
        ${columns.map((c) => `${c.key},`).join('\n        ')}${columns.some((c) => c.key === 'note') ? '' : '\n        note: typeof params.note === "string" ? params.note : null,'}
        logged_at: foundry.now(),
      };
      const { error } = await supabase.from(${table}).insert(entry);
      if (error) return { success: false, error: String(error.message ?? error) };
      return { success: true, data: entry };
    }${need.timesPerDay ? `
    if (action === "ask_for_entry") {
      await foundry.notify(${lit(need.language === 'pl' ? `Śledzenie: ${need.subject}` : names.displayName)}, ${lit(text.askMessage(subject))});
      return { success: true, data: { asked: true } };
    }` : ''}
    return { success: false, error: ${lit(text.unknownAction)} };
  }

${getActionsMethod(localiseActions(actions, need.language))}
}
`;

  const limits = [
    preset.goal !== undefined && !latest ? `a goal of ${limitOf(preset.goal)}` : null,
    below !== undefined ? `a warning below ${limitOf(below)}` : null,
    above !== undefined ? `a warning above ${limitOf(above)}` : null,
  ].filter((part) => part !== null);
  const limitsPl = [
    preset.goal !== undefined && !latest ? `cel ${limitOf(preset.goal)}` : null,
    below !== undefined ? `ostrzeżenie poniżej ${limitOf(below)}` : null,
    above !== undefined ? `ostrzeżenie powyżej ${limitOf(above)}` : null,
  ].filter((part) => part !== null);
  const what = latest ? { en: 'shows the latest reading', pl: 'pokazuje ostatni pomiar' } : { en: `totals it ${TEXT_PERIOD_EN[period]}`, pl: `sumuje ${TEXT_PERIOD_PL[period]}` };
  const sample = Object.fromEntries(columns.filter((c) => c.field.required || c.field.type === 'number').map((c) => [c.key, c.sample]));
  const unit = primary.field.unit ?? preset.unit;
  return {
    code,
    actions,
    capabilities: { reads: [names.table], writes: [names.table], http: [], notifications: Boolean(need.timesPerDay), skills: [] },
    // A reading (weight, blood pressure) is the day's last one; amounts are the day's sum.
    presentation: {
      headline: totalField,
      series: { key: 'entries', time: 'logged_at', value: primary.key, per_day: latest ? 'last' : 'sum' },
      ...(unit && unit.length <= MAX_PRESENTATION_UNIT ? { unit } : {}),
      ...(preset.goal !== undefined && !latest ? { goal: preset.goal } : {}),
    },
    sampleInputs: [
      { method: 'executeAction', action: logAction, params: sample },
      { method: 'getData' },
      { method: 'getInsights' },
    ],
    summary: {
      en: `Tracks ${names.subjectWords}${described.en} and ${what.en}${limits.length ? `, with ${limits.join(' and ')}` : ''}${need.timesPerDay ? `; asks for an entry ${need.timesPerDay} times a day` : ''}.`,
      pl: `Śledzi: ${need.subject}${described.pl} i ${what.pl}${limitsPl.length ? `; ${limitsPl.join(', ')}` : ''}${need.timesPerDay ? `; prosi o wpis ${need.timesPerDay} razy dziennie` : ''}.`,
    },
    whenToUse: `Use when the owner wants to log ${names.subjectWords} or asks how much they have had ${periodText(period, 'en').span}.`,
    columns: ['tenant_id', ...columns.map((c) => c.key), ...(columns.some((c) => c.key === 'note') ? [] : ['note']), 'logged_at'],
    insights: [
      ...(below !== undefined ? [`warning while the ${latest ? 'latest reading' : `total ${periodText(period, 'en').span}`} is below ${limitOf(below)}`] : []),
      ...(above !== undefined ? [`warning once the ${latest ? 'latest reading' : `total ${periodText(period, 'en').span}`} is above ${limitOf(above)}`] : []),
      ...(preset.goal !== undefined && !latest ? [`success once the total reaches ${limitOf(preset.goal)}`] : []),
      ...(limits.length === 0 ? ['info with the total once something is logged'] : []),
    ],
    ...(need.timesPerDay ? { schedules: timesPerDaySchedules(need.timesPerDay, 'ask_for_entry', machineZone()) } : {}),
  };
}

const TEXT_PERIOD_EN = { day: 'per day', week: 'over the last 7 days', month: 'over the last 30 days', year: 'over the last 365 days' } as const;
const TEXT_PERIOD_PL = { day: 'dziennie', week: 'z ostatnich 7 dni', month: 'z ostatnich 30 dni', year: 'z ostatnich 365 dni' } as const;
