import { useCallback, useEffect, useState } from 'react';
import type { ApiResult, ShellView } from '../../../../shared/contract/index.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ask } from '../../lib/api.ts';
import { ShellDialog } from './ShellDialog.tsx';

/**
 * A skill's shell actions in its Settings tab: the switch (config.yaml and the owner's
 * confirmation), the isolation here, the folder its commands work in and each pinned program.
 * Shown only for a skill that has shell actions or a folder.
 */
export function ShellPanel({ slug, name, onNotice }: { slug: string; name: string; onNotice: (tone: 'good' | 'bad', text: string) => void }) {
  const { t, localize, locale } = useI18n();
  const [view, setView] = useState<ShellView | null>(null);
  const [dialog, setDialog] = useState<'switch' | 'folder' | null>(null);

  const load = useCallback(async () => {
    const answer = await ask(() => window.foundry.shell.get({ slug }));
    if (answer.ok) setView(answer.value);
  }, [slug]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!view || (view.actions.length === 0 && !view.folder)) return null;

  /** Taking back the confirmation or the folder: narrows what may run, so no factor is asked. */
  const narrow = async <T,>(work: () => Promise<ApiResult<T>>, text: string) => {
    const answer = await ask(work);
    if (answer.ok) onNotice('good', text);
    else onNotice('bad', localize(answer.error.message));
    await load();
  };
  const state = view.switch.state;

  return (
    <section className="skill-settings__section" aria-labelledby={`${slug}-shell`}>
      <h3 id={`${slug}-shell`} className="skill-settings__heading">{t('shell.heading')}</h3>
      <p className="muted">{t('shell.intro')}</p>
      <p>
        {state === 'on' ? t('shell.switch.on', { time: formatDateTime(view.switch.confirmedAt!, locale) }) : t(`shell.switch.${state}`)}{' '}
        {state === 'unconfirmed' && <button type="button" className="button button--quiet" onClick={() => setDialog('switch')}>{t('shell.confirm')}</button>}
        {state === 'on' && <button type="button" className="button button--quiet" onClick={() => void narrow(() => window.foundry.shell.revokeSwitch({}), t('shell.turnedOff'))}>{t('shell.turnOff')}</button>}
      </p>
      <p className={view.bubblewrap ? '' : 'text-bad'}>{view.bubblewrap ? t('shell.isolated', { path: view.bubblewrap }) : t('shell.unisolated')}</p>
      <p>
        {view.folder ? <>{t('shell.folder', { path: view.folder.path })}{!view.folder.inEffect && <span className="text-bad"> {t('shell.folderNotInEffect')}</span>}</> : t('shell.folderNone')}{' '}
        <button type="button" className="button button--quiet" onClick={() => setDialog('folder')}>{t('shell.chooseFolder')}</button>
        {view.folder && <button type="button" className="button button--quiet" onClick={() => void narrow(() => window.foundry.shell.clearFolder({ slug }), t('shell.folderCleared'))}>{t('shell.clearFolder')}</button>}
      </p>
      <ul className="skill-settings__allowances">
        {view.pins.map((pin) => (
          <li key={pin.action}>
            <code>{t('shell.pin', { action: pin.action, path: pin.executable, hash: pin.sha256.slice(0, 12) })}</code>{' '}
            <span className={pin.state === 'intact' ? 'muted' : 'text-bad'}>{t(`shell.pin.${pin.state}`)}</span>
          </li>
        ))}
      </ul>
      {dialog === 'switch' && <ShellDialog kind="switch" name={name} onClose={() => setDialog(null)} onDone={() => { setDialog(null); onNotice('good', t('shell.confirmed')); void load(); }} />}
      {dialog === 'folder' && <ShellDialog kind="folder" slug={slug} name={name} onClose={() => setDialog(null)} onDone={(next) => { setDialog(null); setView(next); onNotice('good', t('shell.folderSet')); }} />}
    </section>
  );
}
