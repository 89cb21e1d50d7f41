import { useEffect, useId, useRef, useState } from 'react';
import type { SkillVersionRecord } from '../../../../shared/contract/index.ts';
import type { SkillDetails } from '../../../../shared/contract/review-records.ts';
import { useFoundryStore, type SkillDetailTarget } from '../../store/app-store.ts';
import { returnFocusToOpener } from '../../store/detail-focus.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { LANGUAGE_NAMES } from '../../i18n/locale.ts';
import { Badge } from '../../components/Badge.tsx';
import { SKILL_STATUS_TONE } from './version-status.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Tabs, panelId, tabId } from '../../components/Tabs.tsx';
import { useSkillDetails, pickVersion, type DetailNotice } from './use-skill-details.ts';
import { VersionFacts } from './VersionFacts.tsx';
import { ReviewSummary } from './ReviewSummary.tsx';
import { CodeView } from './CodeView.tsx';
import { ChangesView } from './ChangesView.tsx';
import { SkillMdView } from './SkillMdView.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { ApprovalDialog } from './ApprovalDialog.tsx';
import { RejectDialog } from './RejectDialog.tsx';
import { RollbackDialog } from './RollbackDialog.tsx';
import { DependenciesPanel } from './DependenciesPanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import './skill-detail.css';

type TabName = 'summary' | 'code' | 'changes' | 'skillMd' | 'versions' | 'dependencies' | 'settings';
type Dialog = { kind: 'approve' | 'reject' | 'rollback'; version: SkillVersionRecord } | null;

/** A skill's detail over the current view: what a version may do, its code, its changes, SKILL.md and its history. */
export function SkillDetailPage({ target }: { target: SkillDetailTarget }) {
  const { t, localize } = useI18n();
  const close = useFoundryStore((state) => state.closeSkillDetail);
  const { state, reload } = useSkillDetails(target.slug);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Focus moves to the detail's heading when it opens, and back to what opened it when it closes.
  useEffect(() => {
    headingRef.current?.focus();
    return returnFocusToOpener;
  }, []);

  // The header's Refresh (and any decision) reloads the counts: the detail follows.
  const counts = useFoundryStore((store) => store.info.data);
  const seenCounts = useRef(counts);
  useEffect(() => {
    if (seenCounts.current === counts) return;
    seenCounts.current = counts;
    void reload();
  }, [counts, reload]);

  return (
    <section className="view skill-detail" aria-labelledby="skill-detail-heading">
      <div className="skill-detail__top">
        <button type="button" className="button button--quiet" onClick={close}>
          <span aria-hidden="true">← </span>{t('detail.back')}
        </button>
        <LanguageSwitch />
      </div>
      <h1 id="skill-detail-heading" ref={headingRef} tabIndex={-1} className="view__title skill-detail__title">
        {state.data?.skill.name ?? target.slug}
      </h1>
      {state.error && <ErrorState message={localize(state.error)} onRetry={() => void reload()} />}
      {state.data === null ? (!state.error && <Loading />) : <Detail details={state.data} target={target} reload={reload} />}
    </section>
  );
}

function Detail({ details, target, reload }: { details: SkillDetails; target: SkillDetailTarget; reload: () => Promise<void> }) {
  const { t, localize } = useI18n();
  const refreshAll = useFoundryStore((state) => state.refreshAll);
  const [selectedId, setSelectedId] = useState<string | null>(target.versionId);
  const [tab, setTab] = useState<TabName>('summary');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<DetailNotice>(null);
  const [focusLine, setFocusLine] = useState<{ line: number; at: number } | null>(null);
  const idBase = useId();
  const version = pickVersion(details, selectedId);
  const { skill } = details;

  async function afterDecision(next: SkillVersionRecord, text: DetailNotice) {
    setDialog(null);
    setSelectedId(next.id);
    setNotice(text);
    // refreshAll reloads the counts, and with them this detail (see SkillDetailPage).
    await refreshAll();
  }

  const tabs: { id: TabName; label: string }[] = [
    { id: 'summary', label: t('detail.tab.summary') },
    { id: 'code', label: t('detail.tab.code') },
    { id: 'changes', label: t('detail.tab.changes') },
    { id: 'skillMd', label: t('detail.tab.skillMd') },
    { id: 'versions', label: t('detail.tab.versions', { count: details.versions.length }) },
    { id: 'dependencies', label: t('detail.tab.dependencies') },
    // The skill's settings, not the selected version's: they are kept per skill.
    { id: 'settings', label: t('detail.tab.settings') },
  ];

  return (
    <>
      <div className="skill-detail__meta">
        <code>{skill.slug}</code>
        <Badge tone={SKILL_STATUS_TONE[skill.status]}>{t(`skillStatus.${skill.status}`)}</Badge>
        {skill.approvalSeal === 'tampered' && <Badge tone="bad">{t('seal.tampered')}</Badge>}
        {skill.approvalSeal === 'unverifiable' && <Badge tone="warn">{t('seal.unverifiable')}</Badge>}
        <span className="muted">
          {skill.activeVersion ? t('detail.running', { version: skill.activeVersion }) : t('detail.notRunning')}
        </span>
      </div>
      {skill.description && <p className="skill-detail__description">{skill.description}</p>}
      {(skill.approvalSeal === 'tampered' || skill.approvalSeal === 'unverifiable') && (
        <p className="detail-notice detail-notice--bad" role="alert">{t(skill.approvalSeal === 'tampered' ? 'seal.tamperedBody' : 'seal.unverifiableBody')}</p>
      )}

      <p className={`detail-notice ${notice ? `detail-notice--${notice.tone}` : ''}`} role="status">
        {notice ? ('message' in notice ? localize(notice.message) : t(notice.key, { tag: notice.tag })) : ''}
      </p>

      {version === null ? (
        <p className="muted">{t('detail.noVersions')}</p>
      ) : (
        <>
          <div className="version-bar">
            <label className="version-bar__pick">
              <span>{t('detail.version')}</span>
              <select value={version.id} onChange={(event) => { setSelectedId(event.target.value); setNotice(null); }}>
                {details.versions.map((v) => (
                  <option key={v.id} value={v.id}>{`${v.version} — ${t(`versionStatus.${v.status}`)}`}</option>
                ))}
              </select>
            </label>
            <DecisionButtons version={version} details={details} onOpen={(kind) => setDialog({ kind, version })} />
          </div>
          <VersionFacts version={version} />

          <Tabs label={t('detail.tabs')} idBase={idBase} tabs={tabs} selected={tab} onSelect={setTab} />
          <div role="tabpanel" id={panelId(idBase, tab)} aria-labelledby={tabId(idBase, tab)} className="tab-panel" tabIndex={0}>
            {tab === 'summary' && (
              <ReviewSummary
                key={version.id}
                version={version}
                onShowLine={(line) => {
                  setFocusLine({ line, at: Date.now() });
                  setTab('code');
                }}
              />
            )}
            {tab === 'code' && <CodeView key={version.id} version={version} focusLine={focusLine} />}
            {tab === 'changes' && <ChangesView key={version.id} details={details} version={version} />}
            {tab === 'skillMd' && <SkillMdView key={version.id} source={version.skillMd} />}
            {tab === 'dependencies' && <DependenciesPanel slug={skill.slug} />}
            {tab === 'settings' && <SettingsPanel slug={skill.slug} name={skill.name} />}
            {tab === 'versions' && (
              <HistoryPanel
                details={details}
                selectedId={version.id}
                onShow={(id) => { setSelectedId(id); setTab('summary'); }}
                onRollback={(v) => setDialog({ kind: 'rollback', version: v })}
              />
            )}
          </div>
        </>
      )}

      {dialog?.kind === 'approve' && (
        <ApprovalDialog
          version={dialog.version}
          onClose={() => setDialog(null)}
          onApproved={(approved) => void afterDecision(approved, { tone: 'good', key: 'detail.approved', tag: approved.tag })}
          onChanged={() => { setDialog(null); void reload(); }}
        />
      )}
      {dialog?.kind === 'reject' && (
        <RejectDialog
          version={dialog.version}
          onClose={() => setDialog(null)}
          onRejected={(rejected) => void afterDecision(rejected, { tone: 'good', key: 'detail.rejected', tag: rejected.tag })}
        />
      )}
      {dialog?.kind === 'rollback' && (
        <RollbackDialog
          version={dialog.version}
          onClose={() => setDialog(null)}
          onRolledBack={(back) => void afterDecision(back, { tone: 'good', key: 'detail.rolledBack', tag: back.tag })}
        />
      )}
    </>
  );
}

/** Approve and reject for a version waiting for review; roll back for an approved version not running now. */
function DecisionButtons({ version, details, onOpen }: {
  version: SkillVersionRecord;
  details: SkillDetails;
  onOpen: (kind: 'approve' | 'reject' | 'rollback') => void;
}) {
  const { t } = useI18n();
  if (version.status === 'pending') {
    return (
      <div className="version-bar__actions">
        <button type="button" className="button" onClick={() => onOpen('approve')}>{t('detail.approve')}</button>
        <button type="button" className="button rv-button-danger" onClick={() => onOpen('reject')}>{t('detail.reject')}</button>
      </div>
    );
  }
  const running = details.skill.activeVersion === version.version;
  if (version.status === 'approved' && !running && details.skill.status !== 'archived') {
    return (
      <div className="version-bar__actions">
        <button type="button" className="button button--quiet" onClick={() => onOpen('rollback')}>
          {t('detail.rollbackTo', { version: version.version })}
        </button>
      </div>
    );
  }
  return null;
}

function LanguageSwitch() {
  const { t, locale } = useI18n();
  const saveLanguage = useFoundryStore((state) => state.saveLanguage);
  const saving = useFoundryStore((state) => state.languageSave.saving);
  return (
    <div role="group" aria-label={t('detail.language')} className="segmented rv-segmented-compact">
      {(['pl', 'en'] as const).map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="segmented__option"
          aria-pressed={locale === language}
          disabled={saving}
          onClick={() => void saveLanguage(language)}
        >
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </div>
  );
}
