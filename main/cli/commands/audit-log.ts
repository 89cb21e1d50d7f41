import { parseArgs } from 'node:util';
import type { ChainBreak, ChainVerification, IntegrityProblem } from '../../../shared/contract/records.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import { NO_INTEGRITY_KEY } from '../../skills/approval/integrity-key-file.ts';
import { EXIT, type Command } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { refuse } from './token.ts';

/** Each kind of tampering, said once; the entries where it shows follow it. */
const PROBLEMS: Record<ChainBreak, string> = {
  edited: 'edited: an entry’s contents no longer match its hash',
  deleted: 'deleted: an entry is missing from the middle of the log',
  relinked: 'relinked: an entry does not link to the one before it (rows removed or reordered)',
  truncated: 'truncated: the newest entries are missing (the end of the log was cut off)',
  rechained: 're-chained: entries were rewritten with recomputed hashes, but not with the key',
  unsealed: 'unsealed: the key’s seal was removed from entries',
  'forged-checkpoint': 'forged checkpoint: the record of where the log ends was not written with the key',
  'forged-approval': 'forged approval: an approval seal was forged, edited or removed',
  'unsealed-approval': 'unsealed approval: a running version that no valid approval seal vouches for',
};

const NOT_KEYED: Localized = {
  en: `no tampering the chain alone can show, but without the key a rewritten, re-chained or cut-off log cannot be told from an intact one. ${NO_INTEGRITY_KEY.en}`,
  pl: `łańcuch sam w sobie nie wykazuje naruszeń, ale bez klucza nie da się odróżnić dziennika przepisanego, powiązanego na nowo albo uciętego od nienaruszonego. ${NO_INTEGRITY_KEY.pl}`,
};

const USAGE = 'foundry audit-log verify [--json]';

function where(problem: IntegrityProblem): string {
  if (problem.skillSlug) return `${problem.skillSlug}${problem.versionId ? ` (version ${problem.versionId})` : ''}`;
  return problem.seq === undefined ? '' : problem.problem.endsWith('approval') ? `seal #${problem.seq}` : `entry ${problem.seq}`;
}

function report(result: ChainVerification): string {
  const lines = [`audit log and approvals TAMPERED (${result.checked} entries checked):`];
  const byKind = new Map<ChainBreak, IntegrityProblem[]>();
  for (const problem of result.problems ?? []) byKind.set(problem.problem, [...(byKind.get(problem.problem) ?? []), problem]);
  for (const [kind, found] of byKind) {
    const places = found.map(where).filter(Boolean);
    lines.push(`  ${PROBLEMS[kind]}${places.length ? ` — ${places.slice(0, 10).join(', ')}${places.length > 10 ? `, … (${places.length} in all)` : ''}` : ''}`);
  }
  return lines.join('\n');
}

export const auditLogCommand: Command = {
  name: 'audit-log',
  summary: 'Verify the audit log and the approvals’ seals; names each kind of tampering (audit-log verify)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    if (positionals.length !== 1 || positionals[0] !== 'verify') {
      io.err(`foundry audit-log: expected “verify”.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    return withEngine(io, values.json, ({ store }) => {
      const result = store.auditLog.verify();
      if (!result.ok) {
        if (values.json) io.out(JSON.stringify(result, null, 2));
        else io.err(report(result));
        return EXIT.failed;
      }
      // Intact is only claimed with the key: without it, a re-chained or cut-off log looks intact.
      if (!result.keyed) {
        if (values.json) io.out(JSON.stringify({ ...result, ok: false, error: { code: 'no-integrity-key', message: NOT_KEYED } }, null, 2));
        else refuse(io, false, 'audit-log', 'no-integrity-key', NOT_KEYED, EXIT.failed);
        return EXIT.failed;
      }
      if (values.json) io.out(JSON.stringify(result, null, 2));
      else {
        const tail = result.unsealedTail ? `; ${result.unsealedTail} newest written without the key, sealed at the next start with it` : '';
        io.out(`audit log and approvals intact: ${result.checked} entries verified with the key${tail}`);
      }
      return EXIT.ok;
    });
  },
};
