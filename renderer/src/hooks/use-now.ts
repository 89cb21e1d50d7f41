import { useEffect, useState } from 'react';

/** The current time in ms, refreshed every `intervalMs`, for countdowns such as a review's time left. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
