import { useRef, useState } from 'react';
import { isApiError } from '../lib/api';
import { focusWhenRendered } from '../lib/focus';
import { ReasonPrompt } from './ReasonPrompt';
import { said, type Said } from '../lib/said';

/**
 * A button that opens a reason prompt for an audited action (withdraw a proposal, an agreement ...): the reason is
 * checked (`problem`), then `act` runs; a refusal shows next to the reason; cancelling returns focus to the button.
 */
export function ReasonAction({ id, openLabel, label, confirmLabel, problem, act }: {
  id: string;
  openLabel: string;
  label: string;
  confirmLabel: string;
  problem(reason: string): string | null;
  act(reason: string): Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  if (!open) {
    return (
      <button ref={opener} type="button" className="button button-secondary" onClick={() => { setOpen(true); focusWhenRendered(() => document.getElementById(id)); }}>
        {openLabel}
      </button>
    );
  }
  const confirm = async () => {
    const found = problem(reason);
    if (found) {
      setError(found);
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    try {
      await act(reason.trim());
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ReasonPrompt
      id={id}
      label={label}
      value={reason}
      onChange={setReason}
      error={error}
      confirmLabel={confirmLabel}
      busy={busy}
      rows={2}
      onConfirm={() => void confirm()}
      onCancel={() => { setOpen(false); setError(null); focusWhenRendered(() => opener.current); }}
    />
  );
}
