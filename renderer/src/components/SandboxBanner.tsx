import { useEffect } from 'react';
import { useFoundryStore } from '../store/app-store.ts';
import { useI18n } from '../i18n/use-i18n.ts';

/** While the sandbox is still starting, ask again this often; it settles within a second or two. */
const STARTING_RECHECK_MS = 1_500;

/**
 * Says, above every view, when skills cannot run (no Node 24, a failed start-up check) and what
 * to do. Everything else in the window keeps working: only running is refused.
 */
export function SandboxBanner() {
  const { t, localize } = useI18n();
  const sandbox = useFoundryStore((state) => state.info.data?.sandbox ?? null);
  const refreshInfo = useFoundryStore((state) => state.refreshInfo);

  useEffect(() => {
    if (sandbox?.state !== 'starting') return;
    const timer = setTimeout(() => void refreshInfo(), STARTING_RECHECK_MS);
    return () => clearTimeout(timer);
  }, [sandbox, refreshInfo]);

  if (sandbox?.state !== 'failed' || !sandbox.problem) return null;
  return (
    <div className="notice notice--error sandbox-banner" role="alert">
      <h2 className="notice__title">{t('sandbox.cannotRun')}</h2>
      <p>{localize(sandbox.problem)}</p>
    </div>
  );
}
