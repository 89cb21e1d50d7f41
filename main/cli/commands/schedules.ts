import { parseArgs } from 'node:util';
import { EXIT, type Command, type CommandIo } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { ServiceError } from '../../skills/service-error.ts';
import type { ScheduleRecord, ScheduleSpec } from '../../../shared/skills/schedules.ts';

const USAGE = `foundry schedules [list] [--json]
  schedules add SLUG ACTION (--cron "0 8 * * *" | --every 15m|2h|1d) [--timezone Europe/Warsaw] [--active-hours 08:00-22:00]
                [--days mon,wed,fri] [--missed skip|catch-up-once] [--params JSON] [--notify-success] [--notify-failure] [--webhook URL] [--paused] [--json]
  schedules pause|resume|remove|run-now|confirm|decline ID [--json]`;

const ACTIONS = ['pause', 'resume', 'remove', 'run-now', 'confirm', 'decline'] as const;
type IdAction = (typeof ACTIONS)[number];
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Bad input to the command itself: said plainly, nothing changes. */
class UsageProblem extends Error {}

/** The flags of `add` as a ScheduleSpec; the service checks what it means. */
function specOf(action: string, values: Record<string, string | boolean | undefined>): ScheduleSpec {
  const spec: ScheduleSpec = { action };
  if (typeof values.cron === 'string') spec.cron = values.cron;
  if (typeof values.every === 'string') {
    const match = /^(\d{1,6})([mhd])$/.exec(values.every);
    if (!match) throw new UsageProblem('--every takes a number and a unit: 15m, 2h or 1d.');
    spec.intervalMs = Number(match[1]) * UNIT_MS[match[2]!]!;
  }
  if (typeof values.timezone === 'string') spec.timezone = values.timezone;
  if (typeof values['active-hours'] === 'string') {
    const [start, end, ...rest] = values['active-hours'].split('-');
    if (!start || !end || rest.length > 0) throw new UsageProblem('--active-hours takes START-END, e.g. 08:00-22:00 (22:00-06:00 crosses midnight).');
    spec.activeHours = { start, end };
  }
  if (typeof values.days === 'string') spec.daysOfWeek = values.days.split(',').map((d) => d.trim().toLowerCase()) as ScheduleSpec['daysOfWeek'];
  if (typeof values.missed === 'string') spec.missed = values.missed as ScheduleSpec['missed'];
  if (typeof values.params === 'string') {
    try {
      spec.params = JSON.parse(values.params) as Record<string, unknown>;
    } catch {
      throw new UsageProblem('--params must be a JSON object, e.g. \'{"title":"leki"}\'.');
    }
  }
  const notify = {
    ...(values['notify-success'] ? { onSuccess: true } : {}),
    ...(values['notify-failure'] ? { onFailure: true } : {}),
    ...(typeof values.webhook === 'string' ? { webhookUrl: values.webhook } : {}),
  };
  if (Object.keys(notify).length > 0) spec.notify = notify;
  if (values.paused) spec.enabled = false;
  return spec;
}

/** As the owner: every schedule (proposals too), and changing one; `run-now` runs it here and waits. */
export const schedulesCommand: Command = {
  name: 'schedules',
  summary: 'List schedules (what runs by itself, and when), add one, or pause, resume, remove, run, confirm or decline one',
  usage: USAGE,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          json: { type: 'boolean', default: false }, cron: { type: 'string' }, every: { type: 'string' }, timezone: { type: 'string' },
          'active-hours': { type: 'string' }, days: { type: 'string' }, missed: { type: 'string' }, params: { type: 'string' },
          'notify-success': { type: 'boolean' }, 'notify-failure': { type: 'boolean' }, webhook: { type: 'string' }, paused: { type: 'boolean' },
        },
      });
    } catch (error) {
      io.err(`foundry schedules: ${error instanceof Error ? error.message : String(error)}\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    const { values, positionals } = parsed;
    const [sub = 'list', ...rest] = positionals;
    let spec: ScheduleSpec | null = null;
    try {
      if (sub === 'add') {
        if (rest.length !== 2) throw new UsageProblem('add takes the skill’s slug and the action to run.');
        spec = specOf(rest[1]!, values);
      } else if ((ACTIONS as readonly string[]).includes(sub)) {
        if (rest.length !== 1 || !/^[1-9][0-9]{0,14}$/.test(rest[0]!)) throw new UsageProblem(`${sub} takes one schedule number (see foundry schedules list).`);
      } else if (sub !== 'list' || rest.length > 0) {
        throw new UsageProblem(`unknown subcommand “${sub}”.`);
      }
    } catch (error) {
      if (!(error instanceof UsageProblem)) throw error;
      io.err(`foundry schedules: ${error.message}\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    return withEngine(io, values.json, async (engine) => {
      const { service } = engine;
      const show = (record: ScheduleRecord, what: string) => io.out(values.json ? JSON.stringify(record, null, 2) : [`schedule #${record.id} ${what}`, ...lines(record)].join('\n'));
      try {
        if (sub === 'list') {
          const list = service.listSchedules('owner');
          const off = engine.config.get('skills.scheduled.enabled') ? [] : ['Schedules are off (skills.scheduled.enabled: false in config.yaml): nothing runs by itself.'];
          io.out(values.json ? JSON.stringify(list, null, 2) : [...off, `${list.length} schedule${list.length === 1 ? '' : 's'}`, ...list.flatMap(lines)].join('\n'));
        } else if (sub === 'add') {
          show(await service.addSchedule('owner', rest[0]!, spec), 'added');
        } else {
          const id = Number(rest[0]);
          const action = sub as IdAction;
          if (action === 'remove') {
            const removed = service.removeSchedule('owner', id);
            io.out(values.json ? JSON.stringify(removed, null, 2) : `schedule #${removed.removed} removed`);
          } else if (action === 'run-now') show(await service.runScheduleNow('owner', id), 'ran now');
          else if (action === 'pause') show(service.pauseSchedule('owner', id), 'paused');
          else if (action === 'resume') show(service.resumeSchedule('owner', id), 'resumed');
          else if (action === 'confirm') show(service.confirmScheduleProposal('owner', id), 'confirmed');
          else show(service.declineScheduleProposal('owner', id), 'declined');
        }
        return EXIT.ok;
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        return reportError(io, values.json, error);
      }
    });
  },
};

/** In the schedule's own zone, e.g. "2026-12-08 08:00". */
function localTime(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

const PAUSED_WHY = { owner: 'by you', failures: 'after failures in a row', 'skill-unavailable': 'its skill cannot run now', limit: 'too many active schedules' } as const;

function lines(s: ScheduleRecord): string[] {
  const state = s.status === 'paused' ? `paused (${PAUSED_WHY[s.pausedReason!]})` : s.status === 'proposed' ? 'proposed by the assistant: confirm or decline' : s.status;
  const head = `#${s.id} ${state}  ${s.skillName ?? s.skillSlug} (${s.skillSlug}) → ${s.spec.action}  [${s.source}]`;
  const next = s.nextRunAt ? `next ${localTime(s.nextRunAt, s.timezone)}` : 'no next run';
  const last = s.lastRunAt ? `last ${s.lastResult}${s.lastLate ? ' (late)' : ''} ${localTime(s.lastRunAt, s.timezone)}${s.lastExecutionId ? ` (execution #${s.lastExecutionId})` : ''}` : 'never ran';
  const message = s.lastMessage && s.lastResult !== 'succeeded' ? [`    ${s.lastMessage.en}`] : [];
  return [head, `    ${s.description.en}`, `    pl: ${s.description.pl}`, `    ${next}; ${last}`, ...message];
}

function reportError(io: CommandIo, json: boolean, error: ServiceError): number {
  if (json) io.out(JSON.stringify({ ok: false, error }, null, 2));
  else io.err(`foundry schedules: ${error.userMessage.en}\n  pl: ${error.userMessage.pl}`);
  return error.code === 'bad-request' ? EXIT.badInput : EXIT.failed;
}
