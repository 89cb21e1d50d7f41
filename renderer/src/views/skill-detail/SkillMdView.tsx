import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { renderSkillMd } from '../../lib/markdown.ts';
import { highlightLines } from '../../lib/highlight.ts';

/** SKILL.md as the assistant reads it: rendered (sanitized, no raw HTML, no links to follow), or as its source. */
export function SkillMdView({ source }: { source: string }) {
  const { t } = useI18n();
  const [showSource, setShowSource] = useState(false);
  const rendered = useMemo(() => renderSkillMd(source), [source]);
  const sourceHtml = useMemo(() => highlightLines(source, 'markdown').join('\n'), [source]);
  return (
    <div className="skill-md">
      <div role="group" aria-label={t('skillMd.show')} className="segmented rv-segmented-compact">
        <button type="button" className="segmented__option" aria-pressed={!showSource} onClick={() => setShowSource(false)}>{t('skillMd.rendered')}</button>
        <button type="button" className="segmented__option" aria-pressed={showSource} onClick={() => setShowSource(true)}>{t('skillMd.source')}</button>
      </div>
      {showSource ? (
        // highlight.js output only.
        <pre className="rv-code-block"><code dangerouslySetInnerHTML={{ __html: sourceHtml }} /></pre>
      ) : (
        <>
          {rendered.frontMatter !== null && (
            <section className="skill-md__front" aria-label={t('skillMd.frontMatter')}>
              <h3 className="skill-md__front-title">{t('skillMd.frontMatter')}</h3>
              <pre className="rv-code-block">{rendered.frontMatter}</pre>
            </section>
          )}
          {/* marked's output, sanitized by DOMPurify to a short list of formatting tags without attributes. */}
          <article className="markdown" dangerouslySetInnerHTML={{ __html: rendered.html }} />
        </>
      )}
    </div>
  );
}
