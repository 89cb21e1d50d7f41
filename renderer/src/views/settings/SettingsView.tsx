import { useFoundryStore } from '../../store/app-store.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ViewSection } from '../../components/ViewSection.tsx';
import { LoadableContent } from '../../components/LoadableContent.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { InstallationInfo } from './InstallationInfo.tsx';
import { SandboxInfo } from './SandboxInfo.tsx';
import { SecuritySettings } from './SecuritySettings.tsx';
import { StandingConsents } from './StandingConsents.tsx';
import { GeneratorSettings } from './GeneratorSettings.tsx';
import { ApiTokenSettings } from './ApiTokenSettings.tsx';
import { ConfigurationSettings } from './ConfigurationSettings.tsx';
import '../../workbench.css';

export function SettingsView() {
  const { t } = useI18n();
  const settings = useFoundryStore((state) => state.settings);
  return (
    <ViewSection title={t('settings.title')}>
      <div className="card">
        <LoadableContent state={settings} isEmpty={() => false} empty={null}>
          {(saved) => <LanguagePicker current={saved.language} />}
        </LoadableContent>
      </div>
      <SecuritySettings />
      <StandingConsents />
      <GeneratorSettings />
      <ApiTokenSettings />
      <ConfigurationSettings />
      <SandboxInfo />
      <InstallationInfo />
    </ViewSection>
  );
}
