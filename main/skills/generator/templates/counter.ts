// Counter: one count per day, moved up and down in steps and reset to zero.
import type { SkillNeed } from '../../../../shared/skills/need.ts';
import { expr, getActionsMethod, lit, textExpr, readTenantRows } from './code.ts';
import type { SkillNames } from './naming.ts';
import { subjectPreset, unitSuffix } from './subject-presets.ts';
import { PERIOD_DAYS, periodStartCode, periodText } from './period-text.ts';
import { localiseActions, paramsSchema, type SkillTemplate } from './template.ts';

const TEXT = {
  pl: {
    high: (limit: string, s: string) => `Ponad ${limit}: ${s}`,
    highMessage: '{count}{unit} {span}, limit {limit}',
    low: (minimum: string, s: string) => `Poniżej ${minimum}: ${s}`,
    lowMessage: 'Tylko {count}{unit} {span}, minimum {limit}',
    today: (s: string) => `Dziś: ${s}`,
    todayMessage: '{count}{unit} dziś',
    outOfRange: 'Licznik poza zakresem',
    unknownAction: 'Nieznana akcja',
  },
  en: {
    high: (limit: string, s: string) => `Over your ${limit}: ${s}`,
    highMessage: '{count}{unit} {span}, limit {limit}',
    low: (minimum: string, s: string) => `Below your ${minimum}: ${s}`,
    lowMessage: 'Only {count}{unit} {span}, minimum {limit}',
    today: (s: string) => `Today: ${s}`,
    todayMessage: '{count}{unit} today',
    outOfRange: 'The count is out of range',
    unknownAction: 'Unknown action',
  },
};

export function counterTemplate(need: SkillNeed, names: SkillNames): SkillTemplate {
  const preset = subjectPreset(names.key, need.unit);
  const text = TEXT[need.language];
  const table = lit(names.table);
  const suffix = unitSuffix(preset.unit);
  const period = need.period ?? 'day';
  const span = periodText(period, need.language);
  // The count a limit is about: today's, or the period's total ("ile razy w tygodniu").
  const counted = period === 'day' ? 'd.today' : `d.${period}_total`;
  const below = need.threshold ? (need.threshold.direction === 'below' ? need.threshold.limit : undefined) : preset.warnBelow;
  const above = need.threshold ? (need.threshold.direction === 'above' ? need.threshold.limit : undefined) : preset.warnAbove;
  const insight = (type: string, title: string, template: string, limit?: number) =>
    `return [{ type: ${lit(type)}, title: ${lit(title)}, message: ${textExpr(template, {
      count: expr(counted),
      unit: suffix,
      span: span.span,
      limit: limit === undefined ? '' : `${limit}${suffix}`,
    })} }];`;
  const checks: string[] = [];
  if (above !== undefined)
    checks.push(`if (${counted} > ${above}) {\n      ${insight('warning', (need.threshold ? undefined : preset.highTitle?.[need.language]) ?? text.high(span.limit, need.subject), text.highMessage, above)}\n    }`);
  if (below !== undefined)
    checks.push(`if (${counted} < ${below}) {\n      ${insight('warning', (need.threshold ? undefined : preset.lowTitle?.[need.language]) ?? text.low(span.minimum, need.subject), text.lowMessage, below)}\n    }`);
  checks.push(`if (d.today > 0) {\n      ${insight('info', text.today(need.subject), text.todayMessage)}\n    }`);

  const step = { type: 'integer', minimum: 1, maximum: 1000 };
  const actions = [
    {
      slug: 'increment',
      name: { pl: 'Dodaj', en: 'Add' },
      description: { pl: `Zwiększ dzisiejszy licznik: ${need.subject}`, en: `Count up today's ${names.subjectWords}` },
      params_schema: paramsSchema({ by: step }),
    },
    {
      slug: 'decrement',
      name: { pl: 'Odejmij', en: 'Subtract' },
      description: { pl: `Zmniejsz dzisiejszy licznik: ${need.subject} (nie poniżej zera)`, en: `Count down today's ${names.subjectWords} (not below zero)` },
      params_schema: paramsSchema({ by: step }),
    },
    {
      slug: 'reset',
      name: { pl: 'Wyzeruj', en: 'Reset' },
      description: { pl: `Wyzeruj dzisiejszy licznik: ${need.subject}`, en: `Set today's ${names.subjectWords} back to zero` },
      params_schema: paramsSchema({}),
    },
  ];

  const code = `export class ${names.className} implements IModExecutor {
  readonly slug = ${lit(names.slug)};

  async getData(tenant_id: string) {
    ${readTenantRows(names.table, { column: 'day', ascending: false }, Math.max(7, PERIOD_DAYS[period]))}
    const days = data ?? [];
    const date = foundry.now().slice(0, 10);
    const todays = days.find((row) => row.day === date);${period === 'day' ? '' : `
    const since = ${periodStartCode(period)};
    const ${period}_total = days.filter((row) => row.day >= since && row.day <= date).reduce((sum, row) => sum + Number(row.count), 0);`}
    return { date, unit: ${lit(preset.unit)}, today: todays ? Number(todays.count) : 0,${period === 'day' ? '' : ` period: ${lit(period)}, ${period}_total,`} last_days: days.slice(0, 7) };
  }

  async getInsights(tenant_id: string) {
    const d = await this.getData(tenant_id);
    ${checks.join('\n    ')}
    return [];
  }

  async executeAction(tenant_id: string, action: string, params: Record<string, unknown>) {
    const by = params.by === undefined ? 1 : Number(params.by);
    if (action === "increment") return this.change(tenant_id, (count) => count + by);
    if (action === "decrement") return this.change(tenant_id, (count) => Math.max(0, count - by));
    if (action === "reset") return this.change(tenant_id, () => 0);
    return { success: false, error: ${lit(text.unknownAction)} };
  }

  private async change(tenant_id: string, next: (count: number) => number) {
    const day = foundry.now().slice(0, 10);
    const { data, error } = await supabase
      .from(${table})
      .select("*")
      .eq("tenant_id", tenant_id)
      .eq("day", day)
      .limit(1);
    if (error) return { success: false, error: String(error.message ?? error) };
    const current = data && data.length > 0 ? Number(data[0].count) : null;
    const count = next(current ?? 0);
    if (!Number.isFinite(count) || count > 1000000) return { success: false, error: ${lit(text.outOfRange)} };
    const written =
      current === null
        ? await supabase.from(${table}).insert({ tenant_id, day, count, updated_at: foundry.now() })
        : await supabase.from(${table}).update({ count, updated_at: foundry.now() }).eq("tenant_id", tenant_id).eq("day", day);
    if (written.error) return { success: false, error: String(written.error.message ?? written.error) };
    return { success: true, data: { day, count } };
  }

${getActionsMethod(localiseActions(actions, need.language))}
}
`;

  const limit = above !== undefined ? `, warning above ${above}${suffix}` : below !== undefined ? `, warning below ${below}${suffix}` : '';
  return {
    code,
    actions,
    capabilities: { reads: [names.table], writes: [names.table], http: [], notifications: false, skills: [] },
    // One row per day with its count: a day without a row counted nothing, so `sum` gives it 0.
    presentation: { headline: period === 'day' ? 'today' : `${period}_total`, series: { key: 'last_days', time: 'day', value: 'count', per_day: 'sum' } },
    sampleInputs: [
      { method: 'executeAction', action: 'increment', params: {} },
      { method: 'executeAction', action: 'increment', params: { by: 2 } },
      { method: 'executeAction', action: 'decrement', params: {} },
      { method: 'getData' },
      { method: 'getInsights' },
      { method: 'executeAction', action: 'reset', params: {} },
    ],
    summary: {
      en: `Counts ${names.subjectWords}${preset.unit ? ` (${preset.unit})` : ''} per day${period === 'day' ? '' : `, with the total ${span.span}`}${limit}.`.replace(/\.\.$/, '.'),
      pl: `Liczy dziennie: ${need.subject}${preset.unit ? ` (${preset.unit})` : ''}${period === 'day' ? '' : `, z sumą ${span.span}`}${limit ? `; ostrzeżenie ${above !== undefined ? 'powyżej' : 'poniżej'} ${above ?? below}${suffix}` : ''}.`.replace(/\.\.$/, '.'),
    },
    whenToUse: `Use when the owner says they had another ${names.subjectWords}, wants to correct today's count, or asks how many today.`,
    columns: ['tenant_id', 'day', 'count', 'updated_at'],
    insights: [
      ...(above !== undefined ? [`warning once the count ${periodText(period, 'en').span} is above ${above}${suffix}`] : []),
      ...(below !== undefined ? [`warning while the count ${periodText(period, 'en').span} is below ${below}${suffix}`] : []),
      "info with today's count once it is above zero",
    ],
  };
}
