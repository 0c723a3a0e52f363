import type { ReactNode } from 'react';

/**
 * A wide table on a narrow phone: it scrolls sideways inside this box, never the page. The box is a labelled,
 * focusable region so keyboard users can scroll it too.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
