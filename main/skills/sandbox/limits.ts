/** Every bound the sandbox enforces; `createSandbox({ limits })` overrides any of them. */
export interface SandboxLimits {
  /** Wall time a skill may run, host calls included (seed: 5 s); main also holds it while it answers the skill's queries. */
  timeoutMs: number;
  /** V8 heap of one isolate (seed: 128 MB). */
  memoryMb: number;
  /** Extra wall time main waits for the host beyond `timeoutMs` (cold start, transpiling) before killing it. */
  graceMs: number;
  /** Resident memory of the host process above which main kills it (ArrayBuffers live outside the heap limit). */
  hostRssBytes: number;
  /**
   * How much one execution may grow the host's resident memory. The heap limit does not see memory
   * outside the V8 heap (ICU data behind Intl objects and segmenters), so main watches the process
   * too and fails the one execution, long before the whole host nears `hostRssBytes`. Room for the
   * heap limit itself, a fresh isolate and what the allocator keeps.
   */
  maxExecutionRssGrowthBytes: number;
  /** How often main samples the host's resident memory during an execution. */
  rssPollMs: number;
  /** How long the host may take to start and pass its self-check. */
  hostStartMs: number;
  /** Warm isolates kept by the host (LRU). */
  warmIsolates: number;
  maxSourceBytes: number;
  /** Canonical JSON of the call (method, tenant, action, params). */
  maxInputBytes: number;
  /** JSON of the value a skill returns. */
  maxOutputBytes: number;
  /** JSON of one query chain a skill sends. */
  maxQueryBytes: number;
  /** JSON of one query result handed to a skill. */
  maxQueryResultBytes: number;
  /** Rows one select returns at most (like PostgREST's max-rows). */
  maxRowsPerQuery: number;
  /** JSON of one stored row. */
  maxRowBytes: number;
  /**
   * Rows one execution inserts or updates, each row an update changes counted (an update matching
   * 300 rows counts 300). Every query replays the execution's writes in main, so this bounds
   * main's work per query as much as the data a skill can change.
   */
  maxRowsTouched: number;
  /** JSON bytes one execution writes, summed over every row it inserts or rewrites (same reason). */
  maxBytesWritten: number;
  /** Queries one execution may send (logs and notifications have their own caps). */
  maxHostCalls: number;
  maxLogEntries: number;
  maxLogChars: number;
  maxNotifications: number;
}

export const DEFAULT_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  timeoutMs: 5_000,
  memoryMb: 128,
  graceMs: 2_000,
  hostRssBytes: 1024 * 1024 * 1024,
  maxExecutionRssGrowthBytes: 384 * 1024 * 1024,
  rssPollMs: 100,
  hostStartMs: 10_000,
  warmIsolates: 4,
  maxSourceBytes: 512 * 1024,
  maxInputBytes: 256 * 1024,
  maxOutputBytes: 1024 * 1024,
  maxQueryBytes: 256 * 1024,
  maxQueryResultBytes: 1024 * 1024,
  maxRowsPerQuery: 1_000,
  maxRowBytes: 64 * 1024,
  maxRowsTouched: 1_000,
  maxBytesWritten: 4 * 1024 * 1024,
  maxHostCalls: 1_000,
  maxLogEntries: 200,
  maxLogChars: 2_000,
  maxNotifications: 10,
});

/** The range each limit may be set to; outside it the setting is a mistake, not a choice. */
const RANGES: { [K in keyof SandboxLimits]: [number, number] } = {
  timeoutMs: [10, 10 * 60_000],
  memoryMb: [8, 4096],
  graceMs: [100, 60_000],
  hostRssBytes: [64 * 1024 * 1024, 64 * 1024 * 1024 * 1024],
  maxExecutionRssGrowthBytes: [16 * 1024 * 1024, 64 * 1024 * 1024 * 1024],
  rssPollMs: [10, 10_000],
  hostStartMs: [100, 120_000],
  warmIsolates: [0, 64],
  maxSourceBytes: [1, 16 * 1024 * 1024],
  maxInputBytes: [2, 64 * 1024 * 1024],
  maxOutputBytes: [4, 64 * 1024 * 1024],
  maxQueryBytes: [64, 64 * 1024 * 1024],
  maxQueryResultBytes: [64, 64 * 1024 * 1024],
  maxRowsPerQuery: [1, 100_000],
  maxRowBytes: [2, 16 * 1024 * 1024],
  maxRowsTouched: [0, 100_000],
  maxBytesWritten: [0, 1024 * 1024 * 1024],
  maxHostCalls: [1, 1_000_000],
  maxLogEntries: [0, 100_000],
  maxLogChars: [1, 1024 * 1024],
  maxNotifications: [0, 1_000],
};

/** The shortest time limit an execution can have. */
export const SHORTEST_TIMEOUT_MS = RANGES.timeoutMs[0];

/** Limits for per-execution overrides (an action's own `timeoutMs`, bounded by config.yaml's `skills.execution.timeoutMs`). */
export type ExecutionLimitOverrides = Partial<Pick<SandboxLimits, 'timeoutMs' | 'memoryMb'>>;

export function resolveLimits(overrides: Partial<SandboxLimits> = {}): SandboxLimits {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  for (const key of Object.keys(RANGES) as (keyof SandboxLimits)[]) {
    if (!isWithin(limits[key], RANGES[key])) {
      throw new RangeError(`Sandbox limit ${key} must be an integer in [${RANGES[key].join(', ')}], got ${String(limits[key])}`);
    }
  }
  return limits;
}

/** The smallest and largest value a limit may be set to. */
export function limitRange(key: keyof SandboxLimits): readonly [number, number] {
  return RANGES[key];
}

export function isWithinRange(key: keyof SandboxLimits, value: unknown): value is number {
  return isWithin(value, RANGES[key]);
}

function isWithin(value: unknown, [min, max]: [number, number]): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
