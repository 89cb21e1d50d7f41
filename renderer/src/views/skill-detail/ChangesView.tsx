import { Fragment, useEffect, useMemo, useState } from 'react';
import type { SkillVersionRecord } from '../../../../shared/contract/index.ts';
import type { SkillDetails, VersionDiff } from '../../../../shared/contract/review-records.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { callFoundry } from '../../store/outcome.ts';
import { notLoaded, settle, startLoading, type Loadable } from '../../store/loadable.ts';
import { Loading } from '../../components/Loading.tsx';
import { parseUnifiedDiff, sideBySide, countChanges, type DiffHunk, type DiffLine } from '../../lib/patch.ts';
import type { CodeLanguage } from '../../lib/highlight.ts';
import { CapabilityChanges } from './ReviewSummary.tsx';
import { defaultBaseline } from './use-skill-details.ts';

export type DiffMode = 'split' | 'unified';

/** What a version changes against another (by default the running one): capabilities, name, and each file line by line. */
export function ChangesView({ details, version }: { details: SkillDetails; version: SkillVersionRecord }) {
  const { t, localize } = useI18n();
  const [againstId, setAgainstId] = useState<string | null>(() => defaultBaseline(details, version)?.id ?? null);
  const [mode, setMode] = useState<DiffMode>('split');
  const [diff, setDiff] = useState<Loadable<VersionDiff | null>>(notLoaded);
  const others = details.versions.filter((v) => v.id !== version.id);

  useEffect(() => {
    if (!againstId) return;
    let current = true;
    setDiff((state) => startLoading(state));
    void callFoundry(() => window.foundry.versions.diff({ versionId: version.id, againstVersionId: againstId })).then((outcome) => {
      if (current) setDiff((state) => settle(state, outcome));
    });
    return () => {
      current = false;
    };
  }, [version.id, againstId]);

  if (others.length === 0 || !againstId) return <p className="muted">{t('changes.firstVersion')}</p>;

  return (
    <div className="changes">
      <div className="changes__controls">
        <label className="rv-inline-field">
          <span>{t('changes.compareWith')}</span>
          <select value={againstId} onChange={(event) => setAgainstId(event.target.value)}>
            {others.map((v) => (
              <option key={v.id} value={v.id}>{`${v.version} — ${t(`versionStatus.${v.status}`)}`}</option>
            ))}
          </select>
        </label>
        <div role="group" aria-label={t('changes.layout')} className="segmented rv-segmented-compact">
          {(['split', 'unified'] as const).map((option) => (
            <button key={option} type="button" className="segmented__option" aria-pressed={mode === option} onClick={() => setMode(option)}>
              {t(option === 'split' ? 'changes.split' : 'changes.unified')}
            </button>
          ))}
        </div>
      </div>

      {diff.error && <p className="text-bad" role="alert">{localize(diff.error)}</p>}
      {diff.loading && diff.data === null && <Loading />}
      {diff.data === null && !diff.loading && !diff.error && <p className="muted">{t('changes.nothing')}</p>}
      {diff.data && <DiffBody diff={diff.data} mode={mode} />}
    </div>
  );
}

function DiffBody({ diff, mode }: { diff: VersionDiff; mode: DiffMode }) {
  const { t } = useI18n();
  const { added, removed } = diff.capabilities;
  return (
    <>
      <p className="changes__range">
        {t('changes.range', { from: diff.from.tag, to: diff.to.tag })}
      </p>
      {diff.identical && <p className="rv-callout rv-callout--neutral">{t('changes.identical', { from: diff.from.version })}</p>}
      {(diff.name || diff.description) && (
        <dl className="facts changes__fields">
          {diff.name && (
            <div className="facts__row">
              <dt>{t('changes.name')}</dt>
              <dd><del>{diff.name.from}</del> → <ins>{diff.name.to}</ins></dd>
            </div>
          )}
          {diff.description && (
            <div className="facts__row">
              <dt>{t('changes.description')}</dt>
              <dd><del>{diff.description.from}</del> → <ins>{diff.description.to}</ins></dd>
            </div>
          )}
        </dl>
      )}
      <section className="card" aria-labelledby="changes-capabilities">
        <h3 id="changes-capabilities" className="card__title">{t('changes.capabilities')}</h3>
        {added.length === 0 && removed.length === 0
          ? <p className="muted">{t('summary.noCapabilityChanges')}</p>
          : <CapabilityChanges added={added} removed={removed} />}
      </section>
      <FilePatch file="skill.ts" patch={diff.code} language="typescript" mode={mode} diff={diff} />
      <FilePatch file="SKILL.md" patch={diff.skillMd} language="markdown" mode={mode} diff={diff} />
      <FilePatch file="config_schema.json" patch={diff.configSchema} language="json" mode={mode} diff={diff} />
    </>
  );
}

function FilePatch({ file, patch, language, mode, diff }: { file: string; patch: string; language: CodeLanguage; mode: DiffMode; diff: VersionDiff }) {
  const { t, locale } = useI18n();
  const hunks = useMemo(() => parseUnifiedDiff(patch, language), [patch, language]);
  const { added, removed } = countChanges(hunks);
  const caption = t(mode === 'split' ? 'changes.captionSplit' : 'changes.captionUnified', { file });
  return (
    <section className="file-diff" aria-label={t('changes.file', { file })}>
      <h3 className="file-diff__title">
        <code>{file}</code>
        {hunks.length > 0 && (
          <>
            <span className="diff-count diff-count--add">{t('changes.linesAdded', { count: formatNumber(added, locale) })}</span>
            <span className="diff-count diff-count--del">{t('changes.linesRemoved', { count: formatNumber(removed, locale) })}</span>
          </>
        )}
      </h3>
      {hunks.length === 0 ? (
        <p className="muted file-diff__none">{t('changes.noFileChanges')}</p>
      ) : (
        <div className="diff-scroll" tabIndex={0} role="region" aria-label={caption}>
          {mode === 'unified' ? <UnifiedTable hunks={hunks} caption={caption} /> : <SplitTable hunks={hunks} caption={caption} diff={diff} />}
        </div>
      )}
    </section>
  );
}

const SIGN = { add: '+', del: '−', context: ' ' } as const;

function LineCode({ line }: { line: DiffLine }) {
  const { t } = useI18n();
  return (
    <>
      {line.kind !== 'context' && <span className="visually-hidden">{t(line.kind === 'add' ? 'changes.addedLine' : 'changes.removedLine')} </span>}
      {/* highlight.js output only: the line escaped, tokens in <span class="hljs-…">. */}
      <code dangerouslySetInnerHTML={{ __html: line.html || ' ' }} />
    </>
  );
}

function UnifiedTable({ hunks, caption }: { hunks: DiffHunk[]; caption: string }) {
  return (
    <table className="diff diff--unified">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {hunks.map((hunk, h) => (
          <Fragment key={h}>
            <tr className="diff__hunk"><td colSpan={4}>{hunk.header}</td></tr>
            {hunk.lines.map((line, index) => (
              <tr key={index} className={`diff__row diff__row--${line.kind}`}>
                <td className="diff__number">{line.oldNumber ?? ''}</td>
                <td className="diff__number">{line.newNumber ?? ''}</td>
                <td className="diff__sign" aria-hidden="true">{SIGN[line.kind]}</td>
                <td className="diff__code"><LineCode line={line} /></td>
              </tr>
            ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function SplitTable({ hunks, caption, diff }: { hunks: DiffHunk[]; caption: string; diff: VersionDiff }) {
  const cells = (line: DiffLine | null, side: 'left' | 'right') =>
    line === null ? (
      <>
        <td className="diff__number diff__empty" />
        <td className="diff__code diff__empty" />
      </>
    ) : (
      <>
        <td className={`diff__number diff__cell--${line.kind}`}>{(side === 'left' ? line.oldNumber : line.newNumber) ?? ''}</td>
        <td className={`diff__code diff__cell--${line.kind}`}><LineCode line={line} /></td>
      </>
    );
  return (
    <table className="diff diff--split">
      <caption className="visually-hidden">{caption}</caption>
      <colgroup>
        <col className="diff__col-number" />
        <col />
        <col className="diff__col-number" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="colgroup" colSpan={2}>{diff.from.version}</th>
          <th scope="colgroup" colSpan={2}>{diff.to.version}</th>
        </tr>
      </thead>
      <tbody>
        {hunks.map((hunk, h) => (
          <Fragment key={h}>
            <tr className="diff__hunk"><td colSpan={4}>{hunk.header}</td></tr>
            {sideBySide(hunk.lines).map((row, index) => (
              <tr key={index} className="diff__row">
                {cells(row.left, 'left')}
                {cells(row.right, 'right')}
              </tr>
            ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
