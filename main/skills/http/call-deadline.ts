// One call's end: the execution's deadline or the execution's end (its AbortSignal), whichever
// comes first. Every wait of the call — the owner's secret values, DNS, the connection, each
// redirect, the body — stops at once when it fires, and the skill learns which of the two it was.
import { HttpRefusal } from './refusal.ts';

export interface CallDeadline {
  /** Handed to the request: aborting it destroys the connection. */
  readonly signal: AbortSignal;
  /** Why the call was stopped, once `signal` fired. */
  reason(): string;
  /** `work`, or a refusal as soon as the call is stopped (the work itself is left to finish unseen). */
  race<T>(work: Promise<T>): Promise<T>;
  dispose(): void;
}

const PAST_DEADLINE = "the request did not finish before the execution's deadline";
const EXECUTION_ENDED = 'the execution ended before the request finished';

export function watchCallDeadline(deadline: number, execution?: AbortSignal): CallDeadline {
  const controller = new AbortController();
  let why = PAST_DEADLINE;
  const stop = (reason: string) => {
    if (controller.signal.aborted) return;
    why = reason;
    controller.abort();
  };
  const onExecutionEnd = () => stop(EXECUTION_ENDED);
  if (execution?.aborted) stop(EXECUTION_ENDED);
  execution?.addEventListener('abort', onExecutionEnd, { once: true });
  const remaining = deadline - Date.now();
  if (!(remaining > 0)) stop(PAST_DEADLINE);
  // setTimeout fires at once for delays past 2^31 - 1 ms; no execution lasts that long anyway.
  const timer = setTimeout(() => stop(PAST_DEADLINE), Math.min(Math.max(0, remaining), 2 ** 31 - 1));

  return {
    signal: controller.signal,
    reason: () => why,
    race: <T>(work: Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        const onStop = () => reject(new HttpRefusal(why));
        if (controller.signal.aborted) return onStop();
        controller.signal.addEventListener('abort', onStop, { once: true });
        const settle = () => controller.signal.removeEventListener('abort', onStop);
        work.then(
          (value) => (settle(), resolve(value)),
          (error: unknown) => (settle(), reject(error)),
        );
      }),
    dispose: () => {
      clearTimeout(timer);
      execution?.removeEventListener('abort', onExecutionEnd);
    },
  };
}
