import { parseArgs } from 'node:util';
import { EXIT, type Command } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import type { ExecutionRecord, HttpRequestRecord } from '../../../shared/contract/records.ts';

const USAGE = 'foundry executions [--skill SLUG] [--failed | --succeeded] [--limit N] [--json]';
const MAX_LIMIT = 500;

/** What the window's Activity → Executions shows: each run, newest first, with the HTTP requests it made. */
export const executionsCommand: Command = {
  name: 'executions',
  summary: 'List skill executions, newest first, with the HTTP requests each made',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        skill: { type: 'string' },
        failed: { type: 'boolean', default: false },
        succeeded: { type: 'boolean', default: false },
        limit: { type: 'string', default: '20' },
        json: { type: 'boolean', default: false },
      },
    });
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT || (values.failed && values.succeeded)) {
      io.err(`foundry executions: --limit is a whole number from 1 to ${MAX_LIMIT}; --failed and --succeeded exclude each other.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    const status = values.failed ? 'failed' : values.succeeded ? 'succeeded' : undefined;
    return withEngine(io, values.json, (engine) => {
      const page = engine.store.executions.page({ offset: 0, limit, ...(values.skill ? { skillSlug: values.skill } : {}), ...(status ? { status } : {}) });
      io.out(values.json ? JSON.stringify(page, null, 2) : [`${page.total} executions${page.total > limit ? `, newest ${limit}` : ''}`, ...page.items.flatMap(executionLines)].join('\n'));
      return EXIT.ok;
    });
  },
};

/** An execution as the CLI prints it: one line, its error, then one line per HTTP request. */
export function executionLines(e: ExecutionRecord): string[] {
  const head = `#${e.id} ${e.startedAt}  ${e.skillSlug}${e.version ? ` v${e.version}` : ''}  ${e.action}  ${e.status}  ${Math.round(e.durationMs)} ms  (${e.trigger}${e.triggeredBy ? ` by ${e.triggeredBy}` : ''}, ${e.actor})`;
  return [head, ...(e.error ? [`    error: ${e.error}`] : []), ...e.http.map((request) => `    ${requestLine(request)}`)];
}

function requestLine(r: HttpRequestRecord): string {
  const answer = r.status === null ? `no answer (${r.error ?? 'unknown'})` : String(r.status);
  const via = r.source === 'sample' ? 'sample answer, nothing sent' : r.address ? `via ${r.address}` : 'not sent';
  return `${r.method} ${r.origin}${r.path} → ${answer}  ${r.requestBytes} B out, ${r.responseBytes} B in, ${Math.round(r.durationMs)} ms, ${via}${r.redirects ? `, ${r.redirects} redirect${r.redirects === 1 ? '' : 's'}` : ''}`;
}
