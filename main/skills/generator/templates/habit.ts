// Habit: done or not done, once a day, with the streak of days running — the number a person
// building a habit looks at. Marking a day twice changes nothing; a missed day ends the streak.
import type { SkillNeed } from '../../../../shared/skills/need.ts';
import { getActionsMethod, lit, readTenantRows } from './code.ts';
import type { SkillNames } from './naming.ts';
import { localiseActions, paramsSchema, type LocalizedAction, type SkillTemplate } from './template.ts';

const TEXT = {
  pl: {
    markName: (s: string) => `Odhacz dzisiaj: ${s}`,
    markDescription: (s: string) => `Zaznacz, że dziś zrobione (${s}); drugi raz tego samego dnia nic nie zmienia`,
    undoName: 'Cofnij dzisiejsze odhaczenie',
    undoDescription: 'Usuń dzisiejsze zaznaczenie, gdy było pomyłką',
    streak: (s: string) => `Seria: ${s}`,
    streakMessage: (n: string) => `${n} dni z rzędu`,
    notYet: (s: string) => `Jeszcze nie dziś: ${s}`,
    notYetMessage: 'Odhacz, gdy zrobisz — seria trwa',
    unknownAction: 'Nieznana akcja',
  },
  en: {
    markName: (s: string) => `Mark ${s} done today`,
    markDescription: (s: string) => `Mark today as done (${s}); marking it again the same day changes nothing`,
    undoName: "Undo today's mark",
    undoDescription: "Remove today's mark when it was a mistake",
    streak: (s: string) => `Streak: ${s}`,
    streakMessage: (n: string) => `${n} days in a row`,
    notYet: (s: string) => `Not yet today: ${s}`,
    notYetMessage: 'Mark it when done — the streak is still alive',
    unknownAction: 'Unknown action',
  },
};

export function habitTemplate(need: SkillNeed, names: SkillNames): SkillTemplate {
  const text = TEXT[need.language];
  const subject = need.language === 'pl' ? need.subject : names.subjectWords;
  const table = lit(names.table);
  const actions: LocalizedAction[] = [
    {
      slug: 'mark_done',
      name: { pl: TEXT.pl.markName(need.subject), en: TEXT.en.markName(names.subjectWords) },
      description: { pl: TEXT.pl.markDescription(need.subject), en: TEXT.en.markDescription(names.subjectWords) },
      params_schema: paramsSchema({}),
    },
    {
      slug: 'undo_today',
      name: { pl: TEXT.pl.undoName, en: TEXT.en.undoName },
      description: { pl: TEXT.pl.undoDescription, en: TEXT.en.undoDescription },
      params_schema: paramsSchema({}),
    },
  ];

  const code = `export class ${names.className} implements IModExecutor {
  readonly slug = ${lit(names.slug)};

  async getData(tenant_id: string) {
    ${readTenantRows(names.table, { column: 'day', ascending: false }, 400)}
    // An undone day is kept as "undone-<day>" (rows are never deleted), so only dates count.
    const days = [...new Set((data ?? []).map((row) => String(row.day)).filter((day) => /^\\d{4}-\\d{2}-\\d{2}$/.test(day)))].sort().reverse();
    const today = foundry.now().slice(0, 10);
    const dayBefore = (day: string) => new Date(Date.parse(day) - 86400000).toISOString().slice(0, 10);
    const done = new Set(days);
    // A streak still counts until the end of today: not yet done today does not break it.
    let cursor = done.has(today) ? today : dayBefore(today);
    let streak = 0;
    while (done.has(cursor)) {
      streak += 1;
      cursor = dayBefore(cursor);
    }
    let best = 0;
    let run = 0;
    let previous = "";
    for (const day of [...days].reverse()) {
      run = previous && dayBefore(day) === previous ? run + 1 : 1;
      best = Math.max(best, run);
      previous = day;
    }
    return { date: today, done_today: done.has(today), streak, best_streak: best, days_done: days.length, last_days: days.slice(0, 30) };
  }

  async getInsights(tenant_id: string) {
    const d = await this.getData(tenant_id);
    if (d.streak > 1) return [{ type: "success", title: ${lit(text.streak(subject))}, message: ${lit(text.streakMessage('{n}'))}.replace("{n}", String(d.streak)) }];
    if (!d.done_today && d.streak > 0) return [{ type: "info", title: ${lit(text.notYet(subject))}, message: ${lit(text.notYetMessage)} }];
    return [];
  }

  async executeAction(tenant_id: string, action: string, params: Record<string, unknown>) {
    const day = foundry.now().slice(0, 10);
    const { data, error } = await supabase.from(${table}).select("*").eq("tenant_id", tenant_id).eq("day", day).limit(1);
    if (error) return { success: false, error: String(error.message ?? error) };
    const already = Boolean(data && data.length > 0);
    if (action === "mark_done") {
      if (!already) {
        const written = await supabase.from(${table}).insert({ tenant_id, day, done_at: foundry.now() });
        if (written.error) return { success: false, error: String(written.error.message ?? written.error) };
      }
      return { success: true, data: { day, done: true } };
    }
    if (action === "undo_today") {
      if (already) {
        const written = await supabase.from(${table}).update({ day: "undone-" + day }).eq("tenant_id", tenant_id).eq("day", day);
        if (written.error) return { success: false, error: String(written.error.message ?? written.error) };
      }
      return { success: true, data: { day, done: false } };
    }
    return { success: false, error: ${lit(text.unknownAction)} };
  }

${getActionsMethod(localiseActions(actions, need.language))}
}
`;

  return {
    code,
    actions,
    capabilities: { reads: [names.table], writes: [names.table], http: [], notifications: false, skills: [] },
    presentation: { headline: 'streak' },
    sampleInputs: [
      { method: 'executeAction', action: 'mark_done', params: {} },
      { method: 'getData' },
      { method: 'getInsights' },
    ],
    summary: {
      en: `A daily habit: mark ${names.subjectWords} done each day and see the streak of days in a row.`,
      pl: `Codzienny nawyk: odhaczaj ${need.subject} każdego dnia i patrz, ile dni z rzędu trwa seria.`,
    },
    whenToUse: `Use when the owner says they did ${names.subjectWords} today, or asks about their streak.`,
    columns: ['tenant_id', 'day', 'done_at'],
    insights: ['success with the streak once it is longer than one day', 'info when today is not marked yet but the streak is alive'],
  };
}
