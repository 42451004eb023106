import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from './client';

export interface ApiData<T> {
  data: T | undefined;
  error: ApiRequestError | undefined;
  loading: boolean;
  /** Fetch again; keeps the old data on screen meanwhile (no flash of a spinner). */
  reload: () => Promise<void>;
}

/**
 * Loads data for a page: `useApiData(() => workshopsApi.get(id), [id])`. Stale responses (the
 * deps changed meanwhile) are dropped, so a fast click-through never shows the wrong workshop.
 */
export function useApiData<T>(load: () => Promise<T>, deps: readonly unknown[]): ApiData<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiRequestError>();
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const result = await loadRef.current();
      if (mine !== generation.current) return;
      setData(result);
      setError(undefined);
    } catch (err) {
      if (mine !== generation.current) return;
      setError(
        err instanceof ApiRequestError ? err : new ApiRequestError(0, 'bad_response', (err as Error).message),
      );
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    setData(undefined);
    void reload();
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to reload
  }, deps);

  return { data, error, loading, reload };
}
