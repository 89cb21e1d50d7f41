import type { SkillStatus, VersionStatus } from '../../../../shared/contract/index.ts';
import type { BadgeTone } from '../../components/Badge.tsx';

export const SKILL_STATUS_TONE = { pending: 'warn', active: 'good', archived: 'neutral', rejected: 'bad' } as const satisfies Record<SkillStatus, BadgeTone>;
export const VERSION_STATUS_TONE = {
  failed: 'bad', pending: 'warn', approved: 'good', rejected: 'bad', expired: 'neutral',
} as const satisfies Record<VersionStatus, BadgeTone>;
