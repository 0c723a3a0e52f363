import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import { SuccessNotice } from '../../components/FormAlert';
import { Loaded } from '../../components/Loaded';
import { Page } from '../../components/PageHeader';
import { workshopsApi } from './api';
import { WorkshopForm } from './WorkshopForm';
import { WorkshopBadges, WorkshopScope, WorkshopWhen } from './WorkshopWhen';

/** The process's workshops for staff: schedule one, open one to take attendance, sign its minutes and type the room's votes. */
export function WorkshopsAdminPage() {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  useDocumentTitle(t('workshopsAdmin.title'));
  const list = useResource(`workshops:${slug}:${process.id}`, (signal) => workshopsApi.list(slug, process.id, signal));
  const [saved, setSaved] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <Page eyebrow={process.name} title={t('workshopsAdmin.title')}>
      <SuccessNotice message={saved} />
      <section aria-labelledby="workshops-title">
        <h2 id="workshops-title">{t('workshopsAdmin.list')}</h2>
        <Loaded resource={list} errorTitle={t('workshops.loadError')}>
          {({ workshops, open }) => (
            <>
              {!open && <p className="notice">{t('workshopsAdmin.closed')}</p>}
              {workshops.length === 0 ? (
                <p className="empty">{t('workshops.none')}</p>
              ) : (
                <ul className="entry-list">
                  {workshops.map((w) => (
                    <li key={w.id} className="entry">
                      <p className="entry-head">
                        <Link className="entry-name" to={`/m/${slug}/staff/p/${process.id}/workshops/${w.id}`}>
                          {w.title}
                        </Link>{' '}
                        <WorkshopBadges workshop={w} />
                      </p>
                      <p className="entry-meta">
                        <WorkshopWhen workshop={w} /> · {w.place} · <WorkshopScope workshop={w} /> ·{' '}
                        {t('workshops.attendanceCount', { count: w.attendanceCount })}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </Loaded>
      </section>
      <section aria-labelledby="new-workshop-title" className="card">
        <h2 id="new-workshop-title">{t('workshopsAdmin.newTitle')}</h2>
        <WorkshopForm
          key={formKey}
          onSaved={(w) => {
            setSaved(t('workshopsAdmin.created', { title: w.title }));
            setFormKey((n) => n + 1);
            list.reload();
          }}
        />
      </section>
    </Page>
  );
}
