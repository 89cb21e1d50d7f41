// How risky a skill is, with the reasons in plain words. Reading its own tables is low; changing
// data or interrupting the owner is medium; anything that leaves the machine or borrows another
// skill's permissions is high, and plain HTTP (readable and changeable on the way) says so apart.
// Audit warnings raise the level to at least medium.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { AuditReport } from '../../../shared/skills/audit.ts';
import type { RiskLevel } from '../../../shared/skills/disclosure.ts';
import { isPlainHttp } from '../../../shared/skills/http-capability.ts';
import type { SkillCapabilities, SkillSecret } from '../../../shared/skills/manifest.ts';
import type { ManifestAction } from '../../../shared/skills/actions.ts';
import { secretLabel } from './disclosure-items.ts';

const RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

interface Reason {
  level: RiskLevel;
  text: Localized;
}

/** What the code uses beyond what its manifest declares, e.g. `write exo_x`. */
function undeclared(used: SkillCapabilities, declared: SkillCapabilities): string[] {
  const extra = (kind: string, usedList: string[], declaredList: string[]) =>
    usedList.filter((value) => !declaredList.includes(value)).map((value) => `${kind} ${value}`);
  return [
    ...extra('read', used.reads, declared.reads),
    ...extra('write', used.writes, declared.writes),
    ...extra('http', used.http, declared.http),
    ...(used.notifications && !declared.notifications ? ['notify'] : []),
    ...extra('skill', used.skills, declared.skills),
  ];
}

/** Reasons for sending over plain HTTP: the traffic, and any secret that would travel with it. */
function plainHttpReasons(capabilities: SkillCapabilities, secrets: readonly SkillSecret[]): Reason[] {
  const plain = capabilities.http.filter(isPlainHttp);
  if (plain.length === 0) return [];
  const reasons: Reason[] = [{
    level: 'high',
    text: {
      en: `It sends data unencrypted over plain HTTP (${plain.join(', ')}); anyone on the network path can read or change it.`,
      pl: `Wysyła dane bez szyfrowania, zwykłym HTTP (${plain.join(', ')}); każdy na trasie połączenia może je odczytać lub zmienić.`,
    },
  }];
  for (const secret of secrets) {
    const exposed = secret.hosts.filter(isPlainHttp);
    if (exposed.length === 0) continue;
    reasons.push({
      level: 'high',
      text: {
        en: `Your ${secretLabel(secret)} would travel unencrypted to ${exposed.join(', ')}; anyone on the network path could copy it.`,
        pl: `Twój sekret „${secretLabel(secret)}” trafiałby do ${exposed.join(', ')} bez szyfrowania; każdy na trasie połączenia mógłby go skopiować.`,
      },
    });
  }
  return reasons;
}

/** Reasons in order of seriousness: every high one is pushed before any medium one. */
function reasonsFor(capabilities: SkillCapabilities, declared: SkillCapabilities, secrets: readonly SkillSecret[], report: AuditReport, actions: readonly ManifestAction[]): Reason[] {
  const reasons: Reason[] = [];
  const commands = actions.filter((action) => action.type === 'shell').map((action) => action.slug);
  if (commands.length > 0)
    reasons.push({
      level: 'high',
      text: {
        en: `It runs commands on this computer (${commands.join(', ')}); each run asks you first.`,
        pl: `Uruchamia polecenia na tym komputerze (${commands.join(', ')}); każde uruchomienie najpierw pyta Cię o zgodę.`,
      },
    });
  const blocked = [...new Set([...report.capabilities.blockedCalls, ...report.findings.filter((f) => f.severity === 'block').map((f) => f.rule)])];
  if (blocked.length > 0)
    reasons.push({
      level: 'high',
      text: { en: `The audit found code that is never allowed (${blocked.join(', ')}).`, pl: `Audyt znalazł kod, który nigdy nie jest dozwolony (${blocked.join(', ')}).` },
    });
  const extra = undeclared(report.capabilities, declared);
  if (extra.length > 0)
    reasons.push({
      level: 'high',
      text: { en: `The code does more than its manifest declares (${extra.join(', ')}).`, pl: `Kod robi więcej, niż deklaruje jego manifest (${extra.join(', ')}).` },
    });
  reasons.push(...plainHttpReasons(capabilities, secrets));
  if (capabilities.http.length > 0)
    reasons.push({
      level: 'high',
      text: {
        en: `It can send data outside this computer (${capabilities.http.join(', ')}).`,
        pl: `Może wysyłać dane poza ten komputer (${capabilities.http.join(', ')}).`,
      },
    });
  if (capabilities.skills.length > 0)
    reasons.push({
      level: 'high',
      text: {
        en: `It can run other skills with their permissions (${capabilities.skills.join(', ')}).`,
        pl: `Może uruchamiać inne skille z ich uprawnieniami (${capabilities.skills.join(', ')}).`,
      },
    });
  if (capabilities.writes.length > 0)
    reasons.push({
      level: 'medium',
      text: {
        en: `It can add and change entries in its own tables (${capabilities.writes.join(', ')}).`,
        pl: `Może dodawać i zmieniać wpisy we własnych tabelach (${capabilities.writes.join(', ')}).`,
      },
    });
  if (capabilities.notifications)
    reasons.push({ level: 'medium', text: { en: 'It can send you notifications.', pl: 'Może wysyłać Ci powiadomienia.' } });
  const warnings = report.findings.filter((f) => f.severity === 'warn').length;
  if (warnings > 0)
    reasons.push({ level: 'medium', text: { en: `The audit raised ${warnings} warning(s).`, pl: `Audyt zgłosił ostrzeżenia: ${warnings}.` } });
  if (reasons.length === 0)
    reasons.push({
      level: 'low',
      text:
        capabilities.reads.length > 0
          ? { en: 'It only reads its own tables.', pl: 'Tylko odczytuje własne tabele.' }
          : { en: 'It touches no data.', pl: 'Nie korzysta z żadnych danych.' },
    });
  return reasons;
}

export function assessRisk(
  capabilities: SkillCapabilities,
  declared: SkillCapabilities,
  secrets: readonly SkillSecret[],
  report: AuditReport,
  actions: readonly ManifestAction[] = [],
): { level: RiskLevel; reasons: Localized[] } {
  const reasons = reasonsFor(capabilities, declared, secrets, report, actions);
  const level = reasons.reduce<RiskLevel>((worst, reason) => (RANK[reason.level] > RANK[worst] ? reason.level : worst), 'low');
  return { level, reasons: reasons.map((reason) => reason.text) };
}
