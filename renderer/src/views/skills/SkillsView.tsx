import { useState } from 'react';
import type { SkillStatus, SkillSummary } from '../../../../shared/contract/index.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { callFoundry, type Outcome } from '../../store/outcome.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { ViewSection } from '../../components/ViewSection.tsx';
import { LoadableContent } from '../../components/LoadableContent.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';
import { RunActionPanel } from './RunActionPanel.tsx';
import '../../workbench.css';
import { TableHead } from '../../components/TableHead.tsx';

const STATUS_TONE = { pending: 'warn', active: 'good', archived: 'neutral', rejected: 'bad' } as const satisfies Record<SkillStatus, BadgeTone>;

type Notice =
  | { tone: 'good'; key: 'skills.archived' | 'skills.restored' | 'skills.archivedWithDependents'; name: string; dependents?: string }
  | { tone: 'bad'; message: Localized }
  | null;

export function SkillsView() {
  const { t, localize } = useI18n();
  const skills = useFoundryStore((state) => state.skills);
  const refreshView = useFoundryStore((state) => state.refreshView);
  const [running, setRunning] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  /** An archive waiting for the owner's word, because skills that call it would be disabled. */
  const [confirming, setConfirming] = useState<{ skill: SkillSummary; dependents: string[] } | null>(null);
  const runSkill = running ? (skills.data?.find((skill) => skill.slug === running && skill.status === 'active') ?? null) : null;

  async function changeLifecycle(skill: SkillSummary, to: 'archive' | 'restore') {
    setBusy(skill.slug);
    setNotice(null);
    setConfirming(null);
    const outcome: Outcome<SkillSummary & { disabledDependents?: string[] }> = to === 'archive'
      ? await callFoundry(() => window.foundry.skills.archive({ slug: skill.slug }))
      : await callFoundry(() => window.foundry.skills.restore({ slug: skill.slug }));
    setBusy(null);
    if (!outcome.ok) setNotice({ tone: 'bad', message: outcome.error });
    else {
      const disabled = outcome.value.disabledDependents ?? [];
      setNotice(disabled.length > 0
        ? { tone: 'good', key: 'skills.archivedWithDependents', name: skill.name, dependents: disabled.join(', ') }
        : { tone: 'good', key: to === 'archive' ? 'skills.archived' : 'skills.restored', name: skill.name });
      if (to === 'archive' && running === skill.slug) setRunning(null);
    }
    await refreshView();
  }

  /** Archiving a skill others call warns first, with their names. */
  async function askToArchive(skill: SkillSummary) {
    const graph = await callFoundry(() => window.foundry.skills.dependencies({ slug: skill.slug }));
    if (graph.ok && graph.value.dependents.length > 0) setConfirming({ skill, dependents: graph.value.dependents });
    else await changeLifecycle(skill, 'archive');
  }

  return (
    <ViewSection title={t('skills.title')} intro={t('skills.intro')}>
      <p className={notice?.tone === 'bad' ? 'inline-notice text-bad' : 'inline-notice inline-notice--good'} role="status">
        {notice === null ? '' : notice.tone === 'bad' ? localize(notice.message) : t(notice.key, { name: notice.name, dependents: notice.dependents ?? '' })}
      </p>
      {confirming && (
        <div className="rv-callout rv-callout--warn" role="alertdialog" aria-label={t('skills.archive.label', { name: confirming.skill.name })}>
          <p>{t('skills.archiveWarning', { name: confirming.skill.name, dependents: confirming.dependents.join(', ') })}</p>
          <div className="row-actions">
            <button type="button" className="button button--small" onClick={() => void changeLifecycle(confirming.skill, 'archive')}>{t('skills.archiveAnyway')}</button>
            <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(null)}>{t('skills.keep')}</button>
          </div>
        </div>
      )}
      <LoadableContent
        state={skills}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState title={t('skills.empty.title')} body={t('skills.empty.body')} />}
      >
        {(items) => (
          <SkillTable
            items={items}
            busy={busy}
            running={runSkill?.slug ?? null}
            onRun={(skill) => setRunning(skill.slug)}
            onLifecycle={(skill, to) => void (to === 'archive' ? askToArchive(skill) : changeLifecycle(skill, to))}
          />
        )}
      </LoadableContent>
      {runSkill && <RunActionPanel key={runSkill.slug} skill={runSkill} onClose={() => setRunning(null)} />}
    </ViewSection>
  );
}

interface SkillTableProps {
  items: SkillSummary[];
  busy: string | null;
  running: string | null;
  onRun: (skill: SkillSummary) => void;
  onLifecycle: (skill: SkillSummary, to: 'archive' | 'restore') => void;
}

function SkillTable({ items, busy, running, onRun, onLifecycle }: SkillTableProps) {
  const { t, locale } = useI18n();
  const openSkillDetail = useFoundryStore((state) => state.openSkillDetail);
  return (
    <div className="table-wrap">
      <table className="table">
        <TableHead caption={t('skills.title')} columns={[t('skills.col.name'), t('skills.col.slug'), t('skills.col.status'), t('skills.col.activeVersion'), { label: t('skills.col.usage'), numeric: true }, t('skills.col.lastRun'), { label: t('skills.col.actions'), hidden: true }]} />
        <tbody>
          {items.map((skill) => (
            <tr key={skill.id} aria-current={running === skill.slug ? 'true' : undefined}>
              <th scope="row" className="skill-name-cell">
                <button
                  type="button"
                  className="link-button cell-title"
                  onClick={() => openSkillDetail(skill.slug)}
                  title={t('skills.openDetail', { name: skill.name })}
                >
                  {skill.name}
                </button>
                {skill.description && <span className="cell-sub">{skill.description}</span>}
              </th>
              <td><code>{skill.slug}</code></td>
              <td>
                <Badge tone={STATUS_TONE[skill.status]}>{t(`skillStatus.${skill.status}`)}</Badge>
                {skill.approvalSeal === 'tampered' && <> <Badge tone="bad">{t('seal.tampered')}</Badge></>}
              </td>
              <td>{skill.activeVersion ?? <span className="muted">{t('skills.noActiveVersion')}</span>}</td>
              <td className="numeric">{formatNumber(skill.usageCount, locale)}</td>
              <td>{skill.lastUsedAt ? <DateTime iso={skill.lastUsedAt} /> : <span className="muted">{t('skills.neverRun')}</span>}</td>
              <td>
                <div className="row-actions">
                  {skill.status === 'active' && skill.activeVersion && (
                    <button type="button" className="button button--small" aria-label={t('skills.run.label', { name: skill.name })} onClick={() => onRun(skill)}>
                      {t('skills.run')}
                    </button>
                  )}
                  {skill.status === 'archived' ? (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      disabled={busy === skill.slug}
                      aria-label={t('skills.restore.label', { name: skill.name })}
                      onClick={() => onLifecycle(skill, 'restore')}
                    >
                      {t('skills.restore')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      disabled={busy === skill.slug}
                      aria-label={t('skills.archive.label', { name: skill.name })}
                      onClick={() => onLifecycle(skill, 'archive')}
                    >
                      {t('skills.archive')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
