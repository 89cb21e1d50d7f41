// How risky a skill is, with the reasons in plain words; the level follows what the skill can do.
// Low: it reads its own entries and at most adds new ones — nothing the owner already has changes.
// Medium: it changes entries already saved (the audit names the tables it calls update() on, and a
// report too old to say counts every write), or it calls skills that only read; audit warnings.
// High: anything that leaves this computer (HTTP; plain HTTP says so apart), notifications (their
// text can carry the owner's entries onto a lock screen), skills it calls that write (or that cannot
// be resolved now, which might), shell commands, code the audit never allows, and code that does
// more than its manifest declares.
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

/** Tables whose saved entries it may change: those the code updates, or every write when the report cannot tell. */
export function changedTables(capabilities: SkillCapabilities, report: AuditReport): string[] {
  const updates = report.capabilities.updates;
  return updates === undefined ? capabilities.writes : capabilities.writes.filter((table) => updates.includes(table));
}

/** Skills it calls: high when one can write (or cannot be resolved now), medium when all only read. */
function dependencyReasons(skills: readonly string[], dependencyWrites: Readonly<Record<string, boolean>>): Reason[] {
  const writing = skills.filter((name) => dependencyWrites[name] !== false);
  const reading = skills.filter((name) => dependencyWrites[name] === false);
  return [
    ...(writing.length > 0
      ? [{
        level: 'high' as const,
        text: {
          en: `It can run other skills that may change data, with their permissions (${writing.join(', ')}).`,
          pl: `Może uruchamiać inne skille, które mogą zmieniać dane, z ich uprawnieniami (${writing.join(', ')}).`,
        },
      }]
      : []),
    ...(reading.length > 0
      ? [{
        level: 'medium' as const,
        text: {
          en: `It can run other skills that only read their own entries (${reading.join(', ')}).`,
          pl: `Może uruchamiać inne skille, które tylko odczytują własne wpisy (${reading.join(', ')}).`,
        },
      }]
      : []),
  ];
}

function lowReason(capabilities: SkillCapabilities): Localized {
  if (capabilities.writes.length > 0)
    return { en: 'It only reads and adds entries of its own; nothing you already have changes.', pl: 'Tylko odczytuje i dodaje własne wpisy; nic, co już masz, się nie zmienia.' };
  if (capabilities.reads.length > 0) return { en: 'It only reads its own entries.', pl: 'Tylko odczytuje własne wpisy.' };
  return { en: 'It touches no data.', pl: 'Nie korzysta z żadnych danych.' };
}

/** Every reason that applies, most serious first. */
function reasonsFor(
  capabilities: SkillCapabilities, declared: SkillCapabilities, secrets: readonly SkillSecret[], report: AuditReport, actions: readonly ManifestAction[],
  dependencyWrites: Readonly<Record<string, boolean>>,
): Reason[] {
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
  reasons.push(...dependencyReasons(capabilities.skills, dependencyWrites));
  if (capabilities.notifications)
    reasons.push({
      level: 'high',
      text: {
        en: 'It can send you notifications, and what they say can come from your entries (they may show on the lock screen).',
        pl: 'Może wysyłać Ci powiadomienia, a ich treść może pochodzić z Twoich wpisów (mogą się pojawić na ekranie blokady).',
      },
    });
  const changed = changedTables(capabilities, report);
  if (changed.length > 0)
    reasons.push({
      level: 'medium',
      text: { en: `It can change entries already saved (${changed.join(', ')}).`, pl: `Może zmieniać już zapisane wpisy (${changed.join(', ')}).` },
    });
  const warnings = report.findings.filter((f) => f.severity === 'warn').length;
  if (warnings > 0)
    reasons.push({ level: 'medium', text: { en: `The audit raised ${warnings} warning(s).`, pl: `Audyt zgłosił ostrzeżenia: ${warnings}.` } });
  if (reasons.length === 0) reasons.push({ level: 'low', text: lowReason(capabilities) });
  // Most serious first; the order within a level is the order above.
  return reasons.sort((a, b) => RANK[b.level] - RANK[a.level]);
}

export function assessRisk(
  capabilities: SkillCapabilities,
  declared: SkillCapabilities,
  secrets: readonly SkillSecret[],
  report: AuditReport,
  actions: readonly ManifestAction[] = [],
  /** For each skill it may call: whether what that reaches now can write; a name left out counts as writing. */
  dependencyWrites: Readonly<Record<string, boolean>> = {},
): { level: RiskLevel; reasons: Localized[] } {
  const reasons = reasonsFor(capabilities, declared, secrets, report, actions, dependencyWrites);
  const level = reasons.reduce<RiskLevel>((worst, reason) => (RANK[reason.level] > RANK[worst] ? reason.level : worst), 'low');
  return { level, reasons: reasons.map((reason) => reason.text) };
}
