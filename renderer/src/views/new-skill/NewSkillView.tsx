import { useI18n } from '../../i18n/use-i18n.ts';
import { ViewSection } from '../../components/ViewSection.tsx';
import { NewSkillBox } from './NewSkillBox.tsx';
import { PipelineProgress } from './PipelineProgress.tsx';
import { SuggestionList } from './SuggestionList.tsx';
import '../../workbench.css';

/** Ask for a new skill in your own words, follow the pipeline building it, or take up a suggestion. */
export function NewSkillView() {
  const { t } = useI18n();
  return (
    <ViewSection title={t('newSkill.title')} intro={t('newSkill.intro')}>
      <NewSkillBox />
      <PipelineProgress />
      <SuggestionList />
    </ViewSection>
  );
}
