// Journal: dated entries with text and an optional mood from 1 to 5.
import type { SkillNeed } from '../../../../shared/skills/need.ts';
import { expr, getActionsMethod, lit, textExpr, readTenantRows } from './code.ts';
import type { SkillNames } from './naming.ts';
import { localiseActions, paramsSchema, textParam, type SkillTemplate } from './template.ts';

const LOW_MOOD = 2;

const TEXT = {
  pl: {
    noEntry: (s: string) => `Brak dzisiejszego wpisu: ${s}`,
    noEntryMessage: 'Kilka zdań wystarczy',
    lowMood: 'Nastrój ostatnio niski',
    lowMoodMessage: 'Średnia z ostatnich wpisów: {mood}/5',
    noText: 'Podaj treść wpisu',
    unknownAction: 'Nieznana akcja',
  },
  en: {
    noEntry: (s: string) => `No entry today: ${s}`,
    noEntryMessage: 'A few sentences are enough',
    lowMood: 'Your mood has been low lately',
    lowMoodMessage: 'Average of recent entries: {mood}/5',
    noText: 'Say what to write down',
    unknownAction: 'Unknown action',
  },
};

export function journalTemplate(need: SkillNeed, names: SkillNames): SkillTemplate {
  const text = TEXT[need.language];
  const table = lit(names.table);

  const actions = [
    {
      slug: 'add_entry',
      name: { pl: 'Dodaj wpis', en: 'Add an entry' },
      description: { pl: `Zapisz wpis w dzienniku: ${need.subject} (nastrój 1–5 opcjonalnie)`, en: `Write a ${names.subjectWords} journal entry (mood 1–5 optional)` },
      params_schema: paramsSchema({ text: textParam(5000), mood: { type: 'integer', minimum: 1, maximum: 5 } }, ['text']),
    },
    {
      slug: 'list_entries',
      name: { pl: 'Pokaż wpisy', en: 'Show entries' },
      description: { pl: 'Pokaż ostatnie wpisy', en: 'Show the most recent entries' },
      params_schema: paramsSchema({ limit: { type: 'integer', minimum: 1, maximum: 50 } }),
    },
  ];

  const code = `export class ${names.className} implements IModExecutor {
  readonly slug = ${lit(names.slug)};

  async getData(tenant_id: string) {
    const entries = await this.recent(tenant_id, 20);
    const today = foundry.now().slice(0, 10);
    const moods = entries.slice(0, 7).filter((e) => typeof e.mood === "number").map((e) => Number(e.mood));
    const average = moods.length > 0 ? Math.round((moods.reduce((sum, m) => sum + m, 0) / moods.length) * 10) / 10 : null;
    return {
      entries,
      today_count: entries.filter((e) => String(e.logged_at).slice(0, 10) === today).length,
      mood_average: average,
      mood_samples: moods.length,
    };
  }

  async getInsights(tenant_id: string) {
    const d = await this.getData(tenant_id);
    const insights = [];
    if (d.today_count === 0) {
      insights.push({ type: "info", title: ${lit(text.noEntry(need.subject))}, message: ${lit(text.noEntryMessage)} });
    }
    if (d.mood_average !== null && d.mood_samples >= 3 && d.mood_average <= ${LOW_MOOD}) {
      insights.push({ type: "warning", title: ${lit(text.lowMood)}, message: ${textExpr(text.lowMoodMessage, { mood: expr('d.mood_average') })} });
    }
    return insights;
  }

  async executeAction(tenant_id: string, action: string, params: Record<string, unknown>) {
    if (action === "add_entry") {
      const body = typeof params.text === "string" ? params.text.trim() : "";
      if (!body) return { success: false, error: ${lit(text.noText)} };
      const mood = Number.isInteger(params.mood) && Number(params.mood) >= 1 && Number(params.mood) <= 5 ? Number(params.mood) : null;
      const entry = { tenant_id, text: body, mood, logged_at: foundry.now() };
      const { error } = await supabase.from(${table}).insert(entry);
      if (error) return { success: false, error: String(error.message ?? error) };
      return { success: true, data: entry };
    }
    if (action === "list_entries") {
      const limit = Number.isInteger(params.limit) ? Math.min(50, Math.max(1, Number(params.limit))) : 10;
      return { success: true, data: { entries: await this.recent(tenant_id, limit) } };
    }
    return { success: false, error: ${lit(text.unknownAction)} };
  }

  private async recent(tenant_id: string, limit: number) {
    ${readTenantRows(names.table, { column: 'logged_at', ascending: false }, expr('limit'))}
    return data ?? [];
  }

${getActionsMethod(localiseActions(actions, need.language))}
}
`;

  return {
    code,
    actions,
    capabilities: { reads: [names.table], writes: [names.table], http: [], notifications: false, skills: [] },
    presentation: { headline: 'today_count', series: { key: 'entries', time: 'logged_at', per_day: 'count' } },
    sampleInputs: [
      { method: 'executeAction', action: 'add_entry', params: { text: need.subject, mood: 4 } },
      { method: 'executeAction', action: 'list_entries', params: { limit: 5 } },
      { method: 'getData' },
      { method: 'getInsights' },
    ],
    summary: {
      en: `A ${names.subjectWords} journal: dated entries with an optional mood from 1 to 5.`,
      pl: `Dziennik: ${need.subject} — datowane wpisy z opcjonalnym nastrojem 1–5.`,
    },
    whenToUse: `Use when the owner wants to write down ${names.subjectWords}, rate their mood, or read recent entries.`,
    columns: ['tenant_id', 'text', 'mood', 'logged_at'],
    insights: ['info when there is no entry today', `warning when the average mood of the last entries is ${LOW_MOOD} or lower`],
  };
}
