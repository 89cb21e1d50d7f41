import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, type Command, type CommandIo } from '../command.ts';
import { openFoundryStore } from '../../store/index.ts';
import { auditSkillOffThread } from '../../skills/validator/audit-off-thread.ts';
import { createSandbox, SandboxInputError, type ExecutionOutcome, type SkillCall } from '../../skills/sandbox/index.ts';
import type { AuditReport } from '../../../shared/skills/audit.ts';
import { emptyCapabilities, type SkillManifest } from '../../../shared/skills/manifest.ts';
import { EXECUTOR_METHODS, isActionRefusal, isCustomModSlug, type CustomModSlug } from '../../../shared/skills/mod-types.ts';
import { isRecord, MAX_JSON_DEPTH, nestsDeeperThan, parseJson } from '../../skills/sandbox/json-guards.ts';

const USAGE = 'foundry run FILE --action NAME [--params JSON] [--manifest FILE] [--grant-writes] [--no-audit] [--json]';
const TENANT = 'local';

interface RunInput {
  file: string;
  source: string;
  call: SkillCall;
  manifest: SkillManifest | null;
}

export const runCommand: Command = {
  name: 'run',
  summary: 'Run a skill action in the sandbox against a temporary store',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        action: { type: 'string' },
        params: { type: 'string' },
        manifest: { type: 'string' },
        'grant-writes': { type: 'boolean', default: false },
        'no-audit': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    const input = readInput(positionals, values);
    if (typeof input === 'string') {
      io.err(`foundry run: ${input}\nusage: ${USAGE}`);
      return EXIT.badInput;
    }

    let audit: AuditReport | null = null;
    if (!values['no-audit']) {
      audit = await auditSkillOffThread(input.source, input.manifest ? { manifest: input.manifest } : {});
      if (audit.verdict === 'block') {
        report(io, values.json, { ok: false, audit }, auditLines(audit));
        return EXIT.failed;
      }
    } else if (!input.manifest) {
      io.err('foundry run: without an audit and without --manifest the skill declares no tables and no notifications.');
    }
    const manifest = input.manifest ?? derivedManifest(input, audit);
    const grantedWrites = values['grant-writes'] ? manifest.capabilities.writes : [];

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'foundry-run-'));
    const store = openFoundryStore(dataDir);
    const sandbox = createSandbox({ store });
    try {
      const outcome = await sandbox.execute({
        skill: { slug: manifest.slug, version: manifest.version, versionId: null, code: input.source, manifest, grantedWrites },
        call: input.call,
        trigger: 'cli',
        actor: 'owner',
      });
      const ok = outcome.record.status === 'succeeded' && !(input.call.method === 'executeAction' && isActionRefusal(outcome.result));
      report(io, values.json, { ok, audit, manifest, ...outcome }, [...(audit ? auditLines(audit) : []), ...outcomeLines(outcome)]);
      return ok ? EXIT.ok : EXIT.failed;
    } catch (error) {
      if (!(error instanceof SandboxInputError)) throw error;
      io.err(`foundry run: ${error.userMessage.en}`);
      return EXIT.badInput;
    } finally {
      await sandbox.close();
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

function readInput(positionals: string[], values: { action?: string; params?: string; manifest?: string }): RunInput | string {
  if (positionals.length !== 1) return 'give exactly one skill file (TypeScript).';
  const [file] = positionals as [string];
  if (!values.action) return 'say which action to run with --action NAME (or getData, getInsights, getActions).';
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return `cannot read ${file}.`;
  }
  const params = values.params === undefined ? {} : parseJson(values.params);
  if (!isRecord(params)) return '--params must be a JSON object, e.g. --params \'{"amount_ml": 250}\'.';
  if (nestsDeeperThan(params, MAX_JSON_DEPTH)) return `--params nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep.`;
  let manifest: SkillManifest | null = null;
  if (values.manifest !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(values.manifest, 'utf8');
    } catch {
      return `cannot read ${values.manifest}.`;
    }
    const parsed = parseJson(text);
    if (!isRecord(parsed) || !isCustomModSlug(parsed.slug) || !isRecord(parsed.capabilities) || typeof parsed.version !== 'string') {
      return `${values.manifest} is not a skill manifest (slug custom-…, version, capabilities).`;
    }
    manifest = parsed as unknown as SkillManifest;
  }
  const method = (EXECUTOR_METHODS as readonly string[]).includes(values.action) && values.action !== 'executeAction' ? values.action : null;
  const call: SkillCall = method
    ? { method: method as Exclude<SkillCall['method'], 'executeAction'>, tenantId: TENANT }
    : { method: 'executeAction', tenantId: TENANT, action: values.action, params };
  return { file, source, call, manifest };
}

/** A manifest declaring exactly what the audit found the code to use. */
function derivedManifest(input: RunInput, audit: AuditReport | null): SkillManifest {
  const { blockedCalls: _blocked, ...used } = audit?.capabilities ?? { ...emptyCapabilities(), blockedCalls: [] };
  const slug = codeSlug(input.source) ?? fileSlug(input.file);
  return { slug, name: slug, description: '', version: '0.0.0', capabilities: used, config_schema: {} };
}

/** The `slug = 'custom-…'` the class declares (the audit has already required it to be a literal). */
function codeSlug(source: string): CustomModSlug | null {
  const slug = /\bslug\s*(?::[^=;]*)?=\s*(['"`])([^'"`]+)\1/.exec(source)?.[2];
  return isCustomModSlug(slug) ? slug : null;
}

function fileSlug(file: string): CustomModSlug {
  const base = path.basename(file).replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `custom-${base || 'skill'}`;
}

function report(io: CommandIo, json: boolean | undefined, data: Record<string, unknown>, lines: string[]): void {
  io.out(json ? JSON.stringify(data, null, 2) : lines.join('\n'));
}

function auditLines(audit: AuditReport): string[] {
  return [
    `audit      ${audit.verdict}${audit.findings.length ? ` (${audit.findings.length} finding${audit.findings.length === 1 ? '' : 's'})` : ''}`,
    ...audit.findings.map((f) => `  ${f.severity.padEnd(5)} ${f.line}:${f.column}  ${f.rule}  ${f.message.en}`),
  ];
}

function outcomeLines(outcome: ExecutionOutcome): string[] {
  const { record } = outcome;
  return [
    `status     ${record.status}${outcome.error ? ` — ${outcome.error.message.en}` : ''}`,
    ...(outcome.result === undefined ? [] : [`result     ${JSON.stringify(outcome.result, null, 2).replaceAll('\n', '\n           ')}`]),
    ...outcome.notifications.map((n) => `notify     ${n.title} — ${n.body}`),
    ...outcome.logs.map((line) => `log        ${line}`),
    `execution  #${record.id} ${record.skillSlug}@${record.version} ${record.action} (${record.trigger}, ${record.actor})`,
    `  duration ${record.durationMs.toFixed(1)} ms${record.peakHeapBytes === null ? '' : `, heap ${Math.round(record.peakHeapBytes / 1024)} KB`}`,
    `  input    sha256 ${record.inputSha256}`,
    `  output   sha256 ${record.outputSha256 ?? '—'}`,
  ];
}

