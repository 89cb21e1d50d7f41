// Counter: one count per day, moved up and down in steps and reset to zero.
import type { SkillNeed } from '../../../../shared/skills/need.ts';
import { expr, getActionsMethod, lit, textExpr, readTenantRows } from './code.ts';
import type { SkillNames } from './naming.ts';
import { subjectPreset, unitSuffix } from './subject-presets.ts';
import { localiseActions, paramsSchema, type SkillTemplate } from './template.ts';

const TEXT = {
  pl: {
    high: (s: string) => `Ponad dzienny limit: ${s}`,
    highMessage: '{count}{unit} dziś, limit {limit}',
    low: (s: string) => `Poniżej dziennego minimum: ${s}`,
    lowMessage: 'Tylko {count}{unit} dziś',
    today: (s: string) => `Dziś: ${s}`,
    todayMessage: '{count}{unit} dziś',
    outOfRange: 'Licznik poza zakresem',
    unknownAction: 'Nieznana akcja',
  },
  en: {
    high: (s: string) => `Over your daily limit: ${s}`,
    highMessage: '{count}{unit} today, limit {limit}',
    low: (s: string) => `Below your daily minimum: ${s}`,
    lowMessage: 'Only {count}{unit} today',
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
  const insight = (type: string, title: string, template: string) =>
    `return [{ type: ${lit(type)}, title: ${lit(title)}, message: ${textExpr(template, {
      count: expr('d.today'),
      unit: suffix,
      limit: `${preset.warnAbove}${suffix}`,
    })} }];`;
  const checks: string[] = [];
  if (preset.warnAbove !== undefined)
    checks.push(`if (d.today > ${preset.warnAbove}) {\n      ${insight('warning', preset.highTitle?.[need.language] ?? text.high(need.subject), text.highMessage)}\n    }`);
  if (preset.warnBelow !== undefined)
    checks.push(`if (d.today < ${preset.warnBelow}) {\n      ${insight('warning', preset.lowTitle?.[need.language] ?? text.low(need.subject), text.lowMessage)}\n    }`);
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
    ${readTenantRows(names.table, { column: 'day', ascending: false }, 7)}
    const days = data ?? [];
    const date = foundry.now().slice(0, 10);
    const todays = days.find((row) => row.day === date);
    return { date, unit: ${lit(preset.unit)}, today: todays ? Number(todays.count) : 0, last_days: days };
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

  const limit = preset.warnAbove !== undefined ? `, warning above ${preset.warnAbove}${suffix}` : preset.warnBelow !== undefined ? `, warning below ${preset.warnBelow}${suffix}` : '';
  return {
    code,
    actions,
    capabilities: { reads: [names.table], writes: [names.table], http: [], notifications: false, skills: [] },
    sampleInputs: [
      { method: 'executeAction', action: 'increment', params: {} },
      { method: 'executeAction', action: 'increment', params: { by: 2 } },
      { method: 'executeAction', action: 'decrement', params: {} },
      { method: 'getData' },
      { method: 'getInsights' },
      { method: 'executeAction', action: 'reset', params: {} },
    ],
    summary: {
      en: `Counts ${names.subjectWords}${preset.unit ? ` (${preset.unit})` : ''} per day${limit}.`,
      pl: `Liczy dziennie: ${need.subject}${preset.unit ? ` (${preset.unit})` : ''}.`,
    },
    whenToUse: `Use when the owner says they had another ${names.subjectWords}, wants to correct today's count, or asks how many today.`,
    columns: ['tenant_id', 'day', 'count', 'updated_at'],
    insights: [
      ...(preset.warnAbove !== undefined ? [`warning once today's count is above ${preset.warnAbove}${suffix}`] : []),
      ...(preset.warnBelow !== undefined ? [`warning while today's count is below ${preset.warnBelow}${suffix}`] : []),
      "info with today's count once it is above zero",
    ],
  };
}
