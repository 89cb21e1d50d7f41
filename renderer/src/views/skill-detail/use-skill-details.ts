import { useCallback, useEffect, useRef, useState } from 'react';
import type { SkillVersionRecord } from '../../../../shared/contract/index.ts';
import type { SkillDetails } from '../../../../shared/contract/review-records.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import { callFoundry } from '../../store/outcome.ts';
import { notLoaded, settle, startLoading, type Loadable } from '../../store/loadable.ts';

/** skills.get for the detail: the skill, every version (newest first) and every approval attempt. */
export function useSkillDetails(slug: string): { state: Loadable<SkillDetails>; reload: () => Promise<void> } {
  const [state, setState] = useState<Loadable<SkillDetails>>(notLoaded);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const call = ++latest.current;
    setState((current) => startLoading(current));
    const outcome = await callFoundry(() => window.foundry.skills.get({ slug }));
    if (call === latest.current) setState((current) => settle(current, outcome));
  }, [slug]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { state, reload };
}

/** The version asked for, else the one waiting for review, else the running one, else the newest. */
export function pickVersion(details: SkillDetails, wanted: string | null): SkillVersionRecord | null {
  const { versions, skill } = details;
  return (
    versions.find((v) => v.id === wanted)
    ?? versions.find((v) => v.status === 'pending')
    ?? versions.find((v) => v.version === skill.activeVersion && v.status === 'approved')
    ?? versions[0]
    ?? null
  );
}

/** What a version is best compared with: the running one, else the closest older non-failed one, else the closest older one. */
export function defaultBaseline(details: SkillDetails, version: SkillVersionRecord): SkillVersionRecord | null {
  const others = details.versions.filter((v) => v.id !== version.id);
  const older = others.filter((v) => v.createdAt <= version.createdAt);
  const running = others.find((v) => v.version === details.skill.activeVersion && v.status === 'approved');
  return running ?? older.find((v) => v.status !== 'failed') ?? older[0] ?? others[0] ?? null;
}

/** What the detail says after a decision: one of its own messages, or the engine's. */
export type DetailNotice =
  | { tone: 'good'; key: 'detail.approved' | 'detail.rejected' | 'detail.rolledBack'; tag: string }
  | { tone: 'bad'; message: Localized }
  | null;
