import type { ReactNode, Ref } from 'react';
import { said, type Said } from '../lib/said';

/** The error of a whole form (not tied to one field), announced when it appears and focusable. */
export function FormAlert({ id, message, children, ref }: { id: string; message: Said | null; children?: ReactNode; ref?: Ref<HTMLDivElement> }) {
  if (!message) return null;
  return (
    <div id={id} ref={ref} className="notice notice-error" role="alert" tabIndex={-1}>
      <p>
        <span aria-hidden="true">⚠ </span>
        {said(message)}
      </p>
      {children}
    </div>
  );
}

/** A success line announced politely ("Saved."). */
export function SuccessNotice({ message }: { message: string | null }) {
  return (
    <div role="status" className={message ? 'notice notice-success' : 'visually-hidden'}>
      {message && <p>{message}</p>}
    </div>
  );
}
