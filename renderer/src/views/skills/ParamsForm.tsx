import { useId, useRef, useState, type FormEvent } from 'react';
import type { Locale } from '../../../../shared/i18n-types.ts';
import type { Translate } from '../../i18n/translate.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { checkParams, hintOf, initialValues, type FieldValues, type FormField, type Message } from './params-form.ts';

/** A message whose numeric parameters are written the way the UI's language writes numbers. */
export function say(t: Translate, locale: Locale, message: Message): string {
  const params = Object.fromEntries(
    Object.entries(message.params ?? {}).map(([name, value]) => [name, typeof value === 'number' ? formatNumber(value, locale) : value]),
  );
  return t(message.key, params);
}

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

interface ParamsFormProps {
  /** Distinguishes the inputs of one action's form from another's. */
  formId: string;
  fields: FormField[];
  submitLabel: string;
  busy: boolean;
  onSubmit: (params: Record<string, unknown>) => void;
}

/**
 * A form generated from an action's params_schema: one labelled input per property, the schema's
 * constraints in words under it, and every problem named beside its field before anything is sent.
 */
export function ParamsForm({ formId, fields, submitLabel, busy, onSubmit }: ParamsFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<FieldValues>(() => initialValues(fields));
  const [problems, setProblems] = useState<Record<string, Message>>({});
  const [tried, setTried] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryId = useId();
  const count = Object.keys(problems).length;

  function change(name: string, value: string) {
    const next = { ...values, [name]: value };
    setValues(next);
    // Once a send was tried, problems update as the person fixes them.
    if (tried) setProblems(checkParams(fields, next).problems);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const check = checkParams(fields, values);
    setTried(true);
    setProblems(check.problems);
    const firstBad = fields.find((field) => check.problems[field.name]);
    if (firstBad) {
      formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(firstBad.name)}"]`)?.focus();
      return;
    }
    onSubmit(check.params);
  }

  return (
    <form ref={formRef} className="params-form" noValidate onSubmit={submit} aria-describedby={count ? summaryId : undefined}>
      {fields.length === 0 ? (
        <p className="muted">{t('run.noParams')}</p>
      ) : (
        <p className="params-form__legend muted">{t('params.requiredNote')}</p>
      )}
      {fields.map((field) => (
        <ParamField
          key={field.name}
          id={`${formId}-${field.name}`}
          field={field}
          value={values[field.name] ?? ''}
          problem={problems[field.name] ?? null}
          onChange={(value) => change(field.name, value)}
        />
      ))}
      <p id={summaryId} className="params-form__summary text-bad" role="alert">
        {count > 0 ? t('params.problems', { count }) : ''}
      </p>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {busy ? t('run.running') : submitLabel}
        </button>
      </div>
    </form>
  );
}

interface ParamFieldProps {
  id: string;
  field: FormField;
  value: string;
  problem: Message | null;
  onChange: (value: string) => void;
}

function ParamField({ id, field, value, problem, onChange }: ParamFieldProps) {
  const { t, locale } = useI18n();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hints = hintOf(field).map((hint) => say(t, locale, hint));
  const described = [field.description || hints.length ? hintId : null, problem ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field.name,
    'aria-invalid': problem ? true : undefined,
    'aria-required': field.required || undefined,
    'aria-describedby': described,
  } as const;

  let control;
  if (field.kind === 'boolean' && field.required) {
    control = (
      <input {...common} type="checkbox" className="checkbox" checked={value === 'true'} onChange={(event) => onChange(event.target.checked ? 'true' : 'false')} />
    );
  } else if (field.kind === 'boolean' || field.kind === 'enum') {
    const options = field.kind === 'boolean' ? [t('params.yes'), t('params.no')] : field.options.map((option) => (typeof option === 'string' ? option : JSON.stringify(option)));
    const optionValues = field.kind === 'boolean' ? ['true', 'false'] : options.map((_, index) => String(index));
    control = (
      <select {...common} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        {(!field.required || value === '') && <option value="">{field.required ? t('params.choose') : t('params.notSet')}</option>}
        {options.map((label, index) => <option key={optionValues[index]} value={optionValues[index]}>{label}</option>)}
      </select>
    );
  } else if (field.kind === 'json' || (field.kind === 'string' && (field.maxLength ?? 0) > 200)) {
    control = <textarea {...common} className="input input--area" rows={4} value={value} spellCheck={field.kind === 'string'} onChange={(event) => onChange(event.target.value)} />;
  } else {
    const numeric = field.kind === 'number' || field.kind === 'integer';
    control = (
      <input
        {...common}
        type="text"
        className={numeric ? 'input input--number' : 'input'}
        inputMode={field.kind === 'integer' ? 'numeric' : field.kind === 'number' ? 'decimal' : undefined}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }

  return (
    <div className={field.kind === 'boolean' && field.required ? 'field field--inline' : 'field'}>
      <label htmlFor={id} className="field__label">
        {field.label}
        {field.label !== field.name && <code className="field__name"> {field.name}</code>}
        {field.required && <span className="field__required" aria-hidden="true"> *</span>}
      </label>
      {control}
      {(field.description || hints.length > 0) && (
        <p id={hintId} className="field__hint">
          {[field.description, capitalize(hints.join(', '))].filter(Boolean).join(' · ')}
        </p>
      )}
      {problem && <p id={errorId} className="field__error">{say(t, locale, problem)}</p>}
    </div>
  );
}
