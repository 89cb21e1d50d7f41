// Reminder: things to do at a time, repeating on the need's cadence; `notify_due` (run on a
// schedule) tells the owner about each due reminder once.
import type { SkillNeed } from '../../../../shared/skills/need.ts';
import { describeRepeat, repeatRule, type RepeatRule } from './cadence.ts';
import { getActionsMethod, lit, readTenantRows } from './code.ts';
import type { SkillNames } from './naming.ts';
import { localiseActions, paramsSchema, textParam, type SkillTemplate } from './template.ts';
import { cadenceSchedule, timesOfDay, timesPerDaySchedules } from './cadence-schedule.ts';
import { machineZone } from '../../scheduler/zoned-time.ts';

const ISO_TIME = '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,3})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$';

const TEXT = {
  pl: {
    title: (subject: string) => `Przypomnienie: ${subject}`,
    // The notification's title already names the subject: "Przypomnienie: leki — Już pora."
    itsTime: 'Już pora.',
    noTitle: 'Podaj treść przypomnienia',
    badTime: 'Nie rozumiem terminu przypomnienia',
    notFound: 'Nie ma otwartego przypomnienia o tej treści',
    unknownAction: 'Nieznana akcja',
  },
  en: {
    title: (subject: string) => `Reminder: ${subject}`,
    itsTime: 'It is time.',
    noTitle: 'Say what to remind you about',
    badTime: 'The reminder time is not a date',
    notFound: 'There is no open reminder with that text',
    unknownAction: 'Unknown action',
  },
};

/** The next time strictly after `after`, in the owner's local time (the sandbox runs in the app's time zone). */
function nextDueMethod(rule: RepeatRule): string {
  if (rule.type === 'once') return '';
  if (rule.type === 'interval')
    return `
  private nextDue(after: string) {
    return new Date(Date.parse(after) + ${rule.everyMinutes * 60_000}).toISOString();
  }
`;
  const dayCheck = rule.type === 'weekly' ? ` && ${lit(rule.dayNumbers)}.includes(next.getDay())` : '';
  return `
  private nextDue(after: string) {
    const from = Date.parse(after);
    for (let day = 0; day <= 7; day++) {
      const next = new Date(from);
      next.setDate(next.getDate() + day);
      next.setHours(${rule.hour}, ${rule.minute}, 0, 0);
      if (next.getTime() > from${dayCheck}) return next.toISOString();
    }
    return new Date(from + 86400000).toISOString();
  }
`;
}

/** "Twice a day": the times of the day it comes, when the cadence leaves the time open. */
function timesPerDay(need: SkillNeed): string[] | null {
  if (!need.timesPerDay || need.timesPerDay < 2 || !(need.cadence.type === 'none' || (need.cadence.type === 'daily' && !need.cadence.at))) return null;
  return timesOfDay(need.timesPerDay);
}

/** The next of several daily times strictly after `after`, in the owner's local time. */
function nextDueOfTimes(times: string[]): string {
  return `
  private nextDue(after: string) {
    const from = Date.parse(after);
    for (let day = 0; day <= 1; day++) {
      for (const at of ${lit(times)}) {
        const next = new Date(from);
        next.setDate(next.getDate() + day);
        next.setHours(Number(at.slice(0, 2)), Number(at.slice(3, 5)), 0, 0);
        if (next.getTime() > from) return next.toISOString();
      }
    }
    return new Date(from + 86400000).toISOString();
  }
`;
}

export function reminderTemplate(need: SkillNeed, names: SkillNames): SkillTemplate {
  const times = timesPerDay(need);
  const rule: RepeatRule = times ? { type: 'daily', hour: 8, minute: 0, at: times[0]! } : repeatRule(need.cadence);
  const repeats = rule.type !== 'once';
  const when = times ? { pl: `codziennie o ${times.join(', ')}`, en: `every day at ${times.join(', ')}` } : describeRepeat(rule);
  const text = TEXT[need.language];
  const table = lit(names.table);
  const title = lit(text.title(need.subject));
  const failed = 'return { success: false, error: String(error.message ?? error) };';
  const readTitle = `const title = typeof params.title === "string" ? params.title.trim() : "";
      if (!title) return { success: false, error: ${lit(text.noTitle)} };`;

  const actions = [
    {
      slug: 'add_reminder',
      name: { pl: 'Dodaj przypomnienie', en: 'Add a reminder' },
      description: {
        pl: `Dodaj przypomnienie (${need.subject}); bez terminu: ${repeats ? 'najbliższy termin z harmonogramu' : 'od razu'}`,
        en: `Add a reminder (${names.subjectWords}); without a time it is due ${repeats ? 'at the next scheduled time' : 'now'}`,
      },
      params_schema: paramsSchema({ title: textParam(200), due_at: { type: 'string', pattern: ISO_TIME } }, ['title']),
    },
    {
      slug: 'complete_reminder',
      name: { pl: 'Oznacz jako zrobione', en: 'Mark as done' },
      description: {
        pl: `Zamknij otwarte przypomnienia o tej treści${repeats ? ' i zaplanuj następne' : ''}`,
        en: `Close the open reminders with this text${repeats ? ' and schedule the next one' : ''}`,
      },
      params_schema: paramsSchema({ title: textParam(200) }, ['title']),
    },
    ...(repeats
      ? [{
        slug: 'remind',
        name: { pl: 'Przypomnij teraz', en: 'Remind now' },
        description: {
          pl: `Wyślij przypomnienie (${need.subject}); harmonogram skilla uruchamia je ${when.pl}`,
          en: `Send the reminder (${names.subjectWords}); the skill's schedule runs it ${when.en}`,
        },
        params_schema: paramsSchema({}),
      }]
      : []),
    {
      slug: 'notify_due',
      name: { pl: 'Powiadom o zaległych', en: 'Notify about due reminders' },
      description: {
        pl: 'Wyślij powiadomienie o każdym przypomnieniu, którego termin minął (raz)',
        en: 'Send one notification for each reminder that has come due',
      },
      params_schema: paramsSchema({}),
    },
  ];

  const code = `export class ${names.className} implements IModExecutor {
  readonly slug = ${lit(names.slug)};

  async getData(tenant_id: string) {
    ${readTenantRows(names.table, { column: 'due_at', ascending: true }, 200, ['.eq("done", false)'])}
    const now = foundry.now();
    const open = data ?? [];
    return { now, open, due: open.filter((r) => String(r.due_at) <= now) };
  }

  async getInsights(tenant_id: string) {
    const d = await this.getData(tenant_id);
    return d.due.slice(0, 5).map((r) => ({ type: "warning", title: ${title}, message: String(r.title) }));
  }

  async executeAction(tenant_id: string, action: string, params: Record<string, unknown>) {
    const now = foundry.now();
    if (action === "add_reminder") {
      ${readTitle}
      let due_at = ${repeats ? 'this.nextDue(now)' : 'now'};
      if (typeof params.due_at === "string") {
        const at = Date.parse(params.due_at);
        if (Number.isNaN(at)) return { success: false, error: ${lit(text.badTime)} };
        due_at = new Date(at).toISOString();
      }
      const reminder = { tenant_id, title, due_at, done: false, notified_at: null, created_at: now, completed_at: null };
      const { error } = await supabase.from(${table}).insert(reminder);
      if (error) ${failed}
      return { success: true, data: reminder };
    }
    if (action === "complete_reminder") {
      ${readTitle}
      const { data, error } = await supabase
        .from(${table})
        .select("*")
        .eq("tenant_id", tenant_id)
        .eq("title", title)
        .eq("done", false)
        .limit(1);
      if (error) ${failed}
      if (!data || data.length === 0) return { success: false, error: ${lit(text.notFound)} };
      const closed = await supabase
        .from(${table})
        .update({ done: true, completed_at: now })
        .eq("tenant_id", tenant_id)
        .eq("title", title)
        .eq("done", false);
      if (closed.error) return { success: false, error: String(closed.error.message ?? closed.error) };${
        repeats
          ? `
      const next = { tenant_id, title, due_at: this.nextDue(now), done: false, notified_at: null, created_at: now, completed_at: null };
      const scheduled = await supabase.from(${table}).insert(next);
      if (scheduled.error) return { success: false, error: String(scheduled.error.message ?? scheduled.error) };
      return { success: true, data: { title, next_due_at: next.due_at } };`
          : `
      return { success: true, data: { title } };`
      }
    }
${repeats ? `    if (action === "remind") {
      await foundry.notify(${title}, ${lit(text.itsTime)});
      return { success: true, data: { reminded: true } };
    }
` : ''}    if (action === "notify_due") {
      const d = await this.getData(tenant_id);
      const pending = d.due.filter((r) => !r.notified_at);
      for (const r of pending) {
        await foundry.notify(${title}, String(r.title));
        const marked = await supabase
          .from(${table})
          .update({ notified_at: now })
          .eq("tenant_id", tenant_id)
          .eq("title", r.title)
          .eq("due_at", r.due_at);
        if (marked.error) return { success: false, error: String(marked.error.message ?? marked.error) };
      }
      return { success: true, data: { notified: pending.length } };
    }
    return { success: false, error: ${lit(text.unknownAction)} };
  }
${times ? nextDueOfTimes(times) : nextDueMethod(rule)}
${getActionsMethod(localiseActions(actions, need.language))}
}
`;

  return {
    code,
    actions,
    capabilities: { reads: [names.table], writes: [names.table], http: [], notifications: true, skills: [] },
    sampleInputs: [
      { method: 'executeAction', action: 'add_reminder', params: { title: need.subject } },
      { method: 'getData' },
      { method: 'getInsights' },
      { method: 'executeAction', action: 'notify_due', params: {} },
      ...(repeats ? [{ method: 'executeAction' as const, action: 'remind', params: {} }] : []),
      { method: 'executeAction', action: 'complete_reminder', params: { title: need.subject } },
    ],
    summary: {
      en: `Reminds the owner about ${names.subjectWords}, ${when.en}, and notifies once when a reminder comes due.`,
      pl: `Przypomina: ${need.subject}, ${when.pl}; powiadamia raz, gdy nadejdzie termin.`,
    },
    whenToUse: `Use when the owner asks to be reminded about ${names.subjectWords}, says it is done, or asks what is due.${repeats ? ` Its schedule runs remind ${when.en} by itself;` : ''} run notify_due to tell the owner about reminders added with a time.`,
    columns: ['tenant_id', 'title', 'due_at', 'done', 'notified_at', 'created_at', 'completed_at'],
    insights: ['warning for each open reminder whose time has come (at most 5)'],
    ...(times ? { schedules: timesPerDaySchedules(times.length, 'remind', machineZone()) }
      : repeats ? { schedules: [cadenceSchedule(need.cadence, 'remind', machineZone())!] } : {}),
  };
}
