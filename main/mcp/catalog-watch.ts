// Tells connected MCP clients when the tools change. Two sources: the skill service's own event
// (a version approved or rolled back, a skill archived or restored in this process) and, because
// the desktop app, `foundry serve` and `foundry mcp` are separate processes over one store, a
// light poll that notices what another process changed. Both only ask for a fresh fingerprint of
// the runnable skills; a notification goes out only when it really differs, once per change.
export interface CatalogWatchOptions {
  /** What the tools are now, as a comparable string. */
  fingerprint: () => Promise<string>;
  /** The in-process change event; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
  onChange: () => void;
  /** How often another process's changes are looked for. */
  pollMs: number;
  onError: (error: unknown) => void;
}

export function watchCatalog(options: CatalogWatchOptions) {
  let known: string | null = null;
  let queue: Promise<void> = Promise.resolve();
  // One check at a time, in order, so two quick changes never compare against a stale fingerprint.
  const check = () => {
    queue = queue
      .then(async () => {
        const current = await options.fingerprint();
        if (known !== null && current !== known) options.onChange();
        known = current;
      })
      .catch(options.onError);
  };
  check();
  const unsubscribe = options.subscribe(check);
  const timer = setInterval(check, options.pollMs).unref();
  return {
    /** Resolves once every check asked for so far is done. */
    settled: (): Promise<void> => queue,
    stop(): void {
      clearInterval(timer);
      unsubscribe();
    },
  };
}
