import { parseArgs } from 'node:util';
import { EXIT, type Command } from '../command.ts';
import { withEngine } from '../with-engine.ts';

const PROBLEMS = {
  edited: 'its contents no longer match its hash (the row was edited)',
  deleted: 'it is missing (a row was deleted)',
  relinked: 'it does not link to the entry before it (rows were removed or reordered)',
  truncated: 'the newest entries are missing (the end of the log was cut off)',
} as const;

const USAGE = 'foundry audit-log verify [--json]';

export const auditLogCommand: Command = {
  name: 'audit-log',
  summary: 'Verify the audit log’s hash chain (audit-log verify)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    if (positionals.length !== 1 || positionals[0] !== 'verify') {
      io.err(`foundry audit-log: expected “verify”.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    return withEngine(io, values.json, ({ store }) => {
      const result = store.auditLog.verify();
      if (values.json) io.out(JSON.stringify(result, null, 2));
      else if (result.ok) io.out(`audit log intact: ${result.checked} entries verified`);
      else io.err(`audit log BROKEN at entry ${result.broken!.seq}: ${PROBLEMS[result.broken!.problem]} (${result.checked} entries before it verified)`);
      return result.ok ? EXIT.ok : EXIT.failed;
    });
  },
};
