import type { ReactNode } from 'react';
import type { Loadable } from '../store/loadable.ts';
import { useFoundryStore } from '../store/app-store.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { ErrorState } from './ErrorState.tsx';
import { Loading } from './Loading.tsx';

interface LoadableContentProps<T> {
  state: Loadable<T>;
  isEmpty: (data: T) => boolean;
  empty: ReactNode;
  children: (data: T) => ReactNode;
}

/** The four faces of fetched data: loading, error (above any data still shown), empty, and the data itself. */
export function LoadableContent<T>({ state, isEmpty, empty, children }: LoadableContentProps<T>) {
  const { localize } = useI18n();
  const refreshView = useFoundryStore((store) => store.refreshView);
  const error = state.error && <ErrorState message={localize(state.error)} onRetry={() => void refreshView()} />;
  if (state.data === null) return error || <Loading />;
  return (
    <>
      {error}
      {isEmpty(state.data) ? empty : children(state.data)}
    </>
  );
}
