import { useRef, useState } from 'react';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { focusWhenRendered } from '../../lib/focus';
import type { Coordination } from '../../lib/api-types';
import { ReasonPrompt } from '../../components/ReasonPrompt';
import { reasonProblem } from '../../components/ReasonField';
import { coordinationApi } from './api';

/** An administrator withdraws an agreement, saying why; it stays on record, marked withdrawn. */
export function WithdrawAgreement({ slug, processId, agreementId, party, onDone }: { slug: string; processId: string; agreementId: string; party: string; onDone(c: Coordination): void }) {
  const { t } = useT();
  const id = `withdraw-${agreementId}`;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  if (!open) {
    return (
      <button ref={opener} type="button" className="button button-secondary" onClick={() => { setOpen(true); focusWhenRendered(() => document.getElementById(id)); }}>
        {t('coordination.withdraw', { party })}
      </button>
    );
  }
  const confirm = async () => {
    const problem = reasonProblem(reason, t);
    if (problem) {
      setError(problem);
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    try {
      onDone(await coordinationApi.withdraw(slug, processId, agreementId, reason.trim()));
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ReasonPrompt
      id={id}
      label={t('coordination.withdrawReason')}
      value={reason}
      onChange={setReason}
      error={error}
      confirmLabel={t('coordination.withdrawConfirm', { party })}
      busy={busy}
      rows={2}
      onConfirm={() => void confirm()}
      onCancel={() => { setOpen(false); setError(null); focusWhenRendered(() => opener.current); }}
    />
  );
}
