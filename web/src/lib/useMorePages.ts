import { useState } from 'react';
import { isApiError } from './api';
import { said, type Said } from '../lib/said';

/**
 * "Show more" over a list the server pages: the first page comes from the page's own resource, each further page is
 * fetched from the offset of what is shown, and a change of filters (`filterKey`) starts over from the first page.
 */
export function useMorePages<T>(filterKey: string, firstPage: readonly T[] | null, fetchPage: (offset: number) => Promise<readonly T[]>) {
  const [more, setMore] = useState<{ key: string; items: readonly T[] }>({ key: filterKey, items: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Said | null>(null);
  const extra = more.key === filterKey ? more.items : [];
  const visible = firstPage ? [...firstPage, ...extra] : [];

  const showMore = async () => {
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await fetchPage(visible.length);
      setMore({ key: filterKey, items: [...extra, ...next] });
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setMoreError(cause);
    } finally {
      setLoadingMore(false);
    }
  };

  return { visible, showMore, loadingMore, moreError };
}
