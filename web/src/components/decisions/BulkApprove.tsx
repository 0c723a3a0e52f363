import { useState } from 'react';
import { useT } from '../../i18n';
import { isApiError, type ApiError } from '../../lib/api';
import { focusWhenRendered } from '../../lib/focus';
import { RefusalNotice } from '../QuotaRefusal';

/**
 * Tick all the pending items of the page (or none), then approve the ticked ones at once: all or nothing, so a
 * refusal (a quota, say) is shown above the buttons and nothing was approved. Each approved person is told, so the
 * button first says how many will be approved and notified, and asks again.
 */
export function BulkApprove({
  pendingIds,
  selected,
  onSelectAll,
  onClear,
  approve,
}: {
  pendingIds: string[];
  selected: ReadonlySet<string>;
  onSelectAll(ids: string[]): void;
  onClear(): void;
  approve(ids: string[]): Promise<void>;
}) {
  const { t } = useT();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const all = selected.size === pendingIds.length;

  const run = async () => {
    setBusy(true);
    setError(null);
    setConfirming(false);
    try {
      await approve([...selected]);
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause);
      focusWhenRendered(() => document.getElementById('bulk-refusal'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="bulk-bar">
      {error && <RefusalNotice error={error} id="bulk-refusal" />}
      <p className="actions">
        <button type="button" className="button button-secondary" onClick={() => (all ? onClear() : onSelectAll(pendingIds))}>
          {all ? t('decisionList.selectNone') : t('decisionList.selectAll', { count: pendingIds.length })}
        </button>
        <button
          type="button"
          className="button"
          id="bulk-approve"
          disabled={selected.size === 0 || busy}
          aria-expanded={confirming}
          onClick={() => {
            setConfirming(true);
            focusWhenRendered(() => document.getElementById('bulk-confirm'));
          }}
        >
          {t('decisionList.bulkApprove', { count: selected.size })}
        </button>
      </p>
      {confirming && selected.size > 0 && (
        <div className="notice notice-warning">
          <p>{t('decisionList.confirmBulk', { count: selected.size })}</p>
          <p className="actions">
            <button type="button" className="button" id="bulk-confirm" disabled={busy} onClick={() => void run()}>
              {t('decisionList.confirmBulkButton', { count: selected.size })}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setConfirming(false);
                focusWhenRendered(() => document.getElementById('bulk-approve'));
              }}
            >
              {t('common.cancel')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
