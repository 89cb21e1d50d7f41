import { useId, useState, type FormEvent } from 'react';
import { isRunning, useNewSkillStore } from '../../store/new-skill-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

const MAX_LENGTH = 500;

/** The owner's request in Polish or English; a sentence that is not a request is answered with the reason. */
export function NewSkillBox() {
  const { t, localize } = useI18n();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const request = useNewSkillStore((state) => state.request);
  const running = useNewSkillStore((state) => isRunning(state.run));
  const sendRequest = useNewSkillStore((state) => state.sendRequest);
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const problemId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    setEmpty(trimmed === '');
    if (trimmed === '') return;
    if (await sendRequest(trimmed)) setText('');
  }

  const refusal = request.refusal ?? request.error;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">{t('newSkill.box.title')}</h2>
      <form className="request-form" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor={inputId} className="field__label">{t('newSkill.box.label')}</label>
        <div className="request-form__row">
          <input
            id={inputId}
            className="input request-form__input"
            type="text"
            value={text}
            maxLength={MAX_LENGTH}
            autoComplete="off"
            aria-describedby={[hintId, empty || refusal ? problemId : null].filter(Boolean).join(' ')}
            aria-invalid={empty || undefined}
            onChange={(event) => {
              setText(event.target.value);
              setEmpty(false);
            }}
          />
          <button type="submit" className="button" disabled={request.sending || running} aria-busy={request.sending}>
            {request.sending ? t('newSkill.box.sending') : t('newSkill.box.submit')}
          </button>
        </div>
        <p id={hintId} className="field__hint">
          {running ? t('newSkill.box.busy') : t('newSkill.box.hint')}
          <span className="muted"> {t('newSkill.box.count', { count: text.length, max: MAX_LENGTH })}</span>
        </p>
        <div id={problemId} role="alert">
          {empty && <p className="field__error">{t('newSkill.box.empty')}</p>}
          {refusal && (
            <div className={request.refusal ? 'notice notice--warn' : 'notice notice--error'}>
              <h3 className="notice__title">{request.refusal ? t(request.asked ? 'newSkill.box.question' : 'newSkill.box.refused') : t('newSkill.box.failed')}</h3>
              <p>{localize(refusal)}</p>
            </div>
          )}
        </div>
      </form>
    </section>
  );
}
