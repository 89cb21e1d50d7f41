import { useMemo, useState } from 'react';
import type { ModAction } from '../../../../shared/skills/mod-types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ParamsForm } from '../skills/ParamsForm.tsx';
import { fieldsOf } from '../skills/params-form.ts';
import { useTodayStore } from './today-store.ts';

/**
 * The card's one-tap entry for its most used action: a compact form of the action's required
 * fields (all of them when none is required), labelled from the schema's titles and descriptions.
 */
export function QuickEntry({ slug, action }: { slug: string; action: ModAction }) {
  const { t, localize } = useI18n();
  const quickEntry = useTodayStore((state) => state.quickEntry);
  const outcome = useTodayStore((state) => state.entries[slug] ?? null);
  const [busy, setBusy] = useState(false);
  const fields = useMemo(() => {
    const all = fieldsOf(action.params_schema);
    const required = all.filter((field) => field.required);
    return required.length > 0 ? required : all;
  }, [action]);

  async function send(params: Record<string, unknown>) {
    setBusy(true);
    await quickEntry(slug, action.slug, params);
    setBusy(false);
  }

  return (
    <div className="today-quick">
      <h3 className="today-quick__title">{t('today.quick.title', { action: action.name })}</h3>
      <ParamsForm formId={`quick-${slug}`} fields={fields} submitLabel={action.name} busy={busy} onSubmit={(params) => void send(params)} />
      <p role="status" className={outcome && outcome.state !== 'saved' ? 'text-bad' : 'muted'}>
        {outcome?.state === 'saved' && t('today.quick.saved')}
        {outcome?.state === 'refused' && t('today.quick.refused', { reason: outcome.reason })}
        {outcome?.state === 'failed' && t('today.quick.failed', { message: localize(outcome.message) })}
      </p>
    </div>
  );
}
