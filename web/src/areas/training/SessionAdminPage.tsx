import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { trainingApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { foldForSearch } from '../../lib/text';
import { formatDateTime } from '../../lib/format';
import type { Attachment } from '../../lib/prep-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { TextField } from '../../components/TextField';
import { SuccessNotice } from '../../components/FormAlert';
import { FileUpload } from '../files/FileUpload';
import { SessionWhen } from './TrainingsPage';
import { useStaffProcess } from '../../lib/process-context';
import { focusWhenRendered } from '../../lib/focus';
import { Loaded } from '../../components/Loaded';

const SHOWN = 60;

/** One training session on its day: materials, check-in by DNI, and the attendance checklist of approved agents. */
export function SessionAdminPage() {
  const { slug, process } = useStaffProcess();
  const { sessionId = '' } = useParams();
  const { t, language } = useT();
  const attendance = useResource(`attendance:${slug}:${process.id}:${sessionId}`, (signal) => trainingApi.attendance(slug, process.id, sessionId, signal));
  const roster = useResource(`training-status:${slug}:${process.id}`, (signal) => trainingApi.trainingStatus(slug, process.id, signal));
  const [saved, setSaved] = useState<string | null>(null);
  const [materialError, setMaterialError] = useState<string | null>(null);
  useDocumentTitle(attendance.status === 'ok' ? attendance.data.session.topic : t('trainingsAdmin.title'));

  if (attendance.status === 'loading') return <Loading />;
  if (attendance.status === 'error') {
    return (
      <ErrorNotice title={t('training.loadError')} onRetry={attendance.reload}>
        <p>{attendance.error.message}</p>
      </ErrorNotice>
    );
  }
  const { session, attendees } = attendance.data;
  const reloadAll = (message: string) => {
    setSaved(message);
    attendance.reload();
    roster.reload();
  };

  const setMaterials = async (files: Attachment[]) => {
    setMaterialError(null);
    try {
      const added = files.filter((f) => !session.materials.some((m) => m.id === f.id));
      const removed = session.materials.filter((m) => !files.some((f) => f.id === m.id));
      for (const f of added) await trainingApi.attachMaterial(slug, process.id, session.id, f.id);
      for (const f of removed) await trainingApi.detachMaterial(slug, process.id, session.id, f.id);
      reloadAll(t('sessionAdmin.materialsSaved'));
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setMaterialError(cause.message);
    }
  };

  return (
    <article aria-labelledby="page-title">
      <header className="page-header">
        <p className="eyebrow">
          <Link to={`/m/${slug}/staff/p/${process.id}/trainings`}>{t('trainingsAdmin.title')}</Link>
        </p>
        <h1 id="page-title">{session.topic}</h1>
        <p>
          <SessionWhen session={session} /> · {session.place} · {session.facilitator.name}
        </p>
        <p>
          <span className={`badge badge-session-${session.status}`}>{t(`training.status.${session.status}`)}</span>{' '}
          {t('training.attendanceCount', { count: session.attendanceCount })}
        </p>
      </header>
      <SuccessNotice message={saved} />

      <section aria-labelledby="checkin-title" className="card">
        <h2 id="checkin-title">{t('sessionAdmin.checkInTitle')}</h2>
        <p>{session.checkInOpen ? t('sessionAdmin.checkInOpen') : t('sessionAdmin.checkInClosed')}</p>
        <CheckIn sessionId={session.id} onDone={reloadAll} />
      </section>

      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t('sessionAdmin.checklistTitle')}</h2>
        <Loaded resource={roster} errorTitle={t('sessionAdmin.rosterError')}>
          {(data) => (
            <Checklist
              sessionId={session.id}
              agents={data.agents.map((a) => ({ id: a.agentId, name: a.fullName, dni: a.dni, zone: a.zone.name, org: a.organizationName }))}
              recorded={new Map(attendees.map((a) => [a.agentId, a]))}
              onDone={reloadAll}
            />
          )}
        </Loaded>
      </section>

      <section aria-labelledby="present-title">
        <h2 id="present-title">{t('sessionAdmin.presentTitle', { count: attendees.length })}</h2>
        {attendees.length === 0 ? (
          <p>{t('sessionAdmin.nobody')}</p>
        ) : (
          <ul className="member-list">
            {attendees.map((a) => (
              <li key={a.agentId}>
                <strong>{a.fullName}</strong> — {a.zone.name} — {t(`sessionAdmin.method.${a.method}`)},{' '}
                {t('sessionAdmin.recordedBy', { who: a.recordedByName, when: formatDateTime(a.recordedAt, language) })}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={async () => {
                    try {
                      await trainingApi.removeAttendance(slug, process.id, session.id, a.agentId, t('sessionAdmin.removeReason'));
                      reloadAll(t('sessionAdmin.removed', { name: a.fullName }));
                    } catch (cause) {
                      if (!isApiError(cause)) throw cause;
                      setSaved(cause.message);
                    }
                  }}
                >
                  {t('sessionAdmin.remove', { name: a.fullName })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="materials-title" className="card">
        <h2 id="materials-title">{t('training.materials')}</h2>
        {materialError && (
          <p className="notice notice-error" role="alert">
            {materialError}
          </p>
        )}
        {session.materials.length === 0 && <p>{t('training.noMaterials')}</p>}
        <FileUpload
          id="session-materials"
          slug={slug}
          label={t('sessionAdmin.addMaterials')}
          files={session.materials}
          onChange={(files) => void setMaterials(files)}
        />
      </section>
    </article>
  );
}

function CheckIn({ sessionId, onDone }: { sessionId: string; onDone(message: string): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const [dni, setDni] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clean = dni.replace(/[\s-]/g, '');
    if (!/^\d{8}$/.test(clean)) {
      setError(t('agentForm.errors.dni'));
      document.getElementById('checkin-dni')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await trainingApi.checkIn(slug, process.id, sessionId, clean);
      setDni('');
      onDone(
        answer.recorded
          ? t('sessionAdmin.checkedIn', { name: answer.agent.fullName, count: answer.attendanceCount })
          : t('sessionAdmin.alreadyIn', { name: answer.agent.fullName }),
      );
      document.getElementById('checkin-dni')?.focus();
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause.message);
      document.getElementById('checkin-dni')?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate className="search-row" onSubmit={submit}>
      <TextField
        id="checkin-dni"
        label={t('sessionAdmin.dni')}
        error={error}
        value={dni}
        onChange={(e) => setDni(e.target.value)}
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('sessionAdmin.checkIn')}
      </button>
    </form>
  );
}

interface RosterAgent {
  id: string;
  name: string;
  dni: string;
  zone: string;
  org: string | null;
}

function Checklist({
  sessionId,
  agents,
  recorded,
  onDone,
}: {
  sessionId: string;
  agents: RosterAgent[];
  recorded: Map<string, unknown>;
  onDone(message: string): void;
}) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const [filter, setFilter] = useState('');
  const query = foldForSearch(useDeferredValue(filter));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const matches = useMemo(
    () => agents.filter((a) => !query || foldForSearch(a.name).includes(query) || a.dni.startsWith(query)),
    [agents, query],
  );
  const shown = matches.slice(0, SHOWN);

  const record = async () => {
    setBusy(true);
    setError(null);
    try {
      const ids = [...selected];
      const answer = await trainingApi.recordAttendance(slug, process.id, sessionId, { agentIds: ids });
      setSelected(new Set());
      onDone(t('sessionAdmin.recorded', { count: answer.added.length, total: answer.attendanceCount }));
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause.message);
      focusWhenRendered(() => document.getElementById('checklist-error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="checklist">
      <div className="field search-field">
        <label htmlFor="checklist-filter" className="field-label">
          {t('sessionAdmin.filter')}
        </label>
        <p id="checklist-filter-hint" className="field-hint">
          {t('sessionAdmin.filterHint')}
        </p>
        <input
          id="checklist-filter"
          className="input"
          type="search"
          autoComplete="off"
          aria-describedby="checklist-filter-hint checklist-count"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <p id="checklist-count" role="status" className="result-count">
        {t('sessionAdmin.matches', { count: matches.length, shown: shown.length })}
      </p>
      {error && (
        <div id="checklist-error" className="notice notice-error" role="alert" tabIndex={-1}>
          <p>{error}</p>
        </div>
      )}
      <ul className="check-list">
        {shown.map((a) => {
          const present = recorded.has(a.id);
          return (
            <li key={a.id}>
              <input
                type="checkbox"
                id={`att-${a.id}`}
                checked={present || selected.has(a.id)}
                disabled={present}
                onChange={(e) =>
                  setSelected((old) => {
                    const next = new Set(old);
                    if (e.target.checked) next.add(a.id);
                    else next.delete(a.id);
                    return next;
                  })
                }
              />
              <label htmlFor={`att-${a.id}`}>
                <span className="entry-name">{a.name}</span>{' '}
                <span className="muted">
                  DNI {a.dni} · {a.zone}
                  {a.org ? ` · ${a.org}` : ''}
                  {present ? ` · ${t('sessionAdmin.present')}` : ''}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <p className="actions sticky-actions">
        <button type="button" className="button" disabled={selected.size === 0 || busy} onClick={() => void record()}>
          {t('sessionAdmin.record', { count: selected.size })}
        </button>
      </p>
    </div>
  );
}
