import { useRef, useState } from 'react';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { focusWhenRendered } from '../../lib/focus';
import type { Proposal } from '../../lib/api-types';
import { ReasonPrompt } from '../../components/ReasonPrompt';
import { proposalsApi } from './api';

/** Its authors withdraw a proposal, saying why; it stays published, marked withdrawn. */
export function WithdrawProposal({ slug, proposal, onDone }: { slug: string; proposal: Proposal; onDone(p: Proposal): void }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  if (!open) {
    return (
      <button ref={opener} type="button" className="button button-secondary" onClick={() => { setOpen(true); focusWhenRendered(() => document.getElementById('withdraw-reason')); }}>
        {t('proposals.withdraw')}
      </button>
    );
  }
  const confirm = async () => {
    if (reason.trim().length < 3) {
      setError(t('proposals.withdrawReasonError'));
      document.getElementById('withdraw-reason')?.focus();
      return;
    }
    setBusy(true);
    try {
      onDone(await proposalsApi.withdraw(slug, proposal.processId, proposal.id, reason.trim()));
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ReasonPrompt
      id="withdraw-reason"
      label={t('proposals.withdrawReason')}
      value={reason}
      onChange={setReason}
      error={error}
      confirmLabel={t('proposals.withdrawConfirm', { number: proposal.number })}
      busy={busy}
      rows={2}
      onConfirm={() => void confirm()}
      onCancel={() => { setOpen(false); setError(null); focusWhenRendered(() => opener.current); }}
    />
  );
}
