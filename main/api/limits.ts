/** Where the assistant finds the API unless told otherwise (`foundry serve --port`). */
export const DEFAULT_API_PORT = 47321;

export interface ApiLimits {
  /** Larger bodies are refused (413) and read no further. */
  maxBodyBytes: number;
  /** Token bucket per API token. */
  requestsPerMinute: number;
  burst: number;
  /** Time allowed to receive a whole request, and its headers (slow clients are cut off). */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  maxHeaderBytes: number;
  /** Each event route's own token bucket per API token (events come with the conversation, in bursts). */
  eventsPerMinute: number;
  eventsBurst: number;
}

export const DEFAULT_API_LIMITS: Readonly<ApiLimits> = Object.freeze({
  maxBodyBytes: 64 * 1024,
  requestsPerMinute: 60,
  burst: 20,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  maxHeaderBytes: 16 * 1024,
  eventsPerMinute: 120,
  eventsBurst: 30,
});
