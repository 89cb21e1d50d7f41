import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { AuditReport } from '../../../shared/skills/audit.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import { auditSkillOffThread } from '../../skills/validator/audit-off-thread.ts';

export interface CommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const USAGE = 'foundry audit FILE [--manifest FILE] [--json]';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function list(items: readonly string[]): string {
  return items.length > 0 ? items.join(', ') : 'none';
}

function humanReport(file: string, report: AuditReport): string {
  const { capabilities: c, findings } = report;
  const lines = [
    `Skill audit: ${file}`,
    `Verdict: ${report.verdict}`,
    `SHA-256: ${report.sourceSha256}`,
    'Capabilities:',
    `  reads: ${list(c.reads)}`,
    `  writes: ${list(c.writes)}`,
    `  http: ${list(c.http)}`,
    `  notifications: ${c.notifications ? 'yes' : 'no'}`,
    `  skills: ${list(c.skills)}`,
    `  blocked calls: ${list(c.blockedCalls)}`,
    findings.length > 0 ? `Findings (${findings.length}):` : 'Findings: none',
    ...findings.map((f) => `  ${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message.en}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Exit codes: 0 pass or warn, 1 blocked, 2 bad input (arguments, unreadable file or manifest). */
export const auditCommand = {
  name: 'audit',
  summary: 'Audit a skill file and print the AuditReport',
  usage: USAGE,
  run: async (args: string[], io: CommandIo): Promise<number> => {
    let options: { values: { manifest?: string; json?: boolean }; positionals: string[] };
    try {
      options = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: { manifest: { type: 'string' }, json: { type: 'boolean' } },
      });
    } catch (error) {
      io.err(`${reason(error)}\nUsage: ${USAGE}\n`);
      return 2;
    }
    const [file, ...extra] = options.positionals;
    if (file === undefined || extra.length > 0) {
      io.err(`Expected exactly one skill file.\nUsage: ${USAGE}\n`);
      return 2;
    }

    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      io.err(`Cannot read the skill file ${file}: ${reason(error)}\n`);
      return 2;
    }
    let manifest: unknown;
    if (options.values.manifest !== undefined) {
      try {
        manifest = JSON.parse(await readFile(options.values.manifest, 'utf8'));
      } catch (error) {
        io.err(`Cannot read the manifest ${options.values.manifest} as JSON: ${reason(error)}\n`);
        return 2;
      }
    }

    // Invalid UTF-8 decodes to U+FFFD, which the audit reports as a file that is not text.
    const source = new TextDecoder('utf-8').decode(bytes);
    // The audit checks the manifest's shape itself and reports a malformed one as a finding.
    const report = await auditSkillOffThread(source, { fileName: file, ...(manifest === undefined ? {} : { manifest: manifest as SkillManifest }) });
    io.out(options.values.json ? `${JSON.stringify(report, null, 2)}\n` : humanReport(file, report));
    return report.verdict === 'block' ? 1 : 0;
  },
};
