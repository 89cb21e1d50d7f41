// The models an account or endpoint offers, as its API lists them, cached for a day in the settings
// table (a list changes when a model is released or retired, not by the minute, and Settings should
// open without waiting for the network). The catalog also answers which model replaces an id the
// API no longer knows: the newest active model of the same line for Claude, the endpoint's first
// model otherwise.
import type { SettingsRepository } from '../../store/repositories/settings.ts';

const CACHE_KEY = 'generator-models';
export const MODEL_LIST_TTL_MS = 24 * 60 * 60 * 1000;

export interface OfferedModel {
  id: string;
  /** The API's display name, when it gives one. */
  name: string | null;
  /** Claude's lines (`opus`, `sonnet`, `haiku`): a retired id is replaced within its line. */
  line: string | null;
  /** Still offered but on its way out: not recommended. */
  deprecated: boolean;
}

export interface ModelList {
  /** Where the list came from: `claude`, or `openai` with the endpoint's base URL. */
  source: string;
  models: OfferedModel[];
  /** The model to use when the owner has not chosen one: the current default if offered. */
  recommended: string | null;
  fetchedAt: string;
}

/** One account's or endpoint's list: `key` tells cached lists apart; `fetch` asks the API. */
export interface ModelSource {
  key: string;
  preferred: string | null;
  fetch: () => Promise<OfferedModel[]>;
}

type Cache = Record<string, { fetchedAt: string; models: OfferedModel[] }>;

function recommendedOf(models: OfferedModel[], preferred: string | null): string | null {
  const active = models.filter((m) => !m.deprecated);
  if (preferred && active.some((m) => m.id === preferred)) return preferred;
  return (active[0] ?? models[0])?.id ?? null;
}

export function createModelCatalog(deps: { settings: Pick<SettingsRepository, 'readValue' | 'writeValue'>; now: () => Date; ttlMs?: number }) {
  const ttlMs = deps.ttlMs ?? MODEL_LIST_TTL_MS;

  function readCache(): Cache {
    const text = deps.settings.readValue(CACHE_KEY);
    if (text === null) return {};
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Cache) : {};
  }

  function asList(source: ModelSource, entry: Cache[string]): ModelList {
    return { source: source.key, models: entry.models, recommended: recommendedOf(entry.models, source.preferred), fetchedAt: entry.fetchedAt };
  }

  async function fetchFresh(source: ModelSource): Promise<ModelList> {
    const entry = { fetchedAt: deps.now().toISOString(), models: await source.fetch() };
    deps.settings.writeValue(CACHE_KEY, { ...readCache(), [source.key]: entry });
    return asList(source, entry);
  }

  return {
    /** The cached list while it is younger than the TTL, otherwise (or with `refresh`) the API's. */
    async list(source: ModelSource, options: { refresh?: boolean } = {}): Promise<ModelList> {
      const cached = readCache()[source.key];
      const age = cached ? deps.now().getTime() - Date.parse(cached.fetchedAt) : Infinity;
      if (cached && !options.refresh && age >= 0 && age < ttlMs) return asList(source, cached);
      return fetchFresh(source);
    },
    /** The cached list however old, or null: for a screen that must not wait for the network. */
    cached(source: ModelSource): ModelList | null {
      const cached = readCache()[source.key];
      return cached ? asList(source, cached) : null;
    },
    /**
     * The model to name instead of `model`, which the API has just refused: asked afresh, since the
     * cached list may still hold it; the cached list if the API cannot be asked; null if none is known.
     */
    async replacementFor(source: ModelSource, model: string): Promise<string | null> {
      let list: ModelList | null;
      try {
        list = await fetchFresh(source);
      } catch {
        list = readCache()[source.key] ? asList(source, readCache()[source.key]!) : null;
      }
      const others = (list?.models ?? []).filter((m) => m.id !== model && !m.deprecated);
      const line = list?.models.find((m) => m.id === model)?.line ?? /opus|sonnet|haiku/.exec(model)?.[0] ?? null;
      const sameLine = line ? others.find((m) => m.line === line) : undefined;
      const preferred = others.find((m) => m.id === source.preferred);
      return (sameLine ?? preferred ?? others[0])?.id ?? null;
    },
  };
}
export type ModelCatalog = ReturnType<typeof createModelCatalog>;
