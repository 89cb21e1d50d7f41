// Runs waiting for the owner's consent, read from main every second while the window is open, so
// the consent prompt appears over any view; and the standing consents Settings lists. The window
// only shows and forwards the owner's answer: main decides whether it is still accepted.
import { create } from 'zustand';
import { CONSENT_POLL_MS, type ConsentDecision, type ConsentRequestRecord, type StandingConsentRecord } from '../../../shared/contract/consent-records.ts';
import { callFoundry, type Outcome } from './outcome.ts';
import { notLoaded, settle, startLoading, type Loadable } from './loadable.ts';

export interface ConsentsState {
  /** Oldest first: the prompt asks about the first. */
  pending: ConsentRequestRecord[];
  /** When `pending` arrived (Date.now()): each request's time left counts down from there. */
  receivedAt: number;
  standing: Loadable<StandingConsentRecord[]>;
  /** Reads the waiting runs now and then every CONSENT_POLL_MS; answers a function that stops it. */
  watch(): () => void;
  decide(id: number, verdict: ConsentDecision, always: boolean): Promise<Outcome<ConsentRequestRecord>>;
  loadStanding(): Promise<void>;
  revoke(id: number): Promise<Outcome<StandingConsentRecord>>;
}

export const useConsentsStore = create<ConsentsState>()((set, get) => {
  async function readPending(): Promise<void> {
    const outcome = await callFoundry(() => window.foundry.consents.list({}));
    // A failed read keeps what was shown; the next one tries again.
    if (outcome.ok) set({ pending: outcome.value, receivedAt: Date.now() });
  }

  return {
    pending: [],
    receivedAt: 0,
    standing: notLoaded(),
    watch() {
      let stopped = false;
      let timer: number | undefined;
      const loop = async () => {
        await readPending();
        if (!stopped) timer = window.setTimeout(() => void loop(), CONSENT_POLL_MS);
      };
      void loop();
      return () => {
        stopped = true;
        window.clearTimeout(timer);
      };
    },
    async decide(id, verdict, always) {
      const outcome = await callFoundry(() => window.foundry.consents.decide({ id, verdict, always }));
      if (outcome.ok) set((state) => ({ pending: state.pending.filter((request) => request.id !== id) }));
      await readPending();
      if (outcome.ok && always) await get().loadStanding();
      return outcome;
    },
    async loadStanding() {
      set((state) => ({ standing: startLoading(state.standing) }));
      const outcome = await callFoundry(() => window.foundry.consents.standing({}));
      set((state) => ({ standing: settle(state.standing, outcome) }));
    },
    async revoke(id) {
      const outcome = await callFoundry(() => window.foundry.consents.revokeStanding({ id }));
      await get().loadStanding();
      return outcome;
    },
  };
});
