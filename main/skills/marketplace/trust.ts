// The trust score: 0–100 from signals the owner can each read, never a number alone. It informs;
// it never skips a step — every install still verifies, audits, dry-runs and waits for both
// factors, whatever the score.
//
// Weights (they add up to 100): the signature (25) is the floor of everything else; who signed it
// (25 if the owner marked the publisher trusted, 15 if it is the key already pinned for that name);
// the local audit (20 clean, 10 with warnings); the risk of what it may do (15 low, 5 medium);
// whether the description mentions the network access it asks for (10); and time (5 once a listing
// has been public for 30 days, since malicious uploads are usually found and pulled within weeks).
// A revoked bundle or key, an invalid signature or a blocking audit scores 0.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { DisclosureItem, RiskLevel } from '../../../shared/skills/disclosure.ts';
import type { PinnedPublisher } from '../../store/repositories/market.ts';
import type { SignalVerdict, TrustScore, TrustSignal } from '../../../shared/contract/market-records.ts';

export type { TrustScore, TrustSignal };

export interface TrustInput {
  /** null when not checked yet (browsing without downloading). */
  signatureValid: boolean | null;
  /** `publicKey`: the raw key, base64, as pinned publishers store it. */
  publisher: { name: string; publicKey: string; fingerprint: string };
  pinned: PinnedPublisher | null;
  /** The local audit's verdict; null when not audited here yet. */
  audit: 'pass' | 'warn' | 'block' | null;
  risk: RiskLevel;
  name: string;
  description: string;
  permissions: readonly DisclosureItem[];
  publishedAt: string;
  revoked: boolean;
  now: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MATURE_DAYS = 30;
/** Words that tell a reader a skill goes online (English and Polish stems). */
const NETWORK_WORDS = /\b(?:online|internet|web|api|http|fetch|download|sync|server|service|price|weather|news|send|post|webhook|sieć|siec|pobier|pogod|cen[aey]|wysył|wysyl|serwis|serwer|usług|uslug)/iu;

function signal(id: TrustSignal['id'], verdict: SignalVerdict, points: number, en: string, pl: string): TrustSignal {
  return { id, verdict, points, text: { en, pl } };
}

/** Whether the description says the skill goes online when it asks to: a host named, or a word that says so. */
function descriptionCoversNetwork(input: TrustInput): boolean {
  const hosts = input.permissions.filter((p) => p.kind === 'http').map((p) => p.target ?? '');
  if (hosts.length === 0) return true;
  const said = `${input.name} ${input.description}`.toLowerCase();
  return NETWORK_WORDS.test(said) || hosts.some((host) => host.split(/[.:/]/).some((label) => label.length > 3 && said.includes(label.toLowerCase())));
}

export function trustScore(input: TrustInput): TrustScore {
  const signals: TrustSignal[] = [];
  if (input.revoked) signals.push(signal('revocation', 'bad', 0, 'The registry revoked this bundle or its publisher key.', 'Rejestr unieważnił tę paczkę albo klucz wydawcy.'));

  if (input.signatureValid === true) signals.push(signal('signature', 'good', 25, 'Signed by the publisher\'s key; the signature holds.', 'Podpisany kluczem wydawcy; podpis jest poprawny.'));
  else if (input.signatureValid === false) signals.push(signal('signature', 'bad', 0, 'The signature does not hold.', 'Podpis jest niepoprawny.'));
  else signals.push(signal('signature', 'neutral', 0, 'The signature is checked when you install.', 'Podpis zostanie sprawdzony przy instalacji.'));

  const { pinned, publisher } = input;
  const fp = publisher.fingerprint;
  if (pinned && pinned.publicKey !== publisher.publicKey)
    signals.push(signal('publisher', 'bad', 0, `"${publisher.name}" now signs with another key (${fp}, pinned ${pinned.fingerprint}).`, `„${publisher.name}” podpisuje teraz innym kluczem (${fp}, przypięty ${pinned.fingerprint}).`));
  else if (pinned?.trusted) signals.push(signal('publisher', 'good', 25, `You marked "${publisher.name}" (${fp}) as trusted.`, `Oznaczono „${publisher.name}” (${fp}) jako zaufanego.`));
  else if (pinned) signals.push(signal('publisher', 'good', 15, `The same key as when you first installed from "${publisher.name}" (${fp}).`, `Ten sam klucz co przy pierwszej instalacji od „${publisher.name}” (${fp}).`));
  else signals.push(signal('publisher', 'neutral', 0, `A publisher new to you: "${publisher.name}" (${fp}); its key is pinned on first install.`, `Nowy wydawca: „${publisher.name}” (${fp}); jego klucz zostanie przypięty przy pierwszej instalacji.`));

  if (input.audit === 'pass') signals.push(signal('audit', 'good', 20, 'The audit on this computer found nothing to warn about.', 'Audyt na tym komputerze nie znalazł nic niepokojącego.'));
  else if (input.audit === 'warn') signals.push(signal('audit', 'neutral', 10, 'The audit on this computer passed with warnings.', 'Audyt na tym komputerze przeszedł z ostrzeżeniami.'));
  else if (input.audit === 'block') signals.push(signal('audit', 'bad', 0, 'The audit on this computer blocks it.', 'Audyt na tym komputerze go blokuje.'));
  else signals.push(signal('audit', 'neutral', 0, 'Audited on this computer when you install (the registry\'s summary is not trusted).', 'Audyt na tym komputerze przy instalacji (podsumowaniu rejestru się nie ufa).'));

  const riskPoints: Record<RiskLevel, number> = { low: 15, medium: 5, high: 0 };
  const riskText: Record<RiskLevel, Localized> = { low: { en: 'low', pl: 'niskie' }, medium: { en: 'medium', pl: 'średnie' }, high: { en: 'high', pl: 'wysokie' } };
  signals.push(signal('risk', input.risk === 'high' ? 'bad' : input.risk === 'medium' ? 'neutral' : 'good', riskPoints[input.risk], `Risk of what it may do: ${riskText[input.risk].en}.`, `Ryzyko tego, co może robić: ${riskText[input.risk].pl}.`));

  if (descriptionCoversNetwork(input)) signals.push(signal('description', 'good', 10, 'What it asks for matches its description.', 'To, o co prosi, zgadza się z opisem.'));
  else signals.push(signal('description', 'bad', 0, 'It goes online, but its description does not say so.', 'Łączy się z internetem, choć opis o tym nie mówi.'));

  const days = Math.floor((input.now.getTime() - Date.parse(input.publishedAt)) / DAY_MS);
  if (days >= MATURE_DAYS) signals.push(signal('age', 'good', 5, `Listed for ${days} days.`, `Wystawiony od ${days} dni.`));
  else if (days < 1) signals.push(signal('age', 'neutral', 0, 'Listed today: no history yet.', 'Wystawiony dzisiaj: brak historii.'));
  else signals.push(signal('age', 'neutral', 0, `Listed only ${days} day(s) ago: little history yet.`, `Wystawiony dopiero ${days} dni temu: mała historia.`));

  const blocked = input.revoked || input.signatureValid === false || input.audit === 'block' || signals.some((s) => s.id === 'publisher' && s.verdict === 'bad');
  const score = blocked ? 0 : Math.min(100, signals.reduce((sum, s) => sum + s.points, 0));
  return { score, signals };
}
