// The bounds of one foundry.http call. Over any of them the call fails inside the skill with an
// error that names the limit; nothing half-done is handed back.

export interface HttpLimits {
  /** Request body in bytes (UTF-8, after secrets were put in). */
  maxRequestBytes: number;
  /** Response body in bytes, counted as it arrives: the connection is cut past it. */
  maxResponseBytes: number;
  /** Redirects followed by hand, each one checked again like a new request. */
  maxRedirects: number;
}

/**
 * The defaults (each call gets its limits from its policy, so the engine may configure them):
 * - 64 KiB of request body is far more than any API call a personal skill makes; past it a skill
 *   is more likely shipping its database somewhere than asking a question.
 * - 1 MiB of response is held in the host process and copied into the isolate (128 MB heap):
 *   enough for a forecast or a price list, too little to exhaust memory with a few calls.
 * - 5 redirects is what browsers' real-world chains need; each one costs a DNS lookup and a
 *   connection inside the same deadline, and endless chains are a known way to stall clients.
 */
export const DEFAULT_HTTP_LIMITS: Readonly<HttpLimits> = Object.freeze({
  maxRequestBytes: 64 * 1024,
  maxResponseBytes: 1024 * 1024,
  maxRedirects: 5,
});

/** A URL longer than this is refused: servers commonly stop at 8 KiB, and the checks stay cheap. */
export const MAX_URL_CHARS = 8 * 1024;

/** Headers a skill may set, and their total size (names and values, before secrets): an API call needs a handful. */
export const MAX_REQUEST_HEADERS = 50;
export const MAX_REQUEST_HEADER_BYTES = 16 * 1024;

/** Response headers are parsed by Node with this cap (its own default, made explicit), so what is handed back is bounded. */
export const MAX_RESPONSE_HEADER_BYTES = 16 * 1024;
