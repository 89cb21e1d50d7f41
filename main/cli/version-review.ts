// A version as the owner reads it on a terminal before deciding, in the same parts and order as
// the window's review: the disclosure (plain words, risk), the audit's findings, the dry run, the
// code (or the diff against the running version), and the exact SHA-256 a decision is bound to.
import type { Locale, Localized } from '../../shared/i18n-types.ts';
import type { SkillVersionRecord } from '../../shared/contract/records.ts';
import type { Disclosure } from '../../shared/skills/disclosure.ts';
import type { DryRunReport } from '../../shared/skills/dry-run.ts';
import type { VersionDiff } from '../skills/registry/index.ts';
import { isRecord } from '../skills/sandbox/json-guards.ts';

const TEXT = {
  disclosure: { en: 'What it may do', pl: 'Co może robić' },
  noDisclosure: { en: 'No disclosure was made for this version (it failed before).', pl: 'Dla tej wersji nie powstał opis (wcześniej się nie powiodła).' },
  audit: { en: 'Audit', pl: 'Audyt' },
  noAudit: { en: 'not audited', pl: 'bez audytu' },
  noFindings: { en: 'no findings', pl: 'brak uwag' },
  dryRun: { en: 'Dry run (sample inputs in the sandbox; nothing was kept or sent)', pl: 'Próbne uruchomienie (przykładowe dane w piaskownicy; nic nie zapisano ani nie wysłano)' },
  noDryRun: { en: 'no dry run', pl: 'bez próbnego uruchomienia' },
  succeeded: { en: 'ok', pl: 'ok' },
  failed: { en: 'FAILED', pl: 'BŁĄD' },
  code: { en: 'Code', pl: 'Kod' },
  diff: { en: 'Changes against the running version', pl: 'Zmiany względem działającej wersji' },
  noRunning: { en: 'No version is running yet, so here is the whole code.', pl: 'Żadna wersja jeszcze nie działa, więc poniżej cały kod.' },
  identical: { en: 'identical to the running version', pl: 'identyczna z działającą wersją' },
  hash: { en: 'SHA-256 of exactly this content', pl: 'SHA-256 dokładnie tej treści' },
  expires: { en: 'rejected automatically if not approved by', pl: 'odrzucona automatycznie, jeśli nie zostanie zatwierdzona do' },
} satisfies Record<string, Localized>;

const heading = (text: string) => `\n== ${text} ==`;

function disclosureOf(version: SkillVersionRecord): Disclosure | null {
  const d = version.disclosure;
  return isRecord(d) && isRecord(d.text) && typeof d.text.en === 'string' ? (d as unknown as Disclosure) : null;
}

function dryRunOf(version: SkillVersionRecord): DryRunReport | null {
  const r = version.dryRun;
  return isRecord(r) && typeof r.ok === 'boolean' && Array.isArray(r.steps) ? (r as unknown as DryRunReport) : null;
}

/** One line a result takes at most, so a long answer does not hide the rest of the review. */
function preview(value: unknown, max = 160): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The tag, its state and the hash; the first thing printed, and the hash a decision is bound to. */
export function versionHeader(version: SkillVersionRecord, locale: Locale): string[] {
  return [
    `${version.name} — ${version.tag} (${version.status})`,
    `${TEXT.hash[locale]}: ${version.contentSha256}`,
    ...(version.status === 'pending' && version.expiresAt ? [`${TEXT.expires[locale]} ${version.expiresAt}`] : []),
  ];
}

export function disclosureLines(version: SkillVersionRecord, locale: Locale): string[] {
  const disclosure = disclosureOf(version);
  return [heading(TEXT.disclosure[locale]), disclosure ? disclosure.text[locale] : TEXT.noDisclosure[locale]];
}

export function auditLines(version: SkillVersionRecord, locale: Locale): string[] {
  const report = version.auditReport;
  if (!report) return [heading(TEXT.audit[locale]), TEXT.noAudit[locale]];
  return [
    heading(`${TEXT.audit[locale]}: ${report.verdict}`),
    ...(report.findings.length === 0 ? [TEXT.noFindings[locale]] : report.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} — ${f.message[locale]}`)),
  ];
}

export function dryRunLines(version: SkillVersionRecord, locale: Locale): string[] {
  const report = dryRunOf(version);
  if (!report) return [heading(TEXT.dryRun[locale]), TEXT.noDryRun[locale]];
  return [
    heading(TEXT.dryRun[locale]),
    ...report.steps.map((step) => {
      const call = 'action' in step.input && step.input.action ? `${step.input.method} ${step.input.action}` : step.input.method;
      const params = 'params' in step.input && step.input.params ? ` ${preview(step.input.params, 80)}` : '';
      const outcome = step.status === 'succeeded' ? `${TEXT.succeeded[locale]} → ${preview(step.result)}` : `${TEXT.failed[locale]} ${step.error ?? ''}`;
      return `  ${call}${params}: ${outcome}`;
    }),
  ];
}

/** The code, or with a diff the unified patches of what changed (from version-diff.ts, made by the `diff` library). */
export function codeLines(version: SkillVersionRecord, diff: VersionDiff | null | undefined, locale: Locale): string[] {
  if (diff === undefined) return [heading(`${TEXT.code[locale]} (skill.ts)`), version.code];
  if (diff === null) return [heading(TEXT.diff[locale]), TEXT.noRunning[locale], version.code];
  if (diff.identical) return [heading(`${TEXT.diff[locale]} (${diff.from.tag})`), TEXT.identical[locale]];
  return [heading(`${TEXT.diff[locale]} (${diff.from.tag} → ${diff.to.tag})`), ...[diff.code, diff.skillMd, diff.configSchema].filter((patch) => patch !== '')];
}

/** Everything `foundry review show` prints, in the window's order. */
export function reviewLines(version: SkillVersionRecord, diff: VersionDiff | null | undefined, locale: Locale): string[] {
  return [
    ...versionHeader(version, locale),
    ...disclosureLines(version, locale),
    ...auditLines(version, locale),
    ...dryRunLines(version, locale),
    ...codeLines(version, diff, locale),
  ];
}
