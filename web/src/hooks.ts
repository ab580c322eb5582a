import { useCallback, useEffect, useState } from 'react';
import { ApiError, request } from './api';

export interface Loaded<T> {
  data: T | undefined;
  headers: Headers | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/** GETs `path` (null: nothing yet) and reloads when it changes or on `reload()`. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data?: T; headers?: Headers; error: ApiError | null; loading: boolean }>({ error: null, loading: true });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    request<T>('GET', path)
      .then((response) => live && setState({ data: response.data, headers: response.headers, error: null, loading: false }))
      .catch((error: unknown) => live && setState({ error: toApiError(error), loading: false }));
    return () => {
      live = false;
    };
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, headers: state.headers, error: state.error, loading: state.loading, reload };
}

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, { detail: error instanceof Error ? error.message : String(error) });
}

/** Runs a form's action: tracks the busy state and keeps the API error for the fields to show. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (caught) {
      setError(toApiError(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
