import type { SkillVersionRecord } from '../../../../shared/contract/index.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { Badge } from '../../components/Badge.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { HashPrefix } from '../../components/HashPrefix.tsx';
import { TimeLeft } from '../reviews/TimeLeft.tsx';
import { VERSION_STATUS_TONE } from './version-status.ts';
import { triggerEntries, triggerText } from '../../../../shared/skills/trigger-text.ts';

/** One version at a glance: tag, status, content hash, when it was proposed and decided, by whom, and what starts it by itself. */
export function VersionFacts({ version }: { version: SkillVersionRecord }) {
  const { t, localize } = useI18n();
  const triggers = triggerEntries(version.manifest.triggers);
  return (
    <dl className="version-facts">
      <div>
        <dt>{t('detail.fact.tag')}</dt>
        <dd><code>{version.tag}</code></dd>
      </div>
      <div>
        <dt>{t('detail.fact.status')}</dt>
        <dd><Badge tone={VERSION_STATUS_TONE[version.status]}>{t(`versionStatus.${version.status}`)}</Badge></dd>
      </div>
      <div>
        <dt>{t('detail.fact.hash')}</dt>
        <dd><HashPrefix sha256={version.contentSha256} title={t('reviews.hashTitle', { hash: version.contentSha256 })} /></dd>
      </div>
      <div>
        <dt>{t('detail.fact.proposed')}</dt>
        <dd><DateTime iso={version.createdAt} /></dd>
      </div>
      {version.status === 'pending' && (
        <div>
          <dt>{t('detail.fact.timeLeft')}</dt>
          <dd><TimeLeft expiresAt={version.expiresAt} /></dd>
        </div>
      )}
      {version.decidedAt && (
        <div>
          <dt>{t('detail.fact.decided')}</dt>
          <dd>
            <DateTime iso={version.decidedAt} />
            {version.decidedBy && <span className="muted"> · {t(`actor.${version.decidedBy}`)}</span>}
          </dd>
        </div>
      )}
      {version.decisionReason && (
        <div className="version-facts__wide">
          <dt>{t('detail.fact.reason')}</dt>
          <dd>{version.decisionReason}</dd>
        </div>
      )}
      <div>
        <dt>{t('detail.fact.generator')}</dt>
        <dd><code>{version.generator}</code></dd>
      </div>
      {triggers.length > 0 && (
        <div className="version-facts__wide">
          <dt>{t('detail.fact.triggers')}</dt>
          <dd>
            <ul className="version-facts__triggers">
              {triggers.map((entry, i) => <li key={`${entry.kind}-${i}`}>{localize(triggerText(entry))}</li>)}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}
