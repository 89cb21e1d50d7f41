import { useEffect, useId, useRef, useState } from 'react';
import type { GenerationJob, PipelineStepRecord, SkillVersionRecord } from '../../../../shared/contract/index.ts';
import { useNewSkillStore, type PipelineRun } from '../../store/new-skill-store.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { callFoundry } from '../../store/outcome.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';

export const PIPELINE_STEPS = ['generate', 'audit', 'dry-run', 'disclose', 'submit'] as const satisfies readonly PipelineStepRecord['step'][];
type StepName = (typeof PIPELINE_STEPS)[number];
type StepState = 'waiting' | 'running' | 'ok' | 'failed';

const STATE_TONE = { waiting: 'neutral', running: 'warn', ok: 'good', failed: 'bad' } as const satisfies Record<StepState, BadgeTone>;

/** Which step is at work now: after the last finished one, or generate again after a failed attempt. */
function workingOn(job: GenerationJob | null): StepName | null {
  if (job !== null && job.status !== 'running') return null;
  const last = job?.steps.at(-1);
  if (!last) return 'generate';
  if (last.status === 'failed') return 'generate';
  return PIPELINE_STEPS[PIPELINE_STEPS.indexOf(last.step) + 1] ?? null;
}

function stepState(name: StepName, records: PipelineStepRecord[], working: StepName | null): StepState {
  if (name === working) return 'running';
  const last = records.at(-1);
  return last ? last.status : 'waiting';
}

/** The pipeline building a skill, step by step as main reports it, and where it ended. */
export function PipelineProgress() {
  const { t, locale, localize } = useI18n();
  const run = useNewSkillStore((state) => state.run);
  const clearRun = useNewSkillStore((state) => state.clearRun);
  const resumePolling = useNewSkillStore((state) => state.resumePolling);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const jobId = run?.jobId;

  useEffect(() => {
    // A new run takes the focus, so the person sees (and hears) it start.
    if (jobId) headingRef.current?.focus();
  }, [jobId]);

  if (!run) return null;
  const job = run.job;
  const working = workingOn(job);
  const latest = job?.steps.at(-1);
  const title = run.origin.kind === 'request' ? t('pipeline.title.request', { text: run.origin.text }) : t('pipeline.title', { origin: localize(run.origin.title) });

  return (
    <section className="card pipeline" aria-labelledby={headingId} aria-busy={working !== null}>
      <div className="card__header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="card__title">
          {title}
        </h2>
        {(working === null || run.pollError !== null) && (
          <button type="button" className="button button--quiet" onClick={clearRun}>{t('pipeline.dismiss')}</button>
        )}
      </div>
      <ol className="pipeline__steps">
        {PIPELINE_STEPS.map((name) => {
          const records = job?.steps.filter((step) => step.step === name) ?? [];
          const state = stepState(name, records, working);
          return (
            <li key={name} className={`pipeline__step pipeline__step--${state}`} data-step={name} data-state={state}>
              <span className="pipeline__marker" aria-hidden="true" />
              <div className="pipeline__body">
                <div className="pipeline__head">
                  <span className="pipeline__name">{t(`pipeline.step.${name}`)}</span>
                  <Badge tone={STATE_TONE[state]}>{t(`pipeline.state.${state}`)}</Badge>
                  {records.length > 1 && <span className="muted">{t('pipeline.attempts', { count: records.length })}</span>}
                </div>
                {records.length > 0 && (
                  <ul className="pipeline__records">
                    {records.map((record, index) => (
                      <li key={index}>
                        {records.length > 1 && <span className="muted">{t('pipeline.attempt', { n: record.attempt })}: </span>}
                        {localize(record.summary)}
                        <span className="muted"> · {t('executions.duration', { ms: formatNumber(Math.round(record.durationMs), locale) })}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status">
        {latest ? `${t(`pipeline.step.${latest.step}`)}: ${t(`pipeline.state.${latest.status}`)}` : ''}
      </p>
      {run.pollError && (
        <div className="notice notice--error" role="alert">
          <h3 className="notice__title">{t('pipeline.pollFailed')}</h3>
          <p>{localize(run.pollError)}</p>
          <button type="button" className="button" onClick={resumePolling}>{t('action.retry')}</button>
        </div>
      )}
      {job && job.status !== 'running' && <PipelineEnd run={run} job={job} />}
    </section>
  );
}

function PipelineEnd({ run, job }: { run: PipelineRun; job: GenerationJob }) {
  const { t, localize } = useI18n();
  const navigate = useFoundryStore((state) => state.navigate);
  const openSkillDetail = useFoundryStore((state) => state.openSkillDetail);
  const refreshView = useFoundryStore((state) => state.refreshView);
  const [version, setVersion] = useState<SkillVersionRecord | null>(null);
  const versionId = job.versionId;

  useEffect(() => {
    // The store changed (a new pending version, perhaps a new skill): the header's counts follow.
    void refreshView();
    if (!versionId) return;
    let current = true;
    void callFoundry(() => window.foundry.versions.get({ versionId })).then((outcome) => {
      if (current && outcome.ok) setVersion(outcome.value);
    });
    return () => {
      current = false;
    };
  }, [versionId, run.jobId, refreshView]);

  const review = () => {
    if (!version) return;
    navigate('reviews');
    openSkillDetail(version.slug, version.id);
  };

  if (job.status === 'pending') {
    return (
      <div className="notice notice--good" role="alert">
        <h3 className="notice__title">{t('pipeline.done.title')}</h3>
        <p>{version ? t('pipeline.done.body', { name: version.name, version: version.version }) : t('pipeline.done.bodyShort')}</p>
        {job.notice && <p>{localize(job.notice)}</p>}
        <div className="button-row">
          <button type="button" className="button" disabled={!version} onClick={review}>{t('pipeline.done.review')}</button>
          <button type="button" className="button button--quiet" onClick={() => navigate('reviews')}>{t('pipeline.done.queue')}</button>
        </div>
      </div>
    );
  }
  const failedStep = [...job.steps].reverse().find((step) => step.status === 'failed');
  return (
    <div className="notice notice--error" role="alert">
      <h3 className="notice__title">{t('pipeline.failed.title')}</h3>
      <p>{job.reason ? localize(job.reason) : failedStep ? localize(failedStep.summary) : t('pipeline.failed.noReason')}</p>
      {version && (
        <button type="button" className="button button--quiet" onClick={() => openSkillDetail(version.slug, version.id)}>
          {t('pipeline.failed.open')}
        </button>
      )}
    </div>
  );
}
