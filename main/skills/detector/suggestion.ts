import type { Localized } from '../../../shared/i18n-types.ts';
import type { NeedEvidence, SkillNeed } from '../../../shared/skills/need.ts';
import type { SuggestionSource } from '../../store/repositories/suggestions.ts';

/** A need the detector puts to the person, with why it thinks so. Nothing is built until they accept. */
export interface SkillSuggestion {
  source: SuggestionSource;
  subjectKey: string;
  need: SkillNeed;
  evidence: NeedEvidence;
  title: Localized;
}

const MAX_EXAMPLE_LENGTH = 200;

export function example(message: { text: string; at: string }): { text: string; at: string } {
  const text = message.text.length > MAX_EXAMPLE_LENGTH ? `${message.text.slice(0, MAX_EXAMPLE_LENGTH - 1)}…` : message.text;
  return { text, at: message.at };
}
