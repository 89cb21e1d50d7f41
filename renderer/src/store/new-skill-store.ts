import { create } from 'zustand';
import type { GenerationJob } from '../../../shared/contract/index.ts';
import type { SuggestionRecord } from '../../../shared/skills/suggestion.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import { callFoundry } from './outcome.ts';
import { notLoaded, settle, startLoading, type Loadable } from './loadable.ts';

/** How often a running pipeline is asked for its steps. */
export const JOB_POLL_MS = 250;

/** A pipeline run started from the New skill view, followed until it stops running. */
export interface PipelineRun {
  jobId: string;
  /** What started it: the owner's words, or a suggestion's title. */
  origin: { kind: 'request'; text: string } | { kind: 'suggestion'; title: Localized };
  job: GenerationJob | null;
  /** The last poll failed; polling stopped until the person tries again. */
  pollError: Localized | null;
}

/** A run is under way: started and neither finished nor stopped by a failed poll. */
export function isRunning(run: PipelineRun | null): boolean {
  return run !== null && run.pollError === null && (run.job === null || run.job.status === 'running');
}

export interface NewSkillState {
  suggestions: Loadable<SuggestionRecord[]>;
  /** The suggestion being accepted or dismissed, if any. */
  suggestionBusy: string | null;
  suggestionError: { id: string; message: Localized } | null;
  /** The New skill box: sending, and the engine's answer when the text was not a request. */
  /** `asked`: the refusal is a question back ("books or pages?"), not a "no". */
  request: { sending: boolean; refusal: Localized | null; error: Localized | null; asked?: boolean };
  run: PipelineRun | null;

  loadSuggestions(): Promise<void>;
  acceptSuggestion(suggestion: SuggestionRecord): Promise<void>;
  dismissSuggestion(id: string): Promise<void>;
  sendRequest(text: string): Promise<boolean>;
  /** Polls the current run again after a failed poll. */
  resumePolling(): void;
  clearRun(): void;
}

export const useNewSkillStore = create<NewSkillState>()((set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function poll(jobId: string): Promise<void> {
    const outcome = await callFoundry(() => window.foundry.jobs.get({ jobId }));
    const run = get().run;
    if (run?.jobId !== jobId) return;
    if (!outcome.ok) {
      set({ run: { ...run, pollError: outcome.error } });
      return;
    }
    set({ run: { ...run, job: outcome.value, pollError: null } });
    if (outcome.value.status === 'running') timer = setTimeout(() => void poll(jobId), JOB_POLL_MS);
  }

  function follow(jobId: string, origin: PipelineRun['origin']): void {
    clearTimeout(timer);
    set({ run: { jobId, origin, job: null, pollError: null } });
    void poll(jobId);
  }

  return {
    suggestions: notLoaded(),
    suggestionBusy: null,
    suggestionError: null,
    request: { sending: false, refusal: null, error: null },
    run: null,

    async loadSuggestions() {
      set((state) => ({ suggestions: startLoading(state.suggestions) }));
      const outcome = await callFoundry(() => window.foundry.suggestions.list({ status: 'proposed' }));
      set((state) => ({ suggestions: settle(state.suggestions, outcome) }));
    },

    async acceptSuggestion(suggestion) {
      set({ suggestionBusy: suggestion.id, suggestionError: null });
      const outcome = await callFoundry(() => window.foundry.suggestions.accept({ id: suggestion.id }));
      set({ suggestionBusy: null });
      if (!outcome.ok) set({ suggestionError: { id: suggestion.id, message: outcome.error } });
      else follow(outcome.value.jobId, { kind: 'suggestion', title: suggestion.title });
      await get().loadSuggestions();
    },

    async dismissSuggestion(id) {
      set({ suggestionBusy: id, suggestionError: null });
      const outcome = await callFoundry(() => window.foundry.suggestions.dismiss({ id }));
      set({ suggestionBusy: null });
      if (!outcome.ok) set({ suggestionError: { id, message: outcome.error } });
      await get().loadSuggestions();
    },

    async sendRequest(text) {
      set({ request: { sending: true, refusal: null, error: null } });
      const outcome = await callFoundry(() => window.foundry.skills.generate({ text }));
      if (!outcome.ok) {
        set({ request: { sending: false, refusal: null, error: outcome.error } });
        return false;
      }
      if (!outcome.value.accepted) {
        set({ request: { sending: false, refusal: outcome.value.reason, error: null, asked: outcome.value.clarify === true } });
        return false;
      }
      set({ request: { sending: false, refusal: null, error: null } });
      follow(outcome.value.jobId, { kind: 'request', text });
      return true;
    },

    resumePolling() {
      const run = get().run;
      if (run) void poll(run.jobId);
    },

    clearRun() {
      clearTimeout(timer);
      set({ run: null });
    },
  };
});
