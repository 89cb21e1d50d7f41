// A token bucket per API token: `burst` requests at once, refilled at `perMinute`.

export interface RateLimit {
  perMinute: number;
  burst: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Full buckets are forgotten once this many keys exist (a rotated token's bucket, say). */
const PRUNE_ABOVE = 16;

export function createRateLimiter(limit: RateLimit, now: () => Date) {
  const perMs = limit.perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(limit.burst, bucket.tokens + Math.max(0, at - bucket.at) * perMs);
    bucket.at = Math.max(bucket.at, at);
  };

  const prune = (at: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= limit.burst) buckets.delete(key);
    }
  };

  return {
    take(key: string): RateDecision {
      const at = now().getTime();
      if (buckets.size > PRUNE_ABOVE) prune(at);
      let bucket = buckets.get(key);
      if (!bucket) buckets.set(key, (bucket = { tokens: limit.burst, at }));
      refill(bucket, at);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
