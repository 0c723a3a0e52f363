import { useState } from 'react';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { trainingApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatBytes, formatDate } from '../../lib/format';
import type { TrainingSession } from '../../lib/prep-types';
import { useProcessContext } from '../../lib/process-context';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';

/** Training sessions: when (Peru time), where, the topic, and the briefing materials to download. */
export function TrainingsPage() {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  useDocumentTitle(t('training.title'));
  const list = useResource(`trainings:${slug}:${process.id}`, (signal) => trainingApi.trainings(slug, process.id, signal));

  return (
    <Page eyebrow={process.name} title={t('training.title')}>
      <Loaded resource={list} errorTitle={t('training.loadError')}>
        {(data) => (
          <>
            <p className="lead">
              {data.rules.trainingRequiredToVote
                ? t('process.rules.trainingRequired', { count: data.rules.minTrainingSessions })
                : t('process.rules.trainingNotRequired')}
            </p>
            {data.sessions.length === 0 ? (
              <p className="empty">{t('training.none')}</p>
            ) : (
              <ul className="session-list">
                {data.sessions.map((s) => (
                  <SessionCard key={s.id} session={s} slug={slug} processId={process.id} />
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}

export function SessionWhen({ session: s }: { session: TrainingSession }) {
  const { t, language } = useT();
  return (
    <>
      {t('training.when', { date: formatDate(s.localDate, language), from: s.localStartTime, to: s.localEndTime })}
    </>
  );
}

/** On the session's day, a signed-in agent with a DNI on their account can record their own attendance. */
function SelfCheckIn({ slug, processId, sessionId }: { slug: string; processId: string; sessionId: string }) {
  const { t } = useT();
  const { user } = useSession();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!user?.dni) return null;
  const checkIn = async () => {
    setBusy(true);
    try {
      const answer = await trainingApi.checkIn(slug, processId, sessionId, user.dni!);
      setMessage({ ok: true, text: answer.recorded ? t('training.selfCheckedIn') : t('training.selfAlready') });
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setMessage({ ok: false, text: cause.message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="self-check-in">
      <button type="button" className="button" disabled={busy} onClick={() => void checkIn()}>
        {t('training.selfCheckIn')}
      </button>
      <p role="status" className={message ? (message.ok ? 'notice notice-success' : 'notice notice-error') : 'visually-hidden'}>
        {message?.text}
      </p>
    </div>
  );
}

function SessionCard({ session: s, slug, processId }: { session: TrainingSession; slug: string; processId: string }) {
  const { t, language } = useT();
  const id = `session-${s.id}`;
  return (
    <li className="card" aria-labelledby={id}>
      <h2 id={id} className="h3">
        {s.topic}
      </h2>
      <dl className="details">
        <dt>{t('training.date')}</dt>
        <dd>
          <SessionWhen session={s} />{' '}
          <span className={`badge badge-session-${s.status}`}>{t(`training.status.${s.status}`)}</span>
        </dd>
        <dt>{t('training.place')}</dt>
        <dd>{s.place}</dd>
        <dt>{t('training.facilitator')}</dt>
        <dd>{s.facilitator.name}</dd>
        <dt>{t('training.zone')}</dt>
        <dd>{s.zone ? s.zone.name : t('training.allZones')}</dd>
        <dt>{t('training.attendance')}</dt>
        <dd>{t('training.attendanceCount', { count: s.attendanceCount })}</dd>
      </dl>
      {s.checkInOpen && <SelfCheckIn slug={slug} processId={processId} sessionId={s.id} />}
      <h3 className="h4">{t('training.materials')}</h3>
      {s.materials.length === 0 ? (
        <p>{t('training.noMaterials')}</p>
      ) : (
        <ul className="file-list">
          {s.materials.map((f) => (
            <li key={f.id}>
              <a href={f.url.startsWith('/') ? f.url : `/api/municipalities/${encodeURIComponent(slug)}/files/${encodeURIComponent(f.id)}`} download={f.filename}>
                {f.filename}
              </a>{' '}
              <span className="muted">({formatBytes(f.sizeBytes, language)})</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
