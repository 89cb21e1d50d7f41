import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ExecutionRecord, SkillSummary } from '../../../../shared/contract/index.ts';
import type { ExecuteResult } from '../../../../shared/contract/review-records.ts';
import type { ModAction } from '../../../../shared/skills/mod-types.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import { callFoundry } from '../../store/outcome.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { bilingual } from '../../i18n/translate.ts';
import { Badge } from '../../components/Badge.tsx';
import { Loading } from '../../components/Loading.tsx';
import { fieldsOf } from './params-form.ts';
import { ParamsForm } from './ParamsForm.tsx';
import { ExecutionFacts } from './ExecutionFacts.tsx';

type Actions = { state: 'loading' } | { state: 'error'; message: Localized } | { state: 'ready'; actions: ModAction[] };

/**
 * Asking for the actions runs the skill's getActions (and is recorded like any run), so the list is
 * kept per running version for as long as the window is open.
 */
const actionCache = new Map<string, ModAction[]>();

function isModAction(value: unknown): value is ModAction {
  if (typeof value !== 'object' || value === null) return false;
  const action = value as Record<string, unknown>;
  return typeof action.slug === 'string' && typeof action.name === 'string' && typeof action.params_schema === 'object' && action.params_schema !== null;
}

async function loadActions(slug: string): Promise<Actions> {
  const outcome = await callFoundry(() => window.foundry.skills.run({ slug, action: 'getActions', params: {} }));
  if (!outcome.ok) return { state: 'error', message: outcome.error };
  const list = outcome.value.outcome.result;
  return Array.isArray(list) ? { state: 'ready', actions: list.filter(isModAction) } : { state: 'ready', actions: [] };
}

interface RunAnswer {
  outcome: ExecuteResult;
  record: ExecutionRecord | null;
}

type RunState = { state: 'idle' } | { state: 'running' } | { state: 'done'; answer: RunAnswer } | { state: 'failed'; message: Localized; execution: string | null };

/** Runs one of a skill's actions by hand: choose the action, fill in its form, see its result and execution record. */
export function RunActionPanel({ skill, onClose }: { skill: SkillSummary; onClose: () => void }) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const pickerId = useId();
  const cacheKey = `${skill.slug}@${skill.activeVersion ?? ''}`;
  const [actions, setActions] = useState<Actions>(() => {
    const cached = actionCache.get(cacheKey);
    return cached ? { state: 'ready', actions: cached } : { state: 'loading' };
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const [run, setRun] = useState<RunState>({ state: 'idle' });
  const refreshView = useFoundryStore((state) => state.refreshView);

  useEffect(() => {
    headingRef.current?.focus();
  }, [skill.slug]);

  useEffect(() => {
    if (actionCache.has(cacheKey)) return;
    let current = true;
    void loadActions(skill.slug).then((loaded) => {
      if (loaded.state === 'ready') actionCache.set(cacheKey, loaded.actions);
      if (current) setActions(loaded);
    });
    return () => {
      current = false;
    };
  }, [cacheKey, skill.slug]);

  const action = actions.state === 'ready' ? (actions.actions.find((a) => a.slug === chosen) ?? actions.actions[0] ?? null) : null;
  const fields = useMemo(() => (action ? fieldsOf(action.params_schema) : []), [action]);

  async function send(params: Record<string, unknown>) {
    if (!action) return;
    setRun({ state: 'running' });
    const result = await window.foundry.skills.run({ slug: skill.slug, action: action.slug, params }).catch(() => null);
    if (result === null) setRun({ state: 'failed', message: bilingual('error.unreachable'), execution: null });
    else if (result.ok) setRun({ state: 'done', answer: result.value });
    else {
      const execution = result.error.details?.find((detail) => detail.startsWith('execution #')) ?? null;
      setRun({ state: 'failed', message: result.error.message, execution });
    }
    // The run changed the skill's usage and the store's counts.
    void refreshView();
  }

  return (
    <section className="card run-panel" aria-labelledby={headingId}>
      <div className="card__header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="card__title">
          {t('run.title', { name: skill.name })}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>{t('run.close')}</button>
      </div>
      <p className="muted">{t('run.intro', { version: skill.activeVersion ?? '—' })}</p>
      {actions.state === 'loading' && <Loading />}
      {actions.state === 'error' && <ActionsError message={actions.message} />}
      {actions.state === 'ready' && actions.actions.length === 0 && <p>{t('run.noActions')}</p>}
      {actions.state === 'ready' && action && (
        <>
          {actions.actions.length > 1 && (
            <div className="field">
              <label htmlFor={pickerId} className="field__label">{t('run.action')}</label>
              <select
                id={pickerId}
                className="input"
                value={action.slug}
                onChange={(event) => {
                  setChosen(event.target.value);
                  setRun({ state: 'idle' });
                }}
              >
                {actions.actions.map((a) => <option key={a.slug} value={a.slug}>{a.name} ({a.slug})</option>)}
              </select>
            </div>
          )}
          <div className="run-panel__action">
            <h3 className="run-panel__action-name">
              {action.name} <code className="muted">{action.slug}</code>
            </h3>
            {action.description && <p className="run-panel__description">{action.description}</p>}
          </div>
          <ParamsForm
            key={`${cacheKey}:${action.slug}`}
            formId={`run-${skill.slug}-${action.slug}`}
            fields={fields}
            submitLabel={t('run.submit', { action: action.slug })}
            busy={run.state === 'running'}
            onSubmit={(params) => void send(params)}
          />
          <RunResult run={run} action={action.slug} />
        </>
      )}
    </section>
  );
}

function ActionsError({ message }: { message: Localized }) {
  const { t, localize } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <h3 className="notice__title">{t('run.actionsFailed')}</h3>
      <p>{localize(message)}</p>
    </div>
  );
}

function isActionResult(value: unknown): value is { success: boolean; data?: unknown; error?: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { success?: unknown }).success === 'boolean';
}

function RunResult({ run, action }: { run: RunState; action: string }) {
  const { t, localize } = useI18n();
  const headingId = useId();
  if (run.state === 'idle' || run.state === 'running') return <div role="status" className="visually-hidden">{run.state === 'running' ? t('run.running') : ''}</div>;
  if (run.state === 'failed') {
    return (
      <div className="notice notice--error" role="alert">
        <h3 className="notice__title">{t('run.failed')}</h3>
        <p>{localize(run.message)}</p>
        {run.execution && <p className="muted">{t('run.failedRecord', { execution: run.execution })}</p>}
      </div>
    );
  }
  const { outcome, record } = run.answer;
  const result = outcome.result;
  // skills.run answers with the skill's newest execution: shown only when it is this run's.
  const ownRecord = record && record.action === action ? record : null;
  return (
    <section className="run-result" aria-labelledby={headingId}>
      <h3 id={headingId} className="run-result__title" role="status">
        {isActionResult(result) ? (
          <Badge tone={result.success ? 'good' : 'bad'}>{result.success ? t('run.result.ok') : t('run.result.refused')}</Badge>
        ) : (
          <Badge tone="good">{t('run.result.done')}</Badge>
        )}{' '}
        {t('run.result.title')}
      </h3>
      {isActionResult(result) && !result.success && result.error && <p className="text-bad">{result.error}</p>}
      <pre className="code-block" tabIndex={0} aria-label={t('run.result.data')}>
        {JSON.stringify(isActionResult(result) ? (result.data ?? null) : result, null, 2)}
      </pre>
      <h3 className="run-result__title">{t('run.record.title')}</h3>
      {ownRecord ? <ExecutionFacts record={ownRecord} /> : <p className="muted">{t('run.record.none')}</p>}
    </section>
  );
}
