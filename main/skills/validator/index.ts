import { createHash } from 'node:crypto';
import type { AuditFinding, AuditReport, AuditVerdict, UsedCapabilities } from '../../../shared/skills/audit.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import { compareCapabilities } from './capability-compare.ts';
import { createCapabilityExtractor } from './capability-extractor.ts';
import { checkConformance } from './conformance.ts';
import { createDosAuditor } from './dos-auditor.ts';
import { FindingSink, START_OF_FILE } from './findings.ts';
import { checkInput } from './input-check.ts';
import { checkManifest } from './manifest-check.ts';
import { parseSkill } from './parse.ts';
import { createSecurityAuditor } from './security-auditor.ts';
import { SourceText } from './source-text.ts';
import { TooDeepError, walk } from './walk.ts';

export { RULES, type RuleId } from './findings.ts';
export { MAX_SOURCE_BYTES } from './input-check.ts';

export interface AuditOptions {
  /** When given, the code is held to it: same slug, and every capability used must be declared. */
  manifest?: SkillManifest;
  /** Only its extension matters: `.tsx` enables JSX parsing. */
  fileName?: string;
}

function noCapabilities(): UsedCapabilities {
  return { reads: [], writes: [], http: [], notifications: false, skills: [], blockedCalls: [] };
}

function verdictOf(findings: readonly AuditFinding[]): AuditVerdict {
  if (findings.some((f) => f.severity === 'block')) return 'block';
  return findings.length > 0 ? 'warn' : 'pass';
}

function runAudit(text: SourceText, options: AuditOptions, sink: FindingSink): UsedCapabilities {
  if (!checkInput(text, sink)) return noCapabilities();
  const program = parseSkill(text.text, options.fileName, sink);
  if (!program) return noCapabilities();

  const extractor = createCapabilityExtractor(sink);
  walk(program, [createSecurityAuditor(sink, text.text), createDosAuditor(sink), extractor]);
  const { used, sites } = extractor.result();

  const executor = checkConformance(program, sink);
  if (options.manifest !== undefined) {
    const manifest = checkManifest(options.manifest, executor, sink);
    if (manifest) compareCapabilities(used, sites, manifest.capabilities, executor.anchor, sink);
  }
  return used;
}

/**
 * Statically audits one skill file: security (blocked APIs and the ways around them), the
 * executor contract, and what the code touches compared with its manifest. Never throws: input
 * that cannot be audited yields a blocking finding instead.
 */
export function auditSkill(source: string, options: AuditOptions = {}): AuditReport {
  const isText = typeof source === 'string';
  const text = new SourceText(isText ? source : '');
  const sink = new FindingSink(text);
  let capabilities = noCapabilities();
  if (!isText) {
    sink.add('input/binary', START_OF_FILE);
  } else {
    try {
      capabilities = runAudit(text, options, sink);
    } catch (error) {
      if (error instanceof TooDeepError || error instanceof RangeError) sink.add('input/too-deep', START_OF_FILE);
      else sink.add('internal/audit-failed', START_OF_FILE, error instanceof Error ? error.message : String(error));
    }
  }
  const findings = sink.sorted();
  return {
    sourceSha256: createHash('sha256').update(text.text, 'utf8').digest('hex'),
    verdict: verdictOf(findings),
    findings,
    capabilities,
  };
}
