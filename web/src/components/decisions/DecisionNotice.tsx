import { useState } from 'react';
import { useT } from '../../i18n';
import { isApiError, type ApiError } from '../../lib/api';
import { RefusalNotice } from '../QuotaRefusal';

/**
 * What a decision did, kept in view at the foot of the screen (on a phone the list's top is far above), with "Undo"
 * for the decision just taken and a button to close it. The sentence is a live region: a screen reader hears it.
 */
export function DecisionNotice({
  message,
  undo,
  undoLabel,
  onClose,
}: {
  message: string | null;
  undo: (() => Promise<void>) | null;
  undoLabel: string;
  onClose(): void;
}) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const runUndo = async () => {
    if (!undo) return;
    setBusy(true);
    setError(null);
    try {
      await undo();
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={message ? 'notice notice-success notice-floating' : 'visually-hidden'}>
      <div role="status">{message && <p>{message}</p>}</div>
      {error && <RefusalNotice error={error} id="decision-undo-refusal" />}
      {message && (
        <p className="actions">
          {undo && (
            <button type="button" className="button button-secondary" id="decision-undo" disabled={busy} aria-label={undoLabel} onClick={() => void runUndo()}>
              {t('decision.undo')}
            </button>
          )}
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('decision.closeNotice')}
          </button>
        </p>
      )}
    </div>
  );
}
