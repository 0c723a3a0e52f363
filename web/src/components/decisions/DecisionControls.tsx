import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { isApiError, type ApiError } from '../../lib/api';
import type { Decision } from '../../lib/prep-types';
import { TextAreaField } from '../fields';
import { RefusalNotice } from '../QuotaRefusal';
import { focusWhenRendered } from '../../lib/focus';

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
  const [reasonError, setReasonError] = useState<string | null>(null);
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
        setReasonError(cause.message);
        document.getElementById(`${id}-reason`)?.focus();
      } else {
        setError(cause);
        focusWhenRendered(() => document.getElementById(`${id}-refusal`));
      }
    } finally {
      setBusy(false);
    }
  };

  const confirmReject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
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
        <form noValidate onSubmit={confirmReject} className="reject-form">
          <TextAreaField
            id={`${id}-reason`}
            label={t('decision.reasonLabel', { name })}
            hint={t('decision.reasonHint')}
            error={reasonError}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
          />
          <p className="actions">
            <button type="submit" className="button button-danger" disabled={busy}>
              {t('decision.confirmReject')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </button>
          </p>
        </form>
      )}
    </div>
  );
}
