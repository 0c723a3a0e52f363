import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import { SuccessNotice } from '../../components/FormAlert';
import { Loaded } from '../../components/Loaded';
import { Page } from '../../components/PageHeader';
import { trainingApi } from './api';
import { SessionForm } from './SessionForm';
import { SessionBadge, SessionWhen } from './SessionWhen';

/** Training sessions of the process: schedule one (invitations go to the approved agents), open one to take attendance. */
export function TrainingsAdminPage() {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  useDocumentTitle(t('trainingsAdmin.title'));
  const list = useResource(`trainings:${slug}:${process.id}`, (signal) => trainingApi.trainings(slug, process.id, signal));
  const [saved, setSaved] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <Page eyebrow={process.name} title={t('trainingsAdmin.title')}>
      <SuccessNotice message={saved} />
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('trainingsAdmin.sessions')}</h2>
        <Loaded resource={list} errorTitle={t('training.loadError')}>
          {({ sessions }) =>
            sessions.length === 0 ? (
              <p className="empty">{t('training.none')}</p>
            ) : (
              <ul className="entry-list">
                {sessions.map((s) => (
                  <li key={s.id} className="entry">
                    <p className="entry-head">
                      <Link className="entry-name" to={`/m/${slug}/staff/p/${process.id}/trainings/${s.id}`}>
                        {s.topic}
                      </Link>{' '}
                      <SessionBadge session={s} />
                    </p>
                    <p className="entry-meta">
                      <SessionWhen session={s} /> · {s.place} · {t('training.attendanceCount', { count: s.attendanceCount })}
                    </p>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <section aria-labelledby="new-session-title" className="card">
        <h2 id="new-session-title">{t('trainingsAdmin.newTitle')}</h2>
        <SessionForm
          key={formKey}
          onCreated={(topic, queued) => {
            setSaved(t('trainingsAdmin.created', { topic, count: queued }));
            setFormKey((n) => n + 1);
            list.reload();
          }}
        />
      </section>
    </Page>
  );
}
