import type { FoundryStore } from '../../store/index.ts';
import { createSkillsConfig } from '../config/index.ts';

/**
 * How new skills may come about (seed 004, skills.learning in config.yaml): written/asked for by
 * the owner, or proposed by the assistant. The file, its checks and the refusal of `autonomous`
 * and of switching approval off live in main/skills/config; this is the detector's view of them.
 */
export const LEARNING_MODES = ['user_authored', 'ai_proposed'] as const;
export type LearningMode = (typeof LEARNING_MODES)[number];

export interface LearningSettings {
  modes: LearningMode[];
  requireApproval: true;
  maxProposedPerDay: number;
}

/** The learning settings in force (config.yaml's, with any weakening value already replaced by the safe one). */
export function readLearningSettings(store: Pick<FoundryStore, 'dataDir' | 'auditLog' | 'settings'>): LearningSettings {
  const config = createSkillsConfig(store);
  const modes = config.get('skills.learning.mode').filter((m): m is LearningMode => (LEARNING_MODES as readonly string[]).includes(m));
  return { modes, requireApproval: true, maxProposedPerDay: config.get('skills.learning.maxProposedPerDay') };
}
