import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatDateTime } from '../../lib/format';
import { keepThisPageOffline } from '../../lib/offline/register';
import { offlineStore, type OfflineAction, type OfflineRoll } from '../../lib/offline/store';
import { Page } from '../../components/PageHeader';
import { TextField } from '../../components/TextField';
import { checkInOffline, rollKey, syncRoll, type SyncReport } from './offline';

type Note = { kind: 'ok' | 'error'; text: string } | null;

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/**
 * A training session's attendance on a phone without a signal: everything here reads and writes the phone's own
 * store (lib/offline/store.ts); the server is needed only to send. Opened once online (from the session's page), it
 * opens again offline, even after a reload (the service worker keeps the app and this screen's code).
 */
export function OfflineAttendancePage() {
  const { sessionId = '' } = useParams();
  const { t, language } = useT();
  const online = useOnline();
  const [roll, setRoll] = useState<OfflineRoll | null | undefined>(undefined);
  const [actions, setActions] = useState<OfflineAction[]>([]);
  const [dni, setDni] = useState('');
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [report, setReport] = useState<string | null>(null);
  useDocumentTitle(t('offlineAttendance.title'));

  const refresh = useCallback(async () => {
    const r = await offlineStore.roll(rollKey(sessionId));
    setRoll(r ?? null);
    setActions(r ? await offlineStore.actions(r.key) : []);
  }, [sessionId]);

  useEffect(() => {
    void refresh();
    if (navigator.onLine) void keepThisPageOffline();
  }, [refresh]);

  if (roll === undefined) return null;
  if (roll === null) {
    return (
      <Page title={t('offlineAttendance.title')}>
        {report && <p className="notice notice-success" role="status">{report}</p>}
        <p>{t('offlineAttendance.noRoll')}</p>
      </Page>
    );
  }

  const pending = actions.filter((a) => a.state === 'pending');
  const refused = actions.filter((a) => a.state === 'refused');
  const takenOn = formatDateTime(roll.takenAt, language);

  const record = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setReport(null);
    const result = await checkInOffline(roll, dni);
    if (result.ok) {
      setNote({ kind: 'ok', text: t('offlineAttendance.saved', { name: result.action.name }) });
      setDni('');
    } else {
      const text = result.reason === 'unknown_dni'
        ? t('offlineAttendance.unknownDni', { dni: dni.trim(), date: takenOn })
        : t(result.reason === 'already_here' ? 'offlineAttendance.alreadyHere' : 'offlineAttendance.alreadyPresent', { name: result.name });
      setNote({ kind: 'error', text });
    }
    await refresh();
    document.getElementById('off-dni')?.focus();
  };

  const send = async () => {
    setBusy(true);
    setNote(null);
    setReport(null);
    try {
      const done: SyncReport = await syncRoll(
        roll,
        (n, total) => setProgress(t('offlineAttendance.sending', { done: n, total })),
        (a) => t('offlineAttendance.auditReason', { at: formatDateTime(a.at, language), id: a.id }),
      );
      const left = await offlineStore.actions(roll.key);
      if (!done.interrupted && left.length === 0) {
        await offlineStore.clear(roll.key);
        setReport(`${t('offlineAttendance.report', { sent: done.sent, already: done.alreadyRecorded, refused: done.refused })} ${t('offlineAttendance.allSent')}`);
      } else {
        setReport(`${t('offlineAttendance.report', { sent: done.sent, already: done.alreadyRecorded, refused: done.refused })}${done.interrupted ? ` ${t('offlineAttendance.interrupted')}` : ''}`);
      }
    } finally {
      setProgress(null);
      setBusy(false);
      await refresh();
    }
  };

  const clear = async () => {
    if (pending.length > 0 && !window.confirm(t('offlineAttendance.clearConfirm', { count: pending.length }))) return;
    await offlineStore.clear(roll.key);
    setReport(t('offlineAttendance.cleared'));
    await refresh();
  };

  return (
    <Page
      eyebrow={t('offlineAttendance.title')}
      title={roll.session.topic}
      lead={t('offlineAttendance.intro')}
      header={
        <>
          <p>{roll.session.place} · {formatDateTime(roll.session.startsAt, language)}</p>
          <p className={online ? 'notice notice-success' : 'notice notice-warning'}>{online ? t('offlineAttendance.online') : t('offlineAttendance.offline')}</p>
          <p>{t('offlineAttendance.rollTaken', { count: roll.agents.length, date: takenOn })}</p>
        </>
      }
    >
      <form className="form card" noValidate onSubmit={(e) => void record(e)}>
        <TextField id="off-dni" label={t('offlineAttendance.dni')} inputMode="numeric" autoComplete="off" value={dni} onChange={(e) => setDni(e.target.value)} />
        <button type="submit" className="button">{t('offlineAttendance.record')}</button>
        <div role="status">{note?.kind === 'ok' && <p className="notice notice-success">{note.text}</p>}</div>
        <div role="alert">{note?.kind === 'error' && <p className="notice notice-error">{note.text}</p>}</div>
      </form>

      <section aria-labelledby="off-pending" className="card">
        <h2 id="off-pending">{t('offlineAttendance.pendingTitle')}</h2>
        <p id="off-count">{pending.length === 0 ? t('offlineAttendance.noPending') : t('offlineAttendance.pendingCount', { count: pending.length })}</p>
        {pending.length > 0 && (
          <ul className="entry-list">
            {pending.map((a) => (
              <li key={a.id} className="entry">{a.name} · {formatDateTime(a.at, language)}</li>
            ))}
          </ul>
        )}
        <p className="actions">
          <button type="button" className="button" disabled={!online || busy || pending.length === 0} onClick={() => void send()}>
            {t('offlineAttendance.send')}
          </button>
        </p>
        {!online && pending.length > 0 && <p>{t('offlineAttendance.sendOffline')}</p>}
        <div role="status">{progress && <p>{progress}</p>}{report && <p className="notice notice-success">{report}</p>}</div>
      </section>

      {refused.length > 0 && (
        <section aria-labelledby="off-refused" className="card">
          <h2 id="off-refused">{t('offlineAttendance.refusedTitle')}</h2>
          <p>{t('offlineAttendance.refusedHint')}</p>
          <ul className="entry-list">
            {refused.map((a) => (
              <li key={a.id} className="entry">
                <p className="entry-name">{a.name}</p>
                <p>{a.refusal?.messages[language] ?? ''}</p>
                <button type="button" className="button button-secondary" onClick={() => void offlineStore.remove(a.id).then(refresh)}>
                  {t('offlineAttendance.removeRefused', { name: a.name })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <p className="actions">
        <button type="button" className="button button-secondary" onClick={() => void clear()}>{t('offlineAttendance.clear')}</button>
        {online && <Link to={`/m/${roll.slug}/staff/p/${roll.processId}/trainings/${roll.session.id}`}>{t('offlineAttendance.backToSession')}</Link>}
      </p>
    </Page>
  );
}
