import { parseArgs } from 'node:util';
import { EXIT, type Command, type CommandIo } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { ServiceError } from '../../skills/service-error.ts';
import type { Engine } from '../../engine.ts';
import type { EventReport, EventRoute, Firing } from '../../skills/triggers/index.ts';

const USAGE = [
  'foundry events message --text TEXT [--role user|assistant|system|tool] [--at ISO] [--json]   (role: user unless given)',
  'foundry events tool-use --tool NAME [--at ISO] [--json]',
  'foundry events session start|end [--at ISO] [--json]',
].join('\n       ');

/** The event's body as the API would receive it; `at` is now unless given. */
function bodyOf(route: EventRoute, values: Record<string, string | boolean | undefined>, positionals: string[]): Record<string, unknown> {
  const at = values.at ?? new Date().toISOString();
  if (route === 'message') return { role: values.role ?? 'user', text: values.text, at };
  if (route === 'tool-use') return { tool: values.tool, at };
  return { kind: positionals[0], at };
}

/** How each firing ended, from its execution record once the background run finished. */
function outcome(engine: Engine, firing: Firing): string {
  const run = engine.store.executions.page({ offset: 0, limit: 20, skillSlug: firing.skill })
    .items.find((e) => e.trigger === firing.trigger && e.action === firing.action);
  if (run) return `${run.status}, execution #${run.id}${run.error ? ` (${run.error})` : ''}`;
  const refused = engine.store.auditLog.page({ offset: 0, limit: 50 }).items
    .find((e) => e.event === 'trigger.fired' && e.skillSlug === firing.skill && e.data.trigger === firing.trigger);
  return `not run: ${String(refused?.data.reason ?? 'refused')}`;
}

function print(io: CommandIo, engine: Engine, report: EventReport): void {
  const lines = [`event #${report.event.id} (${report.event.kind}) stored / zapisano zdarzenie #${report.event.id}`];
  if (report.firing.length === 0) lines.push('fires nothing / nic nie uruchamia');
  else lines.push(`fires / uruchamia:`);
  for (const f of report.firing) lines.push(`  ${f.skill} v${f.version} ${f.action} (${f.trigger}): ${outcome(engine, f)}`);
  for (const f of report.dropped) lines.push(`  ${f.skill} v${f.version} ${f.action} (${f.trigger}): dropped, too many firings wait / pominięto, czeka zbyt wiele uruchomień`);
  io.out(lines.join('\n'));
}

/**
 * Reports one event headless, checked exactly as POST /api/events/… checks it, and waits for what
 * it fires (the process would otherwise end under the runs) before printing how each ended.
 */
export const eventsCommand: Command = {
  name: 'events',
  summary: 'Report a message, tool use or session start/end as the assistant would, and run the triggers it fires',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { role: { type: 'string' }, text: { type: 'string' }, tool: { type: 'string' }, at: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const [route, ...rest] = positionals;
    if (route !== 'message' && route !== 'tool-use' && route !== 'session') {
      io.err(`foundry events: say which event: message, tool-use or session.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    return withEngine(io, values.json, async (engine) => {
      try {
        const report = engine.service.reportEvent('assistant', route, bodyOf(route, values, rest));
        await engine.service.triggersIdle();
        if (values.json) io.out(JSON.stringify({ ...report, outcomes: report.firing.map((f) => ({ ...f, outcome: outcome(engine, f) })) }, null, 2));
        else print(io, engine, report);
        return EXIT.ok;
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        if (values.json) io.out(JSON.stringify({ ok: false, error }, null, 2));
        else io.err(`foundry events: ${error.userMessage.en}\n  pl: ${error.userMessage.pl}`);
        return error.code === 'bad-request' ? EXIT.badInput : EXIT.failed;
      }
    });
  },
};
