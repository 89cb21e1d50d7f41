// The version record carries its disclosure and dry run as `unknown` (stored JSON): these guards
// read them as the shared types, and anything unexpected as absent rather than as a crash.
import type { SkillVersionRecord } from '../../../shared/contract/index.ts';
import type { Disclosure } from '../../../shared/skills/disclosure.ts';
import type { DryRunReport } from '../../../shared/skills/dry-run.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isLocalized = (value: unknown): boolean => isRecord(value) && typeof value.en === 'string' && typeof value.pl === 'string';

export function disclosureOf(version: Pick<SkillVersionRecord, 'disclosure'>): Disclosure | null {
  const d = version.disclosure;
  if (!isRecord(d) || !isLocalized(d.title) || !Array.isArray(d.items) || !isRecord(d.risk)) return null;
  return d as unknown as Disclosure;
}

export function dryRunOf(version: Pick<SkillVersionRecord, 'dryRun'>): DryRunReport | null {
  const r = version.dryRun;
  if (!isRecord(r) || typeof r.ok !== 'boolean' || !Array.isArray(r.steps)) return null;
  return r as unknown as DryRunReport;
}

/** Why a failed candidate failed: the summary of its last failed pipeline step. */
export function failureOf(version: Pick<SkillVersionRecord, 'steps'>) {
  return [...version.steps].reverse().find((step) => step.status === 'failed') ?? null;
}

/** A dry-run call as people write it: `executeAction log_water`, `getData`. */
export function callLabel(input: { method: string; action?: string }): string {
  return input.action ? `${input.method} ${input.action}` : input.method;
}

/** JSON for showing, cut to a readable length. */
export function previewJson(value: unknown, max = 600): string {
  let text: string;
  try {
    text = JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}\n…` : text;
}
