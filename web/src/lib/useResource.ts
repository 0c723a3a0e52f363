import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api';

export type Resource<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiError }
  | { status: 'ok'; data: T; error?: undefined };

/**
 * Loads one API resource for a page. `load` gets an AbortSignal; a new `key` (e.g. the slug) loads again and
 * cancels the previous request. Returns the state and a `reload` for a "try again" button. A reload of the same key
 * keeps showing the data it has until the new answer arrives (no flash of "Loading…" after a save).
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> & { reload(): void } {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadedKey = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const sameKey = loadedKey.current === key;
    if (!sameKey) setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        loadedKey.current = key;
        setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', error instanceof Error ? error.message : String(error));
        loadedKey.current = null;
        setState({ status: 'error', error: apiError });
      },
    );
    return () => controller.abort();
    // `load` is left out on purpose: callers pass an inline function that changes with `key` only.
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
