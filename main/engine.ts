import { openFoundryStore, type StoreOptions } from './store/index.ts';
import { createHandlers } from './control/handlers.ts';
import { createDispatcher, type DispatchLog } from './control/dispatcher.ts';
import { createSkillEngine, type SkillEngineOptions } from './skills/index.ts';
import { createGeneratorConfig } from './skills/generator/index.ts';
import type { SecretBox } from './skills/approval/secret-box.ts';
import { createApprovalSetup, type ApprovalSetupOptions } from './skills/approval/approval-setup.ts';
import { createSkillService, type OwnerNotice } from './skills/service.ts';
import { createSkillsConfig } from './skills/config/index.ts';
import { createSkillSettings } from './skills/settings/index.ts';
import type { SchedulerClock } from './skills/scheduler/index.ts';

export interface EngineOptions extends StoreOptions, SkillEngineOptions {
  dataDir: string;
  log?: DispatchLog;
  /** Seals secrets the owner gives the app: the OS keychain in the app, FOUNDRY_PASSPHRASE headless. */
  secretBox?: SecretBox | null;
  // integrityKey (from StoreOptions): `await loadIntegrityKey(dataDir, secretBox)` from
  // main/skills/approval/integrity-key-file.ts. Without it nothing can be approved and no
  // generated skill runs, since none can be proven approved.
  env?: NodeJS.ProcessEnv;
  /** Anthropic Messages API address, for tests against a local server. */
  anthropicBaseURL?: string;
  /** The checks on this computer the caller adds, and whether a test provider may be chosen. */
  approval?: ApprovalSetupOptions;
  /** Tells the owner something waits for them (the app shows a notification). */
  notifyOwner?: (notice: OwnerNotice) => void;
  /** Whether the owner can answer consent prompts here: the app's window (and the test bridge's page); never the CLI. */
  canAskOwner?: () => boolean;
  /** What drives schedules (main/skills/scheduler/): the system clock unless a test injects one. */
  scheduleClock?: SchedulerClock;
}

/** How often pending versions are expired and idle skills archived while the engine runs. */
export const MAINTENANCE_INTERVAL_MS = 60_000;

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
  const approval = createApprovalSetup(store, options.secretBox ?? null, options.env ?? process.env, options.approval);
  const config = createSkillsConfig(store);
  const skillSettings = createSkillSettings({ store, box: options.secretBox ?? null, factors: approval.factors, integrityKey: options.integrityKey ?? null });
  const service = createSkillService({
    store,
    config,
    skillSettings,
    skills,
    getGenerator: () => generator.generator(),
    factors: approval.factors,
    ...(options.notifyOwner ? { notifyOwner: options.notifyOwner } : {}),
    ...(options.canAskOwner ? { canAskOwner: options.canAskOwner } : {}),
    ...(options.scheduleClock ? { scheduleClock: options.scheduleClock } : {}),
  });
  const dispatch = createDispatcher(
    createHandlers({ store, skills, generator, service, approval, config, secretBox: options.secretBox ?? null }),
    options.log ?? consoleLog,
  );
  let maintenance: NodeJS.Timeout | undefined;
  const sweep = () => ({ expired: service.expirePending(), archived: service.archiveUnused() });
  return {
    store,
    skills,
    generator,
    service,
    approval,
    /** config.yaml in the data directory (seed 004's configuration). */
    config,
    /** Each skill's settings, secrets and allowances; `skillSettings.forRun` is what an execution reads. */
    skillSettings,
    /** Seals the owner's secrets; null where there is no protected storage. */
    secretBox: options.secretBox ?? null,
    dispatch,
    /** Expires overdue pending versions and archives idle skills now, then every minute. */
    startMaintenance(intervalMs = MAINTENANCE_INTERVAL_MS) {
      const result = sweep();
      maintenance ??= setInterval(sweep, intervalMs).unref();
      return result;
    },
    /** Fires due schedules from now on (the app and `foundry serve`; a one-shot command does not). */
    startSchedules(): void {
      service.scheduler.start();
    },
    /** Reads the marketplace's registries shortly after now, then every 6 hours, while it is on (the app and `foundry serve`). */
    startMarketChecks(): void {
      service.marketChecks.start();
    },
    /** Stops the schedules and the marketplace checks (waiting for work in progress) and the sandbox host, then closes the store. */
    async close(): Promise<void> {
      clearInterval(maintenance);
      await service.marketChecks.stop();
      await service.scheduler.stop();
      await skills.close();
      store.close();
    },
  };
}
export type Engine = ReturnType<typeof openEngine>;
