import { useEffect } from 'react';

/** Sets the tab title as "<page> · Concerta" (screen readers announce it on navigation). */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Concerta` : 'Concerta';
  }, [title]);
}
