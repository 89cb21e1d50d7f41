import { create } from 'zustand';
import type { ApiResult, ApiTokenStatus, ApprovalStatus, GeneratorStatus } from '../../../shared/contract/index.ts';
import { callFoundry } from './outcome.ts';
import { notLoaded, settle, startLoading, type Loadable } from './loadable.ts';

/** Settings → Security, Generator and the assistant's API token: what main reports about each. */
export interface SecurityState {
  approval: Loadable<ApprovalStatus>;
  generator: Loadable<GeneratorStatus>;
  apiToken: Loadable<ApiTokenStatus>;
  load(): Promise<void>;
  loadApproval(): Promise<void>;
  loadApiToken(): Promise<void>;
  /** A method that answers with the new status (setApiKey, setModel…) hands it over here. */
  showApproval(status: ApprovalStatus): void;
  showGenerator(status: GeneratorStatus): void;
}

type LoadableKey = 'approval' | 'generator' | 'apiToken';
type DataOf<K extends LoadableKey> = SecurityState[K] extends Loadable<infer T> ? T : never;

export const useSecurityStore = create<SecurityState>()((set, get) => {
  async function load<K extends LoadableKey>(key: K, call: () => Promise<ApiResult<DataOf<K>>>): Promise<void> {
    set((state) => ({ [key]: startLoading(state[key] as Loadable<DataOf<K>>) }) as Partial<SecurityState>);
    const outcome = await callFoundry(call);
    set((state) => ({ [key]: settle(state[key] as Loadable<DataOf<K>>, outcome) }) as Partial<SecurityState>);
  }

  return {
    approval: notLoaded(),
    generator: notLoaded(),
    apiToken: notLoaded(),

    async load() {
      await Promise.all([get().loadApproval(), load('generator', () => window.foundry.generator.status({})), get().loadApiToken()]);
    },
    loadApproval: () => load('approval', () => window.foundry.approval.status({})),
    loadApiToken: () => load('apiToken', () => window.foundry.apiToken.status({})),
    showApproval: (status) => set({ approval: { data: status, loading: false, error: null } }),
    showGenerator: (status) => set({ generator: { data: status, loading: false, error: null } }),
  };
});
