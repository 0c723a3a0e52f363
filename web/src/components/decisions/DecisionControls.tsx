import { useState } from 'react';
import { useT } from '../../i18n';
import { isApiError, type ApiError } from '../../lib/api';
import type { Decision } from '../../lib/api-types';
import { ReasonPrompt } from '../ReasonPrompt';
import { RefusalNotice } from '../QuotaRefusal';
import { focusWhenRendered } from '../../lib/focus';
import type { Said } from '../../lib/said';

type Mode = 'approve' | 'reject' | 'revert';

/**
 * Decide one registration, or revert the decision taken on it. Every decision tells the person, so each asks first:
 * approving takes an optional note, rejecting and reverting a reason (the applicant sees it; the audit log keeps it).
 * A refusal from the server shows here, beside the registration it concerns; a quota refusal with its numbers.
 */
export function DecisionControls({
  id,
  name,
  onDecide,
  onRevert,
}: {
  id: string;
  name: string;
  /** Set for a pending item the viewer may decide. */
  onDecide: ((decision: Decision, reason: string | null) => Promise<void>) | null;
  /** Set for a decided item whose decision the viewer may revert. */
  onRevert: ((reason: string) => Promise<void>) | null;
}) {
  const { t } = useT();
  const [mode, setMode] = useState<Mode | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<Said | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = `${id}-reason`;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      if (cause.field === 'reason') {
        setReasonError(cause);
        document.getElementById(reasonId)?.focus();
      } else {
        setError(cause);
        focusWhenRendered(() => document.getElementById(`${id}-refusal`));
      }
    } finally {
      setBusy(false);
    }
  };

  const open = (next: Mode) => {
    setMode(next);
    setReason('');
    setReasonError(null);
    focusWhenRendered(() => document.getElementById(reasonId));
  };
  const close = () => {
    setMode(null);
    focusWhenRendered(() => document.getElementById(`${id}-${mode === 'revert' ? 'revert' : mode === 'reject' ? 'reject' : 'approve'}`));
  };

  const confirm = () => {
    const why = reason.trim();
    if (mode !== 'approve' && why.length < 3) {
      setReasonError(mode === 'revert' ? t('decision.revertRequired') : t('decision.reasonRequired'));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonError(null);
    if (mode === 'revert' && onRevert) void run(() => onRevert(why));
    else if (mode && mode !== 'revert' && onDecide) void run(() => onDecide(mode, why || null));
  };

  if (!onDecide && !onRevert) return null;
  const prompt = mode && {
    approve: { label: t('decision.approveNoteLabel', { name }), hint: t('decision.notifyHint'), confirm: t('decision.confirmApprove'), tone: 'primary' as const },
    reject: { label: t('decision.reasonLabel', { name }), hint: t('decision.reasonHint'), confirm: t('decision.confirmReject'), tone: 'danger' as const },
    revert: { label: t('decision.revertLabel', { name }), hint: t('decision.revertHint'), confirm: t('decision.confirmRevert'), tone: 'danger' as const },
  }[mode];

  return (
    <div className="decision-controls">
      {error && <RefusalNotice error={error} id={`${id}-refusal`} />}
      {prompt ? (
        <ReasonPrompt
          id={reasonId}
          label={prompt.label}
          hint={prompt.hint}
          error={reasonError}
          value={reason}
          onChange={setReason}
          rows={mode === 'approve' ? 2 : 3}
          confirmLabel={prompt.confirm}
          tone={prompt.tone}
          busy={busy}
          onConfirm={confirm}
          onCancel={close}
        />
      ) : onDecide ? (
        <p className="actions">
          <button type="button" id={`${id}-approve`} className="button" disabled={busy} onClick={() => open('approve')}>
            {t('decision.approve', { name })}
          </button>
          <button type="button" id={`${id}-reject`} className="button button-secondary" disabled={busy} onClick={() => open('reject')}>
            {t('decision.reject', { name })}
          </button>
        </p>
      ) : (
        <p className="actions">
          <button type="button" id={`${id}-revert`} className="button button-secondary" disabled={busy} onClick={() => open('revert')}>
            {t('decision.revert', { name })}
          </button>
        </p>
      )}
    </div>
  );
}
