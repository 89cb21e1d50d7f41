import type { SkillStatus, SkillSummary } from '../../../../shared/contract/index.ts';
import { useFoundryStore } from '../../store/app-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatNumber } from '../../i18n/format.ts';
import { ViewSection } from '../../components/ViewSection.tsx';
import { LoadableContent } from '../../components/LoadableContent.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';

const STATUS_TONE = { pending: 'warn', active: 'good', archived: 'neutral', rejected: 'bad' } as const satisfies Record<SkillStatus, BadgeTone>;

export function SkillsView() {
  const { t } = useI18n();
  const skills = useFoundryStore((state) => state.skills);
  return (
    <ViewSection title={t('skills.title')} intro={t('skills.intro')}>
      <LoadableContent
        state={skills}
        isEmpty={(items) => items.length === 0}
        empty={<EmptyState title={t('skills.empty.title')} body={t('skills.empty.body')} />}
      >
        {(items) => <SkillTable items={items} />}
      </LoadableContent>
    </ViewSection>
  );
}

function SkillTable({ items }: { items: SkillSummary[] }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('skills.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('skills.col.name')}</th>
            <th scope="col">{t('skills.col.slug')}</th>
            <th scope="col">{t('skills.col.status')}</th>
            <th scope="col">{t('skills.col.activeVersion')}</th>
            <th scope="col" className="numeric">{t('skills.col.usage')}</th>
            <th scope="col">{t('skills.col.lastRun')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((skill) => (
            <tr key={skill.id}>
              <th scope="row">
                <span className="cell-title">{skill.name}</span>
                {skill.description && <span className="cell-sub">{skill.description}</span>}
              </th>
              <td><code>{skill.slug}</code></td>
              <td><Badge tone={STATUS_TONE[skill.status]}>{t(`skillStatus.${skill.status}`)}</Badge></td>
              <td>{skill.activeVersion ?? <span className="muted">{t('skills.noActiveVersion')}</span>}</td>
              <td className="numeric">{formatNumber(skill.usageCount, locale)}</td>
              <td>{skill.lastUsedAt ? <DateTime iso={skill.lastUsedAt} /> : <span className="muted">{t('skills.neverRun')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
