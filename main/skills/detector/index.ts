// The need detector (seed stage 1): requests, patterns in conversation, and gaps in life domains.
export { parseSkillRequest, MAX_REQUEST_LENGTH } from './request-parser.ts';
export { parseCadence, type CadenceParse } from './cadence.ts';
export { describeCadence, KIND_NAMES } from './describe.ts';
export { detectLanguage } from './language.ts';
export { findPatterns, PATTERN_DEFAULTS, type PatternOptions } from './pattern-matcher.ts';
export { findGaps, GAP_DEFAULTS, type GapOptions, type GapReport } from './gap-detector.ts';
export {
  parseHistory, readHistoryFile, HistoryError, MAX_HISTORY_BYTES, type HistoryMessage, type HistoryIssue,
} from './history.ts';
export { LEXICON, LEXICON_BY_KEY, type LexiconEntry } from './lexicon.ts';
export { LIFE_DOMAINS, type LifeDomain, type LifeDomainKey } from './life-domains.ts';
export type { SkillSuggestion } from './suggestion.ts';
export {
  createSuggestionService, suggestionFromRequest, SuggestionError, SKIP_MESSAGES,
  type SuggestionService, type ProposeReport, type SkipReason,
} from './suggestions.ts';
export {
  readLearningSettings, LEARNING_MODES, type LearningSettings, type LearningMode,
} from './learning-settings.ts';
