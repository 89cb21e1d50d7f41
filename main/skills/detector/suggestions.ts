import type { Localized } from '../../../shared/i18n-types.ts';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import type { FoundryStore } from '../../store/index.ts';
import {
  type SuggestionRecord, type SuggestionSource, type SuggestionStatus,
} from '../../store/repositories/suggestions.ts';
import { readLearningSettings, type LearningSettings } from './learning-settings.ts';
import type { SkillSuggestion } from './suggestion.ts';

export type SkipReason = 'mode-off' | 'installed' | 'dismissed-before' | 'already-proposed' | 'already-accepted' | 'daily-limit';

export const SKIP_MESSAGES: Record<SkipReason, Localized> = {
  'mode-off': { pl: 'ten tryb uczenia jest wyłączony w ustawieniach', en: 'this learning mode is off in the settings' },
  installed: { pl: 'zainstalowana umiejętność już to obejmuje', en: 'an installed skill already covers it' },
  'dismissed-before': { pl: 'odrzucono to wcześniej', en: 'it was dismissed before' },
  'already-proposed': { pl: 'już czeka na decyzję', en: 'it is already waiting for a decision' },
  'already-accepted': { pl: 'już zaakceptowano', en: 'it was already accepted' },
  'daily-limit': { pl: 'osiągnięto dzienny limit propozycji', en: 'the daily limit of proposals is reached' },
};

export interface ProposeReport {
  stored: SuggestionRecord[];
  skipped: { suggestion: SkillSuggestion; reason: SkipReason }[];
}

export class SuggestionError extends Error {
  readonly code: 'not-found' | 'already-decided';
  readonly userMessage: Localized;
  constructor(code: SuggestionError['code'], userMessage: Localized) {
    super(userMessage.en);
    this.name = 'SuggestionError';
    this.code = code;
    this.userMessage = userMessage;
  }
}

/** The assistant's own ideas, as opposed to what the owner asked for: these are limited and can be switched off. */
const ASSISTANT_SOURCES: readonly SuggestionSource[] = ['pattern', 'gap'];
const isAssistants = (source: SuggestionSource) => ASSISTANT_SOURCES.includes(source);

/** The local calendar day `now` falls in: what "per day" limits count within. */
export function localDayRange(now: Date): { from: Date; to: Date } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return { from, to: new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1) };
}

/**
 * Suggestions in the store: proposed within the learning settings, then accepted or dismissed by
 * the owner. Every step is in the audit log. Accepting hands back the need; starting generation is
 * the caller's job.
 */
export function createSuggestionService(store: Pick<FoundryStore, 'db' | 'now' | 'auditLog' | 'suggestions' | 'settings' | 'dataDir'>) {
  const repository = store.suggestions;

  function skipReason(suggestion: SkillSuggestion, settings: LearningSettings, installed: Set<string>, proposedToday: number): SkipReason | null {
    if (!isAssistants(suggestion.source)) return settings.modes.includes('user_authored') ? null : 'mode-off';
    if (!settings.modes.includes('ai_proposed')) return 'mode-off';
    if (installed.has(suggestion.subjectKey)) return 'installed';
    const statuses = repository.statusesOf(suggestion.source, suggestion.subjectKey);
    if (statuses.includes('dismissed')) return 'dismissed-before';
    if (statuses.includes('proposed')) return 'already-proposed';
    if (statuses.includes('accepted')) return 'already-accepted';
    if (proposedToday >= settings.maxProposedPerDay) return 'daily-limit';
    return null;
  }

  const propose = store.db.transaction((suggestions: readonly SkillSuggestion[]): ProposeReport => {
    const settings = readLearningSettings(store);
    const installed = new Set(repository.installedSubjectKeys());
    const today = localDayRange(store.now());
    let proposedToday = repository.countCreatedBetween(ASSISTANT_SOURCES, today.from, today.to);
    const report: ProposeReport = { stored: [], skipped: [] };
    for (const suggestion of suggestions) {
      const reason = skipReason(suggestion, settings, installed, proposedToday);
      if (reason) {
        report.skipped.push({ suggestion, reason });
        continue;
      }
      const record = repository.insert(suggestion);
      if (isAssistants(record.source)) proposedToday += 1;
      store.auditLog.append({
        actor: isAssistants(record.source) ? 'assistant' : 'owner',
        event: 'suggestion.proposed',
        data: { suggestionId: record.id, source: record.source, subjectKey: record.subjectKey, kind: record.need.kind },
      });
      report.stored.push(record);
    }
    return report;
  });

  const decide = store.db.transaction((id: string, status: Exclude<SuggestionStatus, 'proposed'>): SuggestionRecord => {
    const existing = repository.get(id);
    if (!existing) {
      throw new SuggestionError('not-found', { pl: `Nie ma propozycji o identyfikatorze „${id}”.`, en: `There is no suggestion with the id “${id}”.` });
    }
    const decided = repository.decide(id, status);
    if (!decided) {
      const was = existing.status === 'accepted' ? { pl: 'zaakceptowana', en: 'accepted' } : { pl: 'odrzucona', en: 'dismissed' };
      throw new SuggestionError('already-decided', { pl: `Ta propozycja została już ${was.pl}.`, en: `This suggestion was already ${was.en}.` });
    }
    store.auditLog.append({
      actor: 'owner',
      event: status === 'accepted' ? 'suggestion.accepted' : 'suggestion.dismissed',
      data: { suggestionId: id, source: decided.source, subjectKey: decided.subjectKey },
    });
    return decided;
  });

  return {
    /** Stores what the learning settings allow, in the order given; says why anything else was left out. */
    proposeSuggestions: (suggestions: readonly SkillSuggestion[]): ProposeReport => propose(suggestions),
    /** The owner says yes: returns the need to start generating the skill from. */
    acceptSuggestion: (id: string): SkillNeed => decide(id, 'accepted').need,
    /** The owner says no: this subject will not be proposed from the same source again. */
    dismissSuggestion: (id: string): SuggestionRecord => decide(id, 'dismissed'),
    listSuggestions: (filter: { status?: SuggestionStatus } = {}): SuggestionRecord[] => repository.list(filter),
    installedSubjectKeys: (): string[] => repository.installedSubjectKeys(),
  };
}
export type SuggestionService = ReturnType<typeof createSuggestionService>;

/** What the owner asked for in so many words, as a suggestion to keep until they confirm it. */
export function suggestionFromRequest(need: SkillNeed): SkillSuggestion {
  return {
    source: 'request',
    subjectKey: need.subjectKey,
    need,
    evidence: {},
    title: { pl: `Twoja prośba: „${need.text}”`, en: `Your request: “${need.text}”` },
  };
}
