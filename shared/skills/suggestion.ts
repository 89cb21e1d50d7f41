// A suggestion the detector stored: a need noticed in conversation (pattern), a life domain never
// talked about (gap), or the owner's own request; proposed, then accepted or dismissed.
import type { Localized } from '../i18n-types.ts';
import type { NeedEvidence, NeedSource, SkillNeed } from './need.ts';

export type SuggestionSource = Exclude<NeedSource, 'import'>;
export type SuggestionStatus = 'proposed' | 'accepted' | 'dismissed';

export interface NewSuggestion {
  source: SuggestionSource;
  subjectKey: string;
  need: SkillNeed;
  evidence: NeedEvidence;
  title: Localized;
}

export interface SuggestionRecord extends NewSuggestion {
  id: string;
  status: SuggestionStatus;
  createdAt: string;
  decidedAt: string | null;
}

