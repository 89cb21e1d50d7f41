// What starts a skill, in plain words: the disclosure's items, the skill's detail in the window and
// `foundry triggers` all say it this way ("run log_water when you mention ‘woda’").
import type { Localized } from '../i18n-types.ts';
import type { MessageTrigger, SkillTriggers, ToolUseTrigger, TriggerKind, TriggerRun } from './triggers.ts';

/** One trigger entry of a manifest, flattened: its kind and what it runs on. */
export interface TriggerEntry {
  kind: TriggerKind;
  action: string;
  params: Record<string, unknown>;
  phrases: string[];
  patterns: string[];
  tools: string[];
}

/** Every entry of a manifest's triggers, in the order of TRIGGER_KINDS and then as listed. */
export function triggerEntries(triggers: SkillTriggers | undefined): TriggerEntry[] {
  if (!triggers) return [];
  const entry = (kind: TriggerKind, run: TriggerRun, match: Partial<MessageTrigger & ToolUseTrigger> = {}): TriggerEntry => ({
    kind, action: run.action, params: run.params ?? {}, phrases: match.phrases ?? [], patterns: match.patterns ?? [], tools: match.tools ?? [],
  });
  const single = (kind: TriggerKind, run: TriggerRun | undefined) => (run ? [entry(kind, run)] : []);
  return [
    ...single('onInstall', triggers.onInstall),
    ...single('onUninstall', triggers.onUninstall),
    ...(triggers.onMessage ?? []).map((t) => entry('onMessage', t, t)),
    ...(triggers.onToolUse ?? []).map((t) => entry('onToolUse', t, t)),
    ...single('onSessionStart', triggers.onSessionStart),
    ...single('onSessionEnd', triggers.onSessionEnd),
  ];
}

const quotedEn = (words: readonly string[]) => words.map((w) => `‘${w}’`).join(' or ');
const quotedPl = (words: readonly string[]) => words.map((w) => `„${w}”`).join(' lub ');

function when(entry: TriggerEntry): Localized {
  switch (entry.kind) {
    case 'onInstall':
      return { en: 'once, when you first approve it', pl: 'raz, gdy pierwszy raz go zatwierdzisz' };
    case 'onUninstall':
      return { en: 'when it is archived', pl: 'gdy zostanie zarchiwizowany' };
    case 'onToolUse':
      return {
        en: `when the assistant uses the tool ${entry.tools.join(' or ')}`,
        pl: `gdy asystent użyje narzędzia ${entry.tools.join(' lub ')}`,
      };
    case 'onSessionStart':
      return { en: 'when a conversation with the assistant starts', pl: 'gdy zaczyna się rozmowa z asystentem' };
    case 'onSessionEnd':
      return { en: 'when a conversation with the assistant ends', pl: 'gdy kończy się rozmowa z asystentem' };
    case 'onMessage': {
      const en: string[] = [];
      const pl: string[] = [];
      if (entry.phrases.length > 0) {
        en.push(`you mention ${quotedEn(entry.phrases)}`);
        pl.push(`w Twojej wiadomości padnie ${quotedPl(entry.phrases)}`);
      }
      if (entry.patterns.length > 0) {
        en.push(`your whole message matches ${entry.patterns.join(' or ')}`);
        pl.push(`cała Twoja wiadomość pasuje do wzorca ${entry.patterns.join(' lub ')}`);
      }
      return { en: `when ${en.join(', or ')}`, pl: `gdy ${pl.join(' albo ')}` };
    }
  }
}

/** "run log_water with {"amount_ml":250} when you mention ‘woda’" / "Uruchamiać log_water z parametrami … gdy …". */
export function triggerText(entry: TriggerEntry): Localized {
  const condition = when(entry);
  const params = Object.keys(entry.params).length > 0 ? JSON.stringify(entry.params) : null;
  return {
    en: `run ${entry.action}${params ? ` with ${params}` : ''} ${condition.en}`,
    pl: `Uruchamiać ${entry.action}${params ? ` z parametrami ${params}` : ''}, ${condition.pl}`,
  };
}
