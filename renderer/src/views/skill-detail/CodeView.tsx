import { Fragment, useEffect, useMemo, useRef } from 'react';
import type { SkillVersionRecord } from '../../../../shared/contract/index.ts';
import type { AuditFinding } from '../../../../shared/skills/audit.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { Badge } from '../../components/Badge.tsx';
import { highlightLines } from '../../lib/highlight.ts';
import { SEVERITY_TONE } from './ReviewSummary.tsx';

/** The version's code, highlighted, with each audit finding marked in the gutter and explained below its line. */
export function CodeView({ version, focusLine }: { version: SkillVersionRecord; focusLine: { line: number; at: number } | null }) {
  const { t, localize } = useI18n();
  const lines = useMemo(() => highlightLines(version.code, 'typescript'), [version.code]);
  const findings = version.auditReport?.findings ?? [];
  const byLine = useMemo(() => {
    const map = new Map<number, AuditFinding[]>();
    for (const finding of findings) map.set(finding.line, [...(map.get(finding.line) ?? []), finding]);
    return map;
  }, [findings]);
  const markers = useRef(new Map<number, HTMLButtonElement>());

  useEffect(() => {
    if (!focusLine) return;
    const marker = markers.current.get(focusLine.line);
    marker?.scrollIntoView({ block: 'center' });
    marker?.focus({ preventScroll: true });
  }, [focusLine]);

  // A finding reported past the end of the file (e.g. "the file is empty") is listed above the code.
  const outside = findings.filter((finding) => finding.line < 1 || finding.line > lines.length);

  return (
    <div className="code-tab">
      <p className="code-tab__summary">
        {findings.length === 0 ? t('code.noFindings') : t('code.findings', { count: findings.length })}
        <span className="muted"> · {t('code.lines', { count: lines.length })}</span>
      </p>
      {outside.length > 0 && <FindingList findings={outside} idPrefix="outside" />}
      <div className="code-view" role="region" aria-label={t('code.label', { tag: version.tag })} tabIndex={0}>
        <table className="code" role="presentation">
          <tbody>
            {lines.map((html, index) => {
              const number = index + 1;
              const here = byLine.get(number);
              const worst = here?.some((f) => f.severity === 'block') ? 'block' : here ? 'warn' : null;
              return (
                <Fragment key={number}>
                  <tr className={worst ? `code__row code__row--${worst}` : 'code__row'} data-line={number}>
                    <td className="code__gutter">
                      {here ? (
                        <button
                          type="button"
                          ref={(element) => {
                            if (element) markers.current.set(number, element);
                            else markers.current.delete(number);
                          }}
                          className={`code__marker code__marker--${worst}`}
                          title={here.map((f) => localize(f.message)).join('\n')}
                          aria-label={t('code.marker', { line: number, count: here.length })}
                          aria-describedby={`finding-line-${number}`}
                        >
                          <span aria-hidden="true">{worst === 'block' ? '✕' : '!'}</span> {number}
                        </button>
                      ) : (
                        <span className="code__number">{number}</span>
                      )}
                    </td>
                    {/* highlight.js output only: the code escaped, tokens in <span class="hljs-…">. */}
                    <td className="code__text"><code dangerouslySetInnerHTML={{ __html: html || ' ' }} /></td>
                  </tr>
                  {here && (
                    <tr className="code__annotation">
                      <td />
                      <td><FindingList findings={here} idPrefix={`finding-line-${number}`} /></td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function FindingList({ findings, idPrefix }: { findings: AuditFinding[]; idPrefix: string }) {
  const { t, localize } = useI18n();
  return (
    <ul className="code-findings" id={idPrefix}>
      {findings.map((finding, index) => (
        <li key={index} className={`code-findings__item code-findings__item--${finding.severity}`}>
          <Badge tone={SEVERITY_TONE[finding.severity]}>{t(`severity.${finding.severity}`)}</Badge>{' '}
          <span>{localize(finding.message)}</span>{' '}
          <code className="muted">{t('code.column', { column: finding.column })} · {finding.rule}</code>
        </li>
      ))}
    </ul>
  );
}
