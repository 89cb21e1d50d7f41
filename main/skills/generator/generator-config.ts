// Which generator writes skills: Claude when the owner gave an API key (or ANTHROPIC_API_KEY is
// set for headless use), the built-in offline generator otherwise. The key is sealed at rest and
// only ever leaves this module towards the Anthropic SDK; status() is what a UI may see.
import type { FoundryStore } from '../../store/index.ts';
import { seal, unseal, type SecretBox } from '../approval/secret-box.ts';
import { DEFAULT_CLAUDE_MODEL } from './claude-generator.ts';
import { selectGenerator } from './select-generator.ts';
import { GeneratorError } from './generator-error.ts';
import type { SkillGenerator } from './candidate.ts';
import type { GeneratorStatus } from '../../../shared/contract/records.ts';

const SETTINGS_KEY = 'generator';
const API_KEY = 'anthropic-api-key';
const MODEL = /^[a-z0-9][a-z0-9.\-]{1,99}$/;

export interface GeneratorConfigDeps {
  store: Pick<FoundryStore, 'settings' | 'sealedSecrets' | 'auditLog'>;
  /** Seals the stored key: the OS keychain in the app, a passphrase box headless; null when none is set up. */
  box: SecretBox | null;
  env?: NodeJS.ProcessEnv;
  /** For tests against a local Messages API server. */
  baseURL?: string;
}

const invalid = (en: string, pl: string) => new GeneratorError('generator/invalid-settings', { en, pl });

export function createGeneratorConfig(deps: GeneratorConfigDeps) {
  const { store } = deps;
  const env = deps.env ?? process.env;
  const environmentKey = () => env.ANTHROPIC_API_KEY?.trim() || null;

  function model(): string {
    const text = store.settings.readValue(SETTINGS_KEY);
    const stored = text === null ? undefined : (JSON.parse(text) as { model?: unknown }).model;
    return typeof stored === 'string' && MODEL.test(stored) ? stored : DEFAULT_CLAUDE_MODEL;
  }

  async function apiKey(): Promise<string | null> {
    const fromEnv = environmentKey();
    if (fromEnv) return fromEnv;
    const sealed = store.sealedSecrets.get(API_KEY);
    if (!sealed) return null;
    if (!deps.box) {
      throw invalid(
        'An Anthropic API key is stored, but it cannot be unlocked here: open the app, or set FOUNDRY_PASSPHRASE for the command line.',
        'Zapisano klucz API Anthropic, ale nie da się go tu odblokować: otwórz aplikację albo ustaw FOUNDRY_PASSPHRASE dla wiersza poleceń.',
      );
    }
    return unseal(deps.box, sealed);
  }

  return {
    status(): GeneratorStatus {
      const keySource = environmentKey() ? 'environment' : store.sealedSecrets.get(API_KEY) ? 'stored' : null;
      return { mode: keySource ? 'claude' : 'offline', keySource, model: model() };
    },
    async setApiKey(key: string): Promise<void> {
      const trimmed = key.trim();
      if (!/^[\x21-\x7e]{20,300}$/.test(trimmed)) {
        throw invalid('That does not look like an Anthropic API key (20–300 visible characters, no spaces).', 'To nie wygląda na klucz API Anthropic (20–300 widocznych znaków, bez spacji).');
      }
      if (!deps.box) {
        throw invalid(
          'There is no protected storage for the key here: use the app, or set FOUNDRY_PASSPHRASE for the command line.',
          'Nie ma tu chronionego miejsca na klucz: użyj aplikacji albo ustaw FOUNDRY_PASSPHRASE dla wiersza poleceń.',
        );
      }
      store.sealedSecrets.put(API_KEY, await seal(deps.box, trimmed));
      store.auditLog.append({ actor: 'owner', event: 'generator.api-key-set', data: { box: deps.box.kind } });
    },
    clearApiKey(): boolean {
      const removed = store.sealedSecrets.remove(API_KEY);
      if (removed) store.auditLog.append({ actor: 'owner', event: 'generator.api-key-cleared' });
      return removed;
    },
    setModel(name: string): void {
      if (!MODEL.test(name)) throw invalid(`“${name.slice(0, 40)}” is not a model name.`, `„${name.slice(0, 40)}” to nie jest nazwa modelu.`);
      store.settings.writeValue(SETTINGS_KEY, { model: name });
      store.auditLog.append({ actor: 'owner', event: 'generator.model-set', data: { model: name } });
    },
    /** The generator to use now: Claude with the key and model, or the offline one. */
    generator(): Promise<SkillGenerator> {
      return selectGenerator({ getApiKey: apiKey, model: model(), ...(deps.baseURL ? { baseURL: deps.baseURL } : {}) });
    },
  };
}
export type GeneratorConfig = ReturnType<typeof createGeneratorConfig>;
