import type { Localized } from '../i18n-types.ts';
import type { SkillCapabilities } from './manifest.ts';

export type FindingSeverity = 'block' | 'warn';

export interface AuditFinding {
  /** Stable rule id, e.g. `blocked-global/eval`. */
  rule: string;
  severity: FindingSeverity;
  message: Localized;
  /** 1-based line and column in the audited source. */
  line: number;
  column: number;
  excerpt: string;
}

/** What the code was found to touch, plus calls that are never allowed. */
export interface UsedCapabilities extends SkillCapabilities {
  blockedCalls: string[];
  /**
   * Of `writes`, the tables whose existing entries the code changes (`update`); it only adds to the
   * others. Complete, because a query method the audit cannot name blocks the skill. Absent in
   * reports made before it was recorded: then every write may change entries.
   */
  updates?: string[];
}

export type AuditVerdict = 'pass' | 'warn' | 'block';

export interface AuditReport {
  sourceSha256: string;
  verdict: AuditVerdict;
  findings: AuditFinding[];
  capabilities: UsedCapabilities;
}
