import type { Localized } from '../../../shared/i18n-types.ts';
import type { Outcome } from './outcome.ts';

/** Data fetched from main: the last good value stays shown while reloading or after an error. */
export interface Loadable<T> {
  data: T | null;
  loading: boolean;
  error: Localized | null;
}

export function notLoaded<T>(): Loadable<T> {
  return { data: null, loading: false, error: null };
}

export function startLoading<T>(current: Loadable<T>): Loadable<T> {
  return { ...current, loading: true };
}

export function settle<T>(current: Loadable<T>, outcome: Outcome<T>): Loadable<T> {
  return outcome.ok
    ? { data: outcome.value, loading: false, error: null }
    : { data: current.data, loading: false, error: outcome.error };
}
