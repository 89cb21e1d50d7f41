import { openFoundryStore, type StoreOptions } from './store/index.ts';
import { createHandlers } from './control/handlers.ts';
import { createDispatcher, type DispatchLog } from './control/dispatcher.ts';
import { createSkillEngine, type SkillEngineOptions } from './skills/index.ts';
import { createGeneratorConfig } from './skills/generator/index.ts';
import type { SecretBox } from './skills/approval/secret-box.ts';

export interface EngineOptions extends StoreOptions, SkillEngineOptions {
  dataDir: string;
  log?: DispatchLog;
  /** Seals secrets the owner gives the app: the OS keychain in the app, FOUNDRY_PASSPHRASE headless. */
  secretBox?: SecretBox | null;
  env?: NodeJS.ProcessEnv;
  /** Anthropic Messages API address, for tests against a local server. */
  anthropicBaseURL?: string;
}

const consoleLog: DispatchLog = {
  rejected: (method, error) => console.warn(`[foundry] rejected ${JSON.stringify(method.slice(0, 80))}: ${error.code} ${error.message.en}`),
  failed: (method, error) => console.error(`[foundry] ${method} failed:`, error),
};

/** The headless engine: store, skill engine and the contract's dispatcher. The app, the CLI and the test bridge all start here. */
export function openEngine(options: EngineOptions) {
  const store = openFoundryStore(options.dataDir, options);
  const skills = createSkillEngine(store, options);
  const generator = createGeneratorConfig({
    store,
    box: options.secretBox ?? null,
    ...(options.env ? { env: options.env } : {}),
    ...(options.anthropicBaseURL ? { baseURL: options.anthropicBaseURL } : {}),
  });
  const dispatch = createDispatcher(createHandlers({ store, skills, generator }), options.log ?? consoleLog);
  return {
    store,
    skills,
    generator,
    dispatch,
    /** Stops the sandbox host, then closes the store. */
    async close(): Promise<void> {
      await skills.close();
      store.close();
    },
  };
}
export type Engine = ReturnType<typeof openEngine>;
