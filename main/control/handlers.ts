import type { ApiMethod, ApiRequest, ApiResponse } from '../../shared/contract/methods.ts';
import type { FoundryStore } from '../store/index.ts';
import { APP_VERSION } from '../app-version.ts';

export type Handlers = { [M in ApiMethod]: (request: ApiRequest<M>) => ApiResponse<M> | Promise<ApiResponse<M>> };

/** The control center's methods over the engine; every caller (IPC, test bridge) goes through the dispatcher. */
export function createHandlers(store: FoundryStore): Handlers {
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
    'settings.get': () => store.settings.get(),
    'settings.update': (request) => {
      const settings = store.settings.update(request);
      store.auditLog.append({ actor: 'owner', event: 'settings.updated', data: { keys: Object.keys(request) } });
      return settings;
    },
  };
}
