import { useCallback, useEffect, useId, useState } from 'react';
import type { ChainVerification } from '../../../../shared/contract/index.ts';
import type { Localized } from '../../../../shared/i18n-types.ts';
import { callFoundry } from '../../store/outcome.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { Badge } from '../../components/Badge.tsx';

type Check = { state: 'checking' } | { state: 'done'; result: ChainVerification } | { state: 'error'; message: Localized };

/** The audit log's hash chain walked end to end in main: intact with how many entries, or where it breaks. */
export function ChainStatus() {
  const { t, locale, localize } = useI18n();
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  const headingId = useId();

  const verify = useCallback(async () => {
    setCheck({ state: 'checking' });
    const outcome = await callFoundry(() => window.foundry.activity.verifyChain({}));
    setCheck(outcome.ok ? { state: 'done', result: outcome.value } : { state: 'error', message: outcome.error });
  }, []);

  useEffect(() => {
    void verify();
  }, [verify]);

  let badge;
  let text: string;
  if (check.state === 'checking') {
    badge = <Badge tone="neutral">{t('chain.checking')}</Badge>;
    text = t('chain.checkingBody');
  } else if (check.state === 'error') {
    badge = <Badge tone="bad">{t('chain.error')}</Badge>;
    text = localize(check.message);
  } else if (check.result.ok) {
    badge = <Badge tone="good">{t('chain.ok')}</Badge>;
    text = t('chain.okBody', { count: formatNumber(check.result.checked, locale) });
  } else {
    badge = <Badge tone="bad">{t('chain.broken')}</Badge>;
    const broken = check.result.broken;
    text = broken
      ? t('chain.brokenBody', { seq: formatNumber(broken.seq, locale), problem: t(`chain.problem.${broken.problem}`), count: formatNumber(check.result.checked, locale) })
      : t('chain.brokenUnknown');
  }

  return (
    <section className={`chain chain--${check.state === 'done' ? (check.result.ok ? 'ok' : 'broken') : check.state}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="chain__title">{t('chain.title')}</h2>
      <p className="chain__status" role="status">
        {badge} <span>{text}</span>
      </p>
      <button type="button" className="button button--quiet button--small" disabled={check.state === 'checking'} onClick={() => void verify()}>
        {t('chain.verify')}
      </button>
    </section>
  );
}
