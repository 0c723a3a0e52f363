import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n';
import { isApiError, type ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { offlineStore } from '../../lib/offline/store';
import { RefusalNotice } from '../../components/QuotaRefusal';
import { rollKey, takeRoll } from './offline';

/** On a session's page: take its roll to this phone and open the screen that works without a signal. */
export function OfflinePrepare({ slug, processId, sessionId }: { slug: string; processId: string; sessionId: string }) {
  const { t, language } = useT();
  const navigate = useNavigate();
  const [takenAt, setTakenAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const offlinePath = `/offline/trainings/${sessionId}`;

  useEffect(() => {
    void offlineStore.roll(rollKey(sessionId)).then((r) => setTakenAt(r?.takenAt ?? null), () => setTakenAt(null));
  }, [sessionId]);

  const prepare = async () => {
    setBusy(true);
    setError(null);
    try {
      await takeRoll(slug, processId, sessionId);
      await navigate(offlinePath);
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="offline-title" className="card">
      <h2 id="offline-title">{t('offlineAttendance.prepareTitle')}</h2>
      <p>{t('offlineAttendance.prepareHint')}</p>
      {error && <RefusalNotice error={error} id="offline-refusal" />}
      {takenAt && <p>{t('offlineAttendance.prepared', { date: formatDateTime(takenAt, language) })} <Link to={offlinePath}>{t('offlineAttendance.openOffline')}</Link></p>}
      <p className="actions">
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void prepare()}>
          {busy ? t('offlineAttendance.preparing') : t('offlineAttendance.prepare')}
        </button>
      </p>
    </section>
  );
}
