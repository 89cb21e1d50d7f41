import type { HttpRequestRecord } from '../../../shared/contract/index.ts';
import type { Locale } from '../../../shared/i18n-types.ts';
import type { Translate } from '../i18n/translate.ts';
import { formatNumber } from '../i18n/format.ts';

/** One line per HTTP request an execution made: where it went, its answer, and how much moved. */
export function describeRequest(request: HttpRequestRecord, t: Translate, locale: Locale): string {
  const answer = request.status === null ? `${t('executions.network.noAnswer')}: ${request.error ?? ''}` : String(request.status);
  const sizes = t('executions.network.bytes', {
    sent: formatNumber(request.requestBytes, locale),
    received: formatNumber(request.responseBytes, locale),
    ms: formatNumber(Math.round(request.durationMs), locale),
  });
  const sample = request.source === 'sample' ? ` (${t('executions.network.sample')})` : '';
  return `${request.method} ${request.origin}${request.path} → ${answer} · ${sizes}${sample}`;
}
