// Tracker: amounts logged through the day, totalled per day against the subject's limits.
import type { SkillNeed } from '../../../../shared/skills/need.ts';
import { expr, getActionsMethod, lit, textExpr, readTenantRows } from './code.ts';
import { sanitiseKey, type SkillNames } from './naming.ts';
import { subjectPreset, unitSuffix } from './subject-presets.ts';
import { localiseActions, paramsSchema, textParam, type SkillTemplate } from './template.ts';

const TEXT = {
  pl: {
    low: (subject: string) => `Poniżej dziennego minimum: ${subject}`,
    lowMessage: 'Tylko {total}{unit} dziś',
    goal: 'Cel osiągnięty!',
    goalMessage: '{total}{unit} dziś, cel {goal}',
    high: (subject: string) => `Ponad dzienny limit: ${subject}`,
    highMessage: '{total}{unit} dziś, limit {limit}',
    today: (subject: string) => `Dziś: ${subject}`,
    todayMessage: 'Na razie {total}{unit}',
    badAmount: (field: string, max: number) => `Podaj ${field} większe od 0 i nie większe niż ${max}`,
    unknownAction: 'Nieznana akcja',
  },
  en: {
    low: (subject: string) => `Below your daily minimum: ${subject}`,
    lowMessage: 'Only {total}{unit} today',
    goal: 'Goal reached!',
    goalMessage: '{total}{unit} today, goal {goal}',
    high: (subject: string) => `Over your daily limit: ${subject}`,
    highMessage: '{total}{unit} today, limit {limit}',
    today: (subject: string) => `Today: ${subject}`,
    todayMessage: '{total}{unit} so far',
    badAmount: (field: string, max: number) => `Give ${field} greater than 0 and at most ${max}`,
    unknownAction: 'Unknown action',
  },
};

export function trackerTemplate(need: SkillNeed, names: SkillNames): SkillTemplate {
  const preset = subjectPreset(names.key, need.unit);
  const text = TEXT[need.language];
  const unitKey = sanitiseKey(preset.unit);
  const amountField = unitKey ? `amount_${unitKey}` : 'amount';
  const totalField = unitKey ? `total_${unitKey}` : 'total';
  const suffix = unitSuffix(preset.unit);
  const table = lit(names.table);
  const logAction = `log_${names.key}`;
  const unitWords = preset.unit ? ` in ${preset.unit}` : '';

  const insight = (type: string, title: string, template: string) =>
    `return [{ type: ${lit(type)}, title: ${lit(title)}, message: ${textExpr(template, {
      total: expr(`d.${totalField}`),
      unit: suffix,
      goal: `${preset.goal}${suffix}`,
      limit: `${preset.warnAbove}${suffix}`,
    })} }];`;
  const checks: string[] = [];
  if (preset.warnBelow !== undefined)
    checks.push(`if (d.${totalField} < ${preset.warnBelow}) {\n      ${insight('warning', preset.lowTitle?.[need.language] ?? text.low(need.subject), text.lowMessage)}\n    }`);
  if (preset.warnAbove !== undefined)
    checks.push(`if (d.${totalField} > ${preset.warnAbove}) {\n      ${insight('warning', preset.highTitle?.[need.language] ?? text.high(need.subject), text.highMessage)}\n    }`);
  if (preset.goal !== undefined)
    checks.push(`if (d.${totalField} >= ${preset.goal}) {\n      ${insight('success', text.goal, text.goalMessage)}\n    }`);
  if (checks.length === 0)
    checks.push(`if (d.today_count > 0) {\n      ${insight('info', text.today(need.subject), text.todayMessage)}\n    }`);

  const actions = [
    {
      slug: logAction,
      name: preset.logName ?? { pl: `Zaloguj: ${need.subject}`, en: `Log ${names.subjectWords}` },
      description: preset.logDescription ?? {
        pl: `Zapisz ilość: ${need.subject}${preset.unit ? ` (${preset.unit})` : ''}`,
        en: `Record an amount of ${names.subjectWords}${unitWords}`,
      },
      params_schema: paramsSchema(
        { [amountField]: { type: 'number', exclusiveMinimum: 0, maximum: preset.maxPerEntry }, note: textParam(200) },
        [amountField],
      ),
    },
  ];

  const code = `export class ${names.className} implements IModExecutor {
  readonly slug = ${lit(names.slug)};

  async getData(tenant_id: string) {
    ${readTenantRows(names.table, { column: 'logged_at', ascending: false }, 500)}
    const entries = data ?? [];
    const today = foundry.now().slice(0, 10);
    const todays = entries.filter((e) => String(e.logged_at).slice(0, 10) === today);
    const total = todays.reduce((sum, e) => sum + Number(e.${amountField}), 0);
    return {
      date: today,
      unit: ${lit(preset.unit)},
      ${totalField}: Math.round(total * 100) / 100,${preset.goal === undefined ? '' : `\n      goal: ${preset.goal},`}
      today_count: todays.length,
      entries: entries.slice(0, 50),
    };
  }

  async getInsights(tenant_id: string) {
    const d = await this.getData(tenant_id);
    ${checks.join('\n    ')}
    return [];
  }

  async executeAction(tenant_id: string, action: string, params: Record<string, unknown>) {
    if (action === ${lit(logAction)}) {
      const amount = Number(params.${amountField});
      if (!Number.isFinite(amount) || amount <= 0 || amount > ${preset.maxPerEntry}) {
        return { success: false, error: ${lit(text.badAmount(amountField, preset.maxPerEntry))} };
      }
      const entry = {
        tenant_id,
        ${amountField}: amount,
        note: typeof params.note === "string" ? params.note : null,
        logged_at: foundry.now(),
      };
      const { error } = await supabase.from(${table}).insert(entry);
      if (error) return { success: false, error: String(error.message ?? error) };
      return { success: true, data: entry };
    }
    return { success: false, error: ${lit(text.unknownAction)} };
  }

${getActionsMethod(localiseActions(actions, need.language))}
}
`;

  const limits = [
    preset.goal !== undefined ? `a daily goal of ${preset.goal}${suffix}` : null,
    preset.warnBelow !== undefined ? `a warning below ${preset.warnBelow}${suffix}` : null,
    preset.warnAbove !== undefined ? `a warning above ${preset.warnAbove}${suffix}` : null,
  ].filter((part) => part !== null);
  const limitsPl = [
    preset.goal !== undefined ? `cel dzienny ${preset.goal}${suffix}` : null,
    preset.warnBelow !== undefined ? `ostrzeżenie poniżej ${preset.warnBelow}${suffix}` : null,
    preset.warnAbove !== undefined ? `ostrzeżenie powyżej ${preset.warnAbove}${suffix}` : null,
  ].filter((part) => part !== null);
  return {
    code,
    actions,
    capabilities: { reads: [names.table], writes: [names.table], http: [], notifications: false, skills: [] },
    sampleInputs: [
      { method: 'executeAction', action: logAction, params: { [amountField]: preset.sample } },
      { method: 'getData' },
      { method: 'getInsights' },
    ],
    summary: {
      en: `Tracks ${names.subjectWords}${unitWords} and totals it per day${limits.length ? `, with ${limits.join(' and ')}` : ''}.`,
      pl: `Śledzi: ${need.subject}${preset.unit ? ` (${preset.unit})` : ''}, z sumą dzienną${limitsPl.length ? `; ${limitsPl.join(', ')}` : ''}.`,
    },
    whenToUse: `Use when the owner wants to log ${names.subjectWords} or asks how much they have had today.`,
    columns: ['tenant_id', amountField, 'note', 'logged_at'],
    insights: [
      ...(preset.warnBelow !== undefined ? [`warning while today's total is below ${preset.warnBelow}${suffix}`] : []),
      ...(preset.warnAbove !== undefined ? [`warning once today's total is above ${preset.warnAbove}${suffix}`] : []),
      ...(preset.goal !== undefined ? [`success once today's total reaches ${preset.goal}${suffix}`] : []),
      ...(limits.length === 0 ? ["info with today's total once something is logged"] : []),
    ],
  };
}
