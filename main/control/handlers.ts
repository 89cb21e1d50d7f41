import type { ApiMethod, ApiRequest, ApiResponse } from '../../shared/contract/methods.ts';
import type { FoundryStore } from '../store/index.ts';
import type { SkillEngine } from '../skills/index.ts';
import type { GeneratorConfig } from '../skills/generator/index.ts';
import { createSuggestionService } from '../skills/detector/suggestions.ts';
import { parseSkillRequest } from '../skills/detector/index.ts';
import type { SkillNeed } from '../../shared/skills/need.ts';
import { APP_VERSION } from '../app-version.ts';
import { createGenerationJobs } from './jobs.ts';
import { notFound } from './control-error.ts';

export type Handlers = { [M in ApiMethod]: (request: ApiRequest<M>) => ApiResponse<M> | Promise<ApiResponse<M>> };

export interface HandlerDeps {
  store: FoundryStore;
  skills: SkillEngine;
  generator: GeneratorConfig;
}

/** The control center's methods over the engine, all as the owner; every caller goes through the dispatcher. */
export function createHandlers({ store, skills, generator }: HandlerDeps): Handlers {
  const suggestions = createSuggestionService(store);
  const jobs = createGenerationJobs();
  const startGeneration = (need: SkillNeed) =>
    jobs.start(async (onStep) => skills.generate(need, 'owner', { generator: await generator.generator(), onStep }));
  const version = (versionId: string) => store.versions.get(versionId) ?? (() => { throw notFound({ en: 'That skill version', pl: 'Ta wersja skilla' }); })();

  return {
    'app.info': () => ({
      version: APP_VERSION,
      dataDir: store.dataDir,
      databaseFile: store.file,
      schemaVersion: store.schemaVersion(),
      counts: store.skills.counts(),
    }),
    'reviews.list': () => store.skills.pendingReviews(),
    'skills.list': () => store.skills.list(),
    'activity.executions': (request) => store.executions.page(request),
    'activity.audit': (request) => store.auditLog.page(request),
    'activity.verifyChain': () => store.auditLog.verify(),
    'settings.get': () => store.settings.get(),
    'settings.update': (request) => {
      const settings = store.settings.update(request);
      store.auditLog.append({ actor: 'owner', event: 'settings.updated', data: { keys: Object.keys(request) } });
      return settings;
    },
    'versions.get': ({ versionId }) => version(versionId),
    'versions.list': ({ slug }) => store.versions.listForSkill(slug),
    'skills.generate': ({ text }) => {
      const parsed = parseSkillRequest(text);
      if (!parsed.isRequest) return { accepted: false, reason: parsed.reason };
      return { accepted: true, jobId: startGeneration(parsed.need) };
    },
    'jobs.get': ({ jobId }) => jobs.get(jobId) ?? (() => { throw notFound({ en: 'That generation run', pl: 'To uruchomienie generatora' }); })(),
    'suggestions.list': (request) => suggestions.listSuggestions(request),
    'suggestions.accept': ({ id }) => ({ jobId: startGeneration(suggestions.acceptSuggestion(id)) }),
    'suggestions.dismiss': ({ id }) => suggestions.dismissSuggestion(id),
    'generator.status': () => generator.status(),
    'generator.setApiKey': async ({ apiKey }) => {
      await generator.setApiKey(apiKey);
      return generator.status();
    },
    'generator.clearApiKey': () => {
      generator.clearApiKey();
      return generator.status();
    },
    'generator.setModel': ({ model }) => {
      generator.setModel(model);
      return generator.status();
    },
  };
}
