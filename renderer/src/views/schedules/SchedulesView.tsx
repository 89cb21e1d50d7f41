import { useState, type FormEvent } from 'react';
import type { ScheduleRecord } from '../../../../shared/skills/schedules.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { useSchedulesStore, type ScheduleChange } from '../../store/schedules-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ViewSection } from '../../components/ViewSection.tsx';
import { LoadableContent } from '../../components/LoadableContent.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';
import '../../workbench.css';

const STATUS_TONE: Record<ScheduleRecord['status'], BadgeTone> = { active: 'good', paused: 'warn', proposed: 'warn', declined: 'neutral' };

/** Every schedule with its next run and last result; the assistant's proposals first, waiting for the owner. */
export function SchedulesView() {
  const { t } = useI18n();
  const list = useSchedulesStore((state) => state.list);
  return (
    <ViewSection title={t('schedules.title')} intro={t('schedules.intro')}>
      <LoadableContent
        state={list}
        isEmpty={(data) => data.filter((s) => s.status !== 'declined').length === 0}
        empty={<EmptyState title={t('schedules.empty.title')} body={t('schedules.empty.body')} />}
      >
        {(data) => {
          const proposals = data.filter((s) => s.status === 'proposed');
          const schedules = data.filter((s) => s.status === 'active' || s.status === 'paused');
          return (
            <>
              {proposals.length > 0 && (
                <section aria-labelledby="schedule-proposals">
                  <h3 id="schedule-proposals">{t('schedules.proposals')}</h3>
                  <p className="muted">{t('schedules.proposalsIntro')}</p>
                  <ul className="item-list" aria-label={t('schedules.proposals')}>
                    {proposals.map((s) => <ScheduleItem key={s.id} schedule={s} />)}
                  </ul>
                </section>
              )}
              {schedules.length > 0 && (
                <ul className="item-list" aria-label={t('schedules.all')}>
                  {schedules.map((s) => <ScheduleItem key={s.id} schedule={s} />)}
                </ul>
              )}
            </>
          );
        }}
      </LoadableContent>
    </ViewSection>
  );
}

function ScheduleItem({ schedule: s }: { schedule: ScheduleRecord }) {
  const { t, localize } = useI18n();
  const change = useSchedulesStore((state) => state.change);
  const changeError = useSchedulesStore((state) => state.changeError);
  const openSkillDetail = useFoundryStore((state) => state.openSkillDetail);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const name = s.skillName ?? s.skillSlug;

  async function run(what: ScheduleChange) {
    setBusy(true);
    await change(s.id, what);
    setBusy(false);
  }
  const button = (what: ScheduleChange, label: string, quiet = false) => (
    <button type="button" className={quiet ? 'button button--quiet' : 'button'} disabled={busy} onClick={() => void run(what)}>
      {label}<span className="visually-hidden">: {name} — {s.spec.action}</span>
    </button>
  );

  return (
    <li className={`item-card${s.status === 'proposed' ? ' item-card--marked' : ''}`} aria-label={`${name}: ${localize(s.description)}`}>
      <div className="notification-card__main">
        <p>
          <Badge tone={STATUS_TONE[s.status]}>{t(`schedules.status.${s.status}`)}</Badge>{' '}
          <strong>{name}</strong> → <code>{s.spec.action}</code>
        </p>
        <p>{localize(s.description)}</p>
        <p className="muted">
          {s.pausedReason ? `${t(`schedules.paused.${s.pausedReason}`)} · ` : ''}
          {t(`schedules.source.${s.source}`)}
        </p>
        <p className="muted">
          {t('schedules.next')}: {s.nextRunAt ? <DateTime iso={s.nextRunAt} /> : t('schedules.noNext')}
          {' · '}
          {t('schedules.last')}: {s.lastRunAt && s.lastResult
            ? <>{t(`schedules.result.${s.lastResult}`)}{s.lastLate ? ` (${t('schedules.late')})` : ''}, <DateTime iso={s.lastRunAt} /></>
            : t('schedules.never')}
        </p>
        {s.lastMessage && s.lastResult !== 'succeeded' && <p className="muted">{localize(s.lastMessage)}</p>}
        {changeError?.id === s.id && <p className="text-bad" role="alert">{localize(changeError.message)}</p>}
        {editing && <EditForm schedule={s} onDone={() => setEditing(false)} />}
      </div>
      <div className="item-card__actions">
        {s.status === 'proposed' ? (
          <>
            {button('confirm', t('schedules.confirm'))}
            {button('decline', t('schedules.decline'), true)}
          </>
        ) : (
          <>
            {button('runNow', t('schedules.runNow'))}
            {s.status === 'active' ? button('pause', t('schedules.pause'), true) : button('resume', t('schedules.resume'), true)}
            {s.source !== 'manifest' && (
              <>
                <button type="button" className="button button--quiet" disabled={busy || editing} onClick={() => setEditing(true)}>
                  {t('schedules.edit')}<span className="visually-hidden">: {name} — {s.spec.action}</span>
                </button>
                {button('remove', t('schedules.remove'), true)}
              </>
            )}
            <button type="button" className="button button--quiet" onClick={() => openSkillDetail(s.skillSlug)}>
              {t('notifications.openSkill')}<span className="visually-hidden"> {name}</span>
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/** Changes when it runs: the cron pattern, or the interval in minutes; everything else stays. */
function EditForm({ schedule: s, onDone }: { schedule: ScheduleRecord; onDone: () => void }) {
  const { t } = useI18n();
  const edit = useSchedulesStore((state) => state.edit);
  const isCron = s.spec.cron !== undefined;
  const [value, setValue] = useState(isCron ? s.spec.cron! : String(s.spec.intervalMs! / 60_000));
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const { cron: _cron, intervalMs: _interval, ...rest } = s.spec;
    const spec = isCron ? { ...rest, cron: value.trim() } : { ...rest, intervalMs: Math.round(Number(value) * 60_000) };
    const saved = await edit(s.id, spec);
    setBusy(false);
    if (saved) onDone();
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)}>
      <label>
        {isCron ? t('schedules.cronLabel') : t('schedules.intervalLabel')}{' '}
        <input value={value} onChange={(event) => setValue(event.target.value)} inputMode={isCron ? 'text' : 'numeric'} required />
      </label>{' '}
      <button type="submit" className="button" disabled={busy}>{t('schedules.save')}</button>{' '}
      <button type="button" className="button button--quiet" onClick={onDone}>{t('schedules.cancel')}</button>
    </form>
  );
}
