// The disclosure shown before approval (seed stage 5): what the skill wants to do, how risky
// that is and why, the audit's warnings, and what changed since the version running now.
// Pure and deterministic: the same inputs always give the same disclosure.
import type { ScheduleSpec } from '../../../shared/skills/schedules.ts';
import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import type { AuditReport } from '../../../shared/skills/audit.ts';
import type { Disclosure, DisclosureChanges, DisclosureItem, RiskLevel } from '../../../shared/skills/disclosure.ts';
import type { ManifestAction } from '../../../shared/skills/actions.ts';
import type { SkillCapabilities, SkillManifest, SkillSecret } from '../../../shared/skills/manifest.ts';
import type { SkillTriggers } from '../../../shared/skills/triggers.ts';
import { capabilityItems, itemsMissingFrom, tablesOf, unionCapabilities } from './disclosure-items.ts';
import { assessRisk } from './disclosure-risk.ts';

export interface DisclosureInput {
  manifest: SkillManifest;
  report: AuditReport;
  /** The version running now, when this is an update (`secrets` and `actions` as its manifest has them). */
  previous?: {
    version: string; capabilities: SkillCapabilities; secrets?: SkillSecret[] | undefined; actions?: ManifestAction[] | undefined; triggers?: SkillTriggers | undefined;
    schedules?: ScheduleSpec[] | undefined;
    /** The tables its audit found it changing (`updates` of its report); absent when unknown. */
    updates?: string[] | undefined;
  } | null;
  /** For each skill it may call, whether what that reaches now can write (dependency-writes.ts); a name left out counts as writing. */
  dependencyWrites?: Readonly<Record<string, boolean>>;
}

export const RISK_LABEL: Record<RiskLevel, Localized> = {
  low: { en: 'low', pl: 'niskie' },
  medium: { en: 'medium', pl: 'średnie' },
  high: { en: 'high', pl: 'wysokie' },
};

function title(manifest: SkillManifest, isUpdate: boolean): Localized {
  return isUpdate
    ? { en: `Skill '${manifest.name}' (new version ${manifest.version}) wants to:`, pl: `Skill '${manifest.name}' (nowa wersja ${manifest.version}) chce:` }
    : { en: `New skill '${manifest.name}' wants to:`, pl: `Nowy skill '${manifest.name}' chce:` };
}

function renderText(d: Omit<Disclosure, 'text'>, locale: Locale): string {
  const en = locale === 'en';
  const lines = [d.title[locale]];
  if (d.items.length === 0) lines.push(en ? '- nothing beyond computing its answers' : '- Nic poza obliczaniem odpowiedzi');
  // The table names, in a details line under the items about the owner's entries.
  const data = d.items.filter((item) => item.kind === 'read' || item.kind === 'write');
  const tables = [...new Set(data.map((item) => item.target))];
  const tablesLine = `  (${en ? (tables.length === 1 ? 'table' : 'tables') : (tables.length === 1 ? 'tabela' : 'tabele')}: ${tables.join(', ')})`;
  for (const item of d.items) {
    lines.push(`- ${item.text[locale]}`);
    if (item === data.at(-1)) lines.push(tablesLine);
  }
  lines.push(`${en ? 'Risk' : 'Ryzyko'}: ${RISK_LABEL[d.risk.level][locale]}. ${d.risk.reasons.map((reason) => reason[locale]).join(' ')}`);
  if (d.warnings.length > 0) {
    lines.push(en ? 'Warnings:' : 'Ostrzeżenia:');
    for (const warning of d.warnings) lines.push(`- ${warning[locale]}`);
  }
  if (d.changes) {
    const { added, removed, previousVersion } = d.changes;
    lines.push(en ? `Changes since version ${previousVersion}:` : `Zmiany od wersji ${previousVersion}:`);
    if (added.length === 0 && removed.length === 0) lines.push(en ? '  no change in what it may do' : '  bez zmian w uprawnieniach');
    for (const item of added) lines.push(`  + ${item.text[locale]}`);
    for (const item of removed) lines.push(`  − ${item.text[locale]}`);
  }
  return lines.join('\n');
}

export function buildDisclosure({ manifest, report, previous, dependencyWrites = {} }: DisclosureInput): Disclosure {
  // Approval grants what the manifest declares; the code may already use more (the audit flags
  // that). The owner is shown both, so nothing the skill can do goes unmentioned.
  // Everything it may call counts: what its code calls and every dependency (a `function` action's skill, a capability).
  const declared = { ...manifest.capabilities, skills: [...manifest.capabilities.skills, ...(manifest.dependencies ?? [])] };
  const capabilities = unionCapabilities(declared, report.capabilities);
  const secrets = manifest.secrets ?? [];
  const context = { name: manifest.name, tableLabels: manifest.tableLabels, updates: report.capabilities.updates, secrets, actions: manifest.actions, schedules: manifest.schedules, triggers: manifest.triggers };
  const items: DisclosureItem[] = capabilityItems(capabilities, context);
  const warnings = report.findings.map((finding) => ({
    en: `Line ${finding.line}: ${finding.message.en}`,
    pl: `Wiersz ${finding.line}: ${finding.message.pl}`,
  }));
  let changes: DisclosureChanges | null = null;
  if (previous) {
    const tablesCompared = tablesOf(previous.capabilities, capabilities);
    const before = capabilityItems(previous.capabilities, { ...previous, name: manifest.name, tableLabels: manifest.tableLabels, tablesCompared });
    const after = capabilityItems(capabilities, { ...context, tablesCompared });
    changes = { previousVersion: previous.version, added: itemsMissingFrom(after, before), removed: itemsMissingFrom(before, after) };
  }
  const disclosure = {
    slug: manifest.slug,
    name: manifest.name,
    version: manifest.version,
    title: title(manifest, Boolean(previous)),
    items,
    risk: assessRisk(capabilities, manifest.capabilities, secrets, report, manifest.actions, dependencyWrites),
    warnings,
    changes,
  };
  return { ...disclosure, text: { en: renderText(disclosure, 'en'), pl: renderText(disclosure, 'pl') } };
}
