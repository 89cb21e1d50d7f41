// Which generator writes skills, as the owner chose it: the built-in offline generator, Claude, or
// their own model behind an OpenAI-compatible endpoint. Without a choice, Claude writes when its key
// is set (or ANTHROPIC_API_KEY headless) and the built-in generator otherwise. A chosen model that
// cannot be used fails with a reason; it is never swapped for another behind the owner's back.
// Both keys are sealed at rest and only ever leave this module towards their SDK; status() is what a
// UI may see.
import type { FoundryStore } from '../../store/index.ts';
import { seal, unseal, type SecretBox } from '../approval/secret-box.ts';
import { ANTHROPIC_BASE_URL, createClaudeGenerator, DEFAULT_CLAUDE_MODEL, listClaudeModels } from './claude-generator.ts';
import { createOpenAIGenerator, listOpenAIModels } from './openai-generator.ts';
import { offlineGenerator } from './offline-generator.ts';
import { createModelCatalog, type ModelSource } from './model-catalog.ts';
import { GeneratorError } from './generator-error.ts';
import type { SkillGenerator } from './candidate.ts';
import type { GeneratorKind, GeneratorModels, GeneratorStatus } from '../../../shared/contract/records.ts';

const SETTINGS_KEY = 'generator';
const SEALED = { claude: 'anthropic-api-key', openai: 'openai-api-key' } as const;
const ENV_KEY = { claude: 'ANTHROPIC_API_KEY', openai: 'FOUNDRY_OPENAI_API_KEY' } as const;
const CLAUDE_MODEL = /^[a-z0-9][a-z0-9.\-]{1,99}$/;
/** Ollama's `qwen2.5-coder:7b`, LM Studio's `lmstudio-community/…`, a hosted `gpt-…`. */
const OPENAI_MODEL = /^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,199}$/;
export const GENERATOR_KINDS: readonly GeneratorKind[] = ['offline', 'claude', 'openai'];

interface StoredSettings {
  /** Claude's model. */
  model?: string;
  use?: GeneratorKind;
  openai?: { baseURL?: string; model?: string };
}

export interface GeneratorConfigDeps {
  store: Pick<FoundryStore, 'settings' | 'sealedSecrets' | 'auditLog' | 'now'>;
  /** Seals the stored keys: the OS keychain in the app, a passphrase box headless; null when none is set up. */
  box: SecretBox | null;
  env?: NodeJS.ProcessEnv;
  /** For tests against a local Messages API server. */
  baseURL?: string;
}

const invalid = (en: string, pl: string) => new GeneratorError('generator/invalid-settings', { en, pl });

/** An endpoint the owner types: absolute http(s), no user name or password, no query or fragment. */
function checkedBaseURL(text: string): string {
  const url = URL.parse(text.trim());
  if (!url || !/^https?:$/.test(url.protocol) || !url.hostname || url.username || url.password || url.search || url.hash || text.length > 300)
    throw invalid(
      `“${text.slice(0, 80)}” is not a base URL: write it as http://127.0.0.1:11434/v1 (Ollama), http://127.0.0.1:1234/v1 (LM Studio) or https://… for a hosted endpoint.`,
      `„${text.slice(0, 80)}” to nie jest adres bazowy: zapisz go jak http://127.0.0.1:11434/v1 (Ollama), http://127.0.0.1:1234/v1 (LM Studio) albo https://… dla usługi w sieci.`,
    );
  return url.href.replace(/\/+$/, '');
}

export function createGeneratorConfig(deps: GeneratorConfigDeps) {
  const { store } = deps;
  const env = deps.env ?? process.env;
  const catalog = createModelCatalog({ settings: store.settings, now: store.now });
  const environmentKey = (kind: 'claude' | 'openai') => env[ENV_KEY[kind]]?.trim() || null;
  const keySource = (kind: 'claude' | 'openai') => (environmentKey(kind) ? 'environment' : store.sealedSecrets.get(SEALED[kind]) ? 'stored' : null);

  function stored(): StoredSettings {
    const text = store.settings.readValue(SETTINGS_KEY);
    const value: unknown = text === null ? {} : JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as StoredSettings) : {};
  }
  function write(patch: Partial<StoredSettings>): void {
    store.settings.writeValue(SETTINGS_KEY, { ...stored(), ...patch });
  }

  function claudeModel(): string {
    const model = stored().model;
    return typeof model === 'string' && CLAUDE_MODEL.test(model) ? model : DEFAULT_CLAUDE_MODEL;
  }
  function openaiSettings(): { baseURL: string | null; model: string | null } {
    const { baseURL, model } = stored().openai ?? {};
    return {
      baseURL: typeof baseURL === 'string' && URL.canParse(baseURL) ? baseURL : null,
      model: typeof model === 'string' && OPENAI_MODEL.test(model) ? model : null,
    };
  }
  function choice(): GeneratorKind | null {
    const use = stored().use;
    return use && GENERATOR_KINDS.includes(use) ? use : null;
  }
  function inUse(): GeneratorKind {
    return choice() ?? (keySource('claude') ? 'claude' : 'offline');
  }

  async function apiKey(kind: 'claude' | 'openai'): Promise<string | null> {
    const fromEnv = environmentKey(kind);
    if (fromEnv) return fromEnv;
    const sealed = store.sealedSecrets.get(SEALED[kind]);
    if (!sealed) return null;
    if (!deps.box) {
      throw invalid(
        'An API key is stored, but it cannot be unlocked here: open the app, or set FOUNDRY_PASSPHRASE for the command line.',
        'Zapisano klucz API, ale nie da się go tu odblokować: otwórz aplikację albo ustaw FOUNDRY_PASSPHRASE dla wiersza poleceń.',
      );
    }
    return unseal(deps.box, sealed);
  }

  function claudeSource(key: string | null): ModelSource {
    return {
      key: `claude ${deps.baseURL ?? ANTHROPIC_BASE_URL}`,
      preferred: DEFAULT_CLAUDE_MODEL,
      fetch: () => (key ? listClaudeModels(key, deps.baseURL ? { baseURL: deps.baseURL } : {}) : Promise.reject(noClaudeKey())),
    };
  }
  function openaiSource(baseURL: string, key: string | null): ModelSource {
    return { key: `openai ${baseURL}`, preferred: openaiSettings().model, fetch: () => listOpenAIModels(key, { baseURL }) };
  }
  function requireOpenAI(): { baseURL: string; model: string } {
    const { baseURL, model } = openaiSettings();
    if (!baseURL || !model)
      throw invalid(
        'Your own model is chosen, but its base URL or model is not set: set both in Settings → Generator, or with foundry generator set-openai --base-url URL --model NAME.',
        'Wybrano własny model, ale nie ustawiono jego adresu bazowego albo nazwy modelu: ustaw oba w Ustawieniach → Generator albo poleceniem foundry generator set-openai --base-url URL --model NAZWA.',
      );
    return { baseURL, model };
  }

  async function setKey(kind: 'claude' | 'openai', key: string): Promise<void> {
    const trimmed = key.trim();
    if (!/^[\x21-\x7e]{8,300}$/.test(trimmed) || (kind === 'claude' && trimmed.length < 20)) {
      throw kind === 'claude'
        ? invalid('That does not look like an Anthropic API key (20–300 visible characters, no spaces).', 'To nie wygląda na klucz API Anthropic (20–300 widocznych znaków, bez spacji).')
        : invalid('That does not look like an API key (8–300 visible characters, no spaces).', 'To nie wygląda na klucz API (8–300 widocznych znaków, bez spacji).');
    }
    if (!deps.box) {
      throw invalid(
        'There is no protected storage for the key here: use the app, or set FOUNDRY_PASSPHRASE for the command line.',
        'Nie ma tu chronionego miejsca na klucz: użyj aplikacji albo ustaw FOUNDRY_PASSPHRASE dla wiersza poleceń.',
      );
    }
    store.sealedSecrets.put(SEALED[kind], await seal(deps.box, trimmed));
    store.auditLog.append({ actor: 'owner', event: kind === 'claude' ? 'generator.api-key-set' : 'generator.openai-key-set', data: { box: deps.box.kind } });
  }
  function clearKey(kind: 'claude' | 'openai'): boolean {
    const removed = store.sealedSecrets.remove(SEALED[kind]);
    if (removed) store.auditLog.append({ actor: 'owner', event: kind === 'claude' ? 'generator.api-key-cleared' : 'generator.openai-key-cleared' });
    return removed;
  }

  /** The model list for `kind` (the current endpoint's, for `openai`); throws when it cannot be asked. */
  async function modelSource(kind: 'claude' | 'openai'): Promise<ModelSource> {
    if (kind === 'claude') return claudeSource(await apiKey('claude'));
    const { baseURL } = openaiSettings();
    if (!baseURL) throw requireOpenAI();
    return openaiSource(baseURL, await apiKey('openai'));
  }

  return {
    status(): GeneratorStatus {
      return { mode: inUse(), choice: choice(), keySource: keySource('claude'), model: claudeModel(), openai: { ...openaiSettings(), keySource: keySource('openai') } };
    },
    /** Chooses the generator; a model chosen before it is set up fails when used, with what is missing. */
    use(kind: string): void {
      if (!GENERATOR_KINDS.includes(kind as GeneratorKind))
        throw invalid(`“${kind.slice(0, 40)}” is not a generator: choose offline, claude or openai.`, `„${kind.slice(0, 40)}” to nie jest generator: wybierz offline, claude albo openai.`);
      write({ use: kind as GeneratorKind });
      store.auditLog.append({ actor: 'owner', event: 'generator.chosen', data: { generator: kind } });
    },
    setApiKey: (key: string) => setKey('claude', key),
    clearApiKey: () => clearKey('claude'),
    setOpenAIKey: (key: string) => setKey('openai', key),
    clearOpenAIKey: () => clearKey('openai'),
    /**
     * Sets Claude's model. When the account's list can be read, an id it does not offer is refused
     * with the model that replaces it; without a key or a network the id is taken as written.
     */
    async setModel(name: string): Promise<void> {
      if (!CLAUDE_MODEL.test(name)) throw invalid(`“${name.slice(0, 40)}” is not a model name.`, `„${name.slice(0, 40)}” to nie jest nazwa modelu.`);
      const key = await apiKey('claude');
      if (key) {
        const list = await catalog.list(claudeSource(key)).catch(() => null);
        if (list && !list.models.some((m) => m.id === name)) {
          const replacement = await catalog.replacementFor(claudeSource(key), name);
          throw new GeneratorError('generator/unknown-model', {
            en: `Anthropic does not offer the model “${name}” to this account (it may have been retired).${replacement ? ` Use ${replacement} instead.` : ''}`,
            pl: `Anthropic nie udostępnia temu kontu modelu „${name}” (mógł zostać wycofany).${replacement ? ` Użyj zamiast niego ${replacement}.` : ''}`,
          });
        }
      }
      write({ model: name });
      store.auditLog.append({ actor: 'owner', event: 'generator.model-set', data: { model: name } });
    },
    /** Sets the owner's own endpoint and model; the endpoint is not asked (it may be started later). */
    setOpenAI(input: { baseURL?: string; model?: string }): void {
      const current = openaiSettings();
      const baseURL = input.baseURL === undefined ? current.baseURL : checkedBaseURL(input.baseURL);
      if (input.model !== undefined && !OPENAI_MODEL.test(input.model))
        throw invalid(`“${input.model.slice(0, 40)}” is not a model name.`, `„${input.model.slice(0, 40)}” to nie jest nazwa modelu.`);
      const model = input.model ?? current.model;
      write({ openai: { ...(baseURL ? { baseURL } : {}), ...(model ? { model } : {}) } });
      store.auditLog.append({ actor: 'owner', event: 'generator.openai-set', data: { baseURL, model } });
    },
    /** The models `kind`'s account or endpoint offers: cached for a day unless `refresh`. */
    async models(kind: 'claude' | 'openai', options: { refresh?: boolean } = {}): Promise<GeneratorModels> {
      const list = await catalog.list(await modelSource(kind), options);
      return {
        generator: kind,
        models: list.models.map(({ id, name, deprecated }) => ({ id, name, deprecated })),
        recommended: list.recommended,
        current: kind === 'claude' ? claudeModel() : openaiSettings().model,
        fetchedAt: list.fetchedAt,
      };
    },
    /** The generator to use now, or `override` for one run (`foundry generate --generator`). */
    async generator(override?: GeneratorKind): Promise<SkillGenerator> {
      const kind = override ?? inUse();
      if (kind === 'offline') return offlineGenerator;
      if (kind === 'claude') {
        const model = claudeModel();
        return createClaudeGenerator({
          getApiKey: () => apiKey('claude'),
          model,
          ...(deps.baseURL ? { baseURL: deps.baseURL } : {}),
          replacementFor: async (retired) => catalog.replacementFor(claudeSource(await apiKey('claude')), retired),
        });
      }
      const { baseURL, model } = requireOpenAI();
      return createOpenAIGenerator({
        baseURL,
        model,
        getApiKey: () => apiKey('openai'),
        replacementFor: async (unknown) => catalog.replacementFor(openaiSource(baseURL, await apiKey('openai')), unknown),
      });
    },
  };
}
export type GeneratorConfig = ReturnType<typeof createGeneratorConfig>;

function noClaudeKey(): GeneratorError {
  return invalid(
    'Claude’s models can be listed once an Anthropic API key is set.',
    'Modele Claude’a można wyświetlić, gdy ustawiony jest klucz API Anthropic.',
  );
}
