import { useState } from 'react';
import { useT } from '../../i18n';
import { isApiError, type ApiError } from '../../lib/api';
import type { Decision } from '../../lib/api-types';
import { ReasonPrompt } from '../ReasonPrompt';
import { RefusalNotice } from '../QuotaRefusal';
import { focusWhenRendered } from '../../lib/focus';
import { said, type Said } from '../../lib/said';

/**
 * Approve or reject one pending registration. Rejecting asks for the reason first (the applicant and the public
 * registry see it). A refusal from the server shows here, beside the registration it concerns; a quota refusal
 * with its numbers.
 */
export function DecisionControls({
  id,
  name,
  onDecide,
}: {
  id: string;
  name: string;
  onDecide(decision: Decision, reason: string | null): Promise<void>;
}) {
  const { t } = useT();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<Said | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const decide = async (decision: Decision, why: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await onDecide(decision, why);
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      if (cause.field === 'reason') {
        setReasonError(cause);
        document.getElementById(`${id}-reason`)?.focus();
      } else {
        setError(cause);
        focusWhenRendered(() => document.getElementById(`${id}-refusal`));
      }
    } finally {
      setBusy(false);
    }
  };

  const confirmReject = () => {
    if (reason.trim().length < 3) {
      setReasonError(t('decision.reasonRequired'));
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setReasonError(null);
    void decide('reject', reason.trim());
  };

  return (
    <div className="decision-controls">
      {error && <RefusalNotice error={error} id={`${id}-refusal`} />}
      {!rejecting ? (
        <p className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void decide('approve', null)}>
            {t('decision.approve', { name })}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => {
              setRejecting(true);
              focusWhenRendered(() => document.getElementById(`${id}-reason`));
            }}
          >
            {t('decision.reject', { name })}
          </button>
        </p>
      ) : (
        <ReasonPrompt
          id={`${id}-reason`}
          label={t('decision.reasonLabel', { name })}
          hint={t('decision.reasonHint')}
          error={reasonError}
          value={reason}
          onChange={setReason}
          rows={3}
          confirmLabel={t('decision.confirmReject')}
          busy={busy}
          onConfirm={confirmReject}
          onCancel={() => setRejecting(false)}
        />
      )}
    </div>
  );
}
