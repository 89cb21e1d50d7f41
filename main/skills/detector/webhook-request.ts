// "Post my daily summary to this Slack webhook https://hooks.slack.com/services/… every day at 18:00"
// / "Wysyłaj podsumowanie dnia na ten webhook https://… codziennie o 18:00": a request that says
// "webhook" and names one web address is a webhook — a skill whose one action posts a message
// there, with no code (an http action). It is recognised before the price watch and the trigger
// words, since such a sentence often holds one of theirs too ("track", "summary of costs").
import type { Localized } from '../../../shared/i18n-types.ts';
import { httpCapabilityOf } from '../../../shared/skills/http-capability.ts';
import type { NeedParseResult, SkillNeed } from '../../../shared/skills/need.ts';
import { parseCadence } from './cadence.ts';
import { detectLanguage } from './language.ts';
import { addressesIn } from './price-watch-request.ts';
import { NEGATIONS } from './request-vocabulary.ts';
import { blankOut, normalize, slugify, tokenize } from './text.ts';

/** "webhook" and its Polish forms (webhooka, webhooku, webhookiem, webhooki, webhooków). */
const WEBHOOK_WORD = /^webhook(?:a|u|iem|i|ów|s)?$/u;
const POLISH_VERBS = new Set(['wyślij', 'wysyłaj', 'wysyłać', 'publikuj', 'opublikuj', 'przesyłaj', 'prześlij', 'wrzucaj', 'wrzuć']);

const REASONS = {
  noAddress: {
    pl: 'Brakuje adresu webhooka — np. „Wysyłaj podsumowanie dnia na ten webhook https://hooks.slack.com/services/…”.',
    en: 'It does not give the webhook’s address — e.g. “Post my daily summary to this webhook https://hooks.slack.com/services/…”.',
  },
  severalAddresses: {
    pl: 'Prośba podaje kilka adresów naraz — poproś o każdy webhook osobno.',
    en: 'The request names several addresses at once — ask for each webhook separately.',
  },
  badAddress: (url: string): Localized => ({
    pl: `„${url}” nie jest adresem, na który skill może wysyłać (http lub https, z nazwą hosta, bez nazwy użytkownika i hasła).`,
    en: `“${url}” is not an address a skill can post to (http or https, with a host name, without a user name or password).`,
  }),
} satisfies Record<string, Localized | ((value: string) => Localized)>;

const notRequest = (reason: Localized): NeedParseResult => ({ isRequest: false, reason });

/** What the skill is named after: the service's own name (`slack` of hooks.slack.com), or `local` for an address. */
function serviceName(url: URL): string {
  const labels = url.hostname.replace(/^\[|\]$/g, '').split('.');
  const isAddress = url.hostname.includes(':') || labels.every((label) => /^\d+$/.test(label));
  if (isAddress || labels.length === 1) return isAddress ? 'local' : labels[0]!;
  return labels[labels.length - 2]!;
}

/**
 * The webhook need a request asks for, a reason it cannot be one, `negated` when it asks not to
 * post, or null when it does not say "webhook" (the other kinds are tried then).
 */
export function parseWebhookRequest(text: string): NeedParseResult | 'negated' | null {
  const addresses = addressesIn(text);
  const normalized = normalize(blankOut(text, addresses.map((a) => a.span)));
  const tokens = tokenize(normalized);
  const at = tokens.findIndex((t) => WEBHOOK_WORD.test(t.text));
  if (at < 0) return null;
  let clauseStart = at;
  while (clauseStart > 0 && !tokens[clauseStart - 1]!.isBreak) clauseStart -= 1;
  if (tokens.slice(clauseStart, at).some((t) => NEGATIONS.has(t.text))) return 'negated';
  if (addresses.length === 0) return notRequest(REASONS.noAddress);
  if (addresses.length > 1) return notRequest(REASONS.severalAddresses);
  const { url } = addresses[0]!;
  const parsed = URL.parse(url);
  if (parsed === null || httpCapabilityOf(parsed) === null) return notRequest(REASONS.badAddress(url));
  const cadence = parseCadence(normalized);
  if (!cadence.ok) return notRequest(cadence.reason);
  const language = detectLanguage(normalized) ?? (tokens.some((t) => POLISH_VERBS.has(t.text)) ? 'pl' : 'en');
  const subject = serviceName(parsed);
  const need: SkillNeed = {
    kind: 'webhook',
    subject,
    subjectKey: slugify(subject),
    unit: null,
    cadence: cadence.cadence,
    language,
    source: 'request',
    text,
    webhook: { url: parsed.href },
  };
  return { isRequest: true, need };
}
