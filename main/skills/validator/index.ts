// The static audit of one skill file. It fails closed: a member access whose key the auditor
// cannot prove to be a harmless data key, or a built-in it cannot resolve statically, is a
// finding — never silence. Concretely:
// - names resolve by scope as JavaScript does at run time, never as TypeScript reads them: a
//   parameter default does not see the body's declarations, and a declaration TypeScript may emit
//   nothing for (`namespace`, `enum`, `declare`, `interface`, `type`) never hides a global;
// - a built-in is followed through every name that reaches it (`const O = Object`,
//   `const { defineProperty } = Object`), and handing it on where no name follows it (an array, an
//   object, a call argument, a return, `a || b`) is itself a finding (builtin-flow.ts);
// - a computed key is evaluated when built from constants (literal-eval.ts); a key built from
//   constants that the evaluator cannot spell out, or characters picked from coerced text, is a
//   finding (key-provenance.ts); a key known only at run time is allowed on local data only;
// - what the code touches is reported even when it reaches the sandbox through the global object.
// The isolate contains whatever the audit misses; the audit is what the owner reads.
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
import { checkDependencies } from './dependency-check.ts';
import { parseSkill } from './parse.ts';
import { createPlaceholderCollector } from './secret-placeholders.ts';
import { checkSecretUse } from './secret-use.ts';
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
  return { reads: [], writes: [], http: [], notifications: false, skills: [], blockedCalls: [], updates: [] };
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
  const placeholders = createPlaceholderCollector();
  walk(program, [createSecurityAuditor(sink, text.text), createDosAuditor(sink), extractor, placeholders]);
  const { used, sites, httpCalls } = extractor.result();

  const executor = checkConformance(program, sink);
  if (options.manifest !== undefined) {
    const checked = checkManifest(options.manifest, executor, sink);
    if (checked) {
      // A host or secret only a declarative action uses is used all the same.
      const withActions = { ...used, http: [...new Set([...used.http, ...checked.actionUse.http])] };
      compareCapabilities(withActions, sites, checked.declared, executor.anchor, sink);
      checkDependencies(options.manifest, sites.skills, executor.anchor, sink);
      checkSecretUse(placeholders.result(), httpCalls, checked.secrets, checked.actionUse.secrets, executor.anchor, sink);
    }
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
