import { useState } from 'react';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatDate, formatDateTime } from '../../lib/format';
import { useStaffProcess } from '../../lib/process-context';
import type { Announcement } from '../../lib/api-types';
import { SuccessNotice } from '../../components/FormAlert';
import { Loaded } from '../../components/Loaded';
import { Page } from '../../components/PageHeader';
import { FileLinks } from '../files/FileLinks';
import { communicationApi } from './api';
import { AnnouncementForm, blank, draftOf, inputOf } from './AnnouncementForm';
import { said, type Said } from '../../lib/said';

/** Announcements of the process (the call, sessions, results): write, attach documents, publish or keep as draft. */
export function AnnouncementsAdminPage() {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  useDocumentTitle(t('announcementsAdmin.title'));
  const list = useResource(`announcements-admin:${slug}:${process.id}`, (signal) => communicationApi.announcements(slug, process.id, signal));
  const [editing, setEditing] = useState<Announcement | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const [rowError, setRowError] = useState<Said | null>(null);

  const togglePublished = async (a: Announcement) => {
    setRowError(null);
    try {
      await communicationApi.updateAnnouncement(slug, process.id, a.id, { ...inputOf(draftOf(a)), publish: !a.publishedAt });
      setSaved(a.publishedAt ? t('announcementsAdmin.withdrawn', { title: a.title }) : t('announcementsAdmin.published', { title: a.title }));
      list.reload();
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setRowError(cause);
    }
  };

  return (
    <Page eyebrow={process.name} title={t('announcementsAdmin.title')}>
      <SuccessNotice message={saved} />
      <section aria-labelledby="ann-form-title" className="card">
        <h2 id="ann-form-title">{editing ? t('announcementsAdmin.editTitle', { title: editing.title }) : t('announcementsAdmin.newTitle')}</h2>
        <AnnouncementForm
          key={`${editing?.id ?? 'new'}:${formKey}`}
          slug={slug}
          initial={editing ? draftOf(editing) : blank()}
          editing={Boolean(editing)}
          onCancel={editing ? () => setEditing(null) : undefined}
          onSubmit={async (draft) => {
            const body = inputOf(draft);
            if (editing) await communicationApi.updateAnnouncement(slug, process.id, editing.id, body);
            else await communicationApi.createAnnouncement(slug, process.id, body);
            setSaved(draft.publish ? t('announcementsAdmin.published', { title: body.title }) : t('announcementsAdmin.savedDraft', { title: body.title }));
            setEditing(null);
            setFormKey((n) => n + 1);
            list.reload();
          }}
        />
      </section>

      <section aria-labelledby="ann-list-title">
        <h2 id="ann-list-title">{t('announcementsAdmin.listTitle')}</h2>
        {rowError && (
          <p className="notice notice-error" role="alert">
            {said(rowError)}
          </p>
        )}
        <Loaded resource={list} errorTitle={t('process.announcements.loadError')}>
          {({ announcements }) => (
            <>
              {announcements.length === 0 && <p className="empty">{t('process.announcements.none')}</p>}
              <ul className="announcement-list">
                {announcements.map((a) => (
                  <AnnouncementCard key={a.id} slug={slug} announcement={a} onEdit={() => setEditing(a)} onToggle={() => void togglePublished(a)} />
                ))}
              </ul>
            </>
          )}
        </Loaded>
      </section>
    </Page>
  );
}

/** An announcement as staff see it: published or draft, its days, text and attachments; edit, publish or withdraw. */
function AnnouncementCard({ slug, announcement: a, onEdit, onToggle }: { slug: string; announcement: Announcement; onEdit(): void; onToggle(): void }) {
  const { t, language } = useT();
  return (
    <li className="card">
      <h3>{a.title}</h3>
      <p>
        <span className={`badge ${a.publishedAt ? 'badge-approved' : 'badge-pending'}`}>
          {a.publishedAt ? t('announcementsAdmin.statePublished') : t('announcementsAdmin.stateDraft')}
        </span>{' '}
        <span className="muted">
          {t('process.announcements.valid', { from: formatDate(a.startsOn, language, 'medium'), to: formatDate(a.endsOn, language, 'medium') })}
          {a.publishedAt && ` · ${t('announcementsAdmin.publishedAt', { when: formatDateTime(a.publishedAt, language) })}`}
        </span>
      </p>
      <p className="prewrap">{a.body}</p>
      {a.attachments.length > 0 && <FileLinks slug={slug} files={a.attachments} />}
      <p className="actions">
        <button type="button" className="button button-secondary" onClick={onEdit}>
          {t('announcementsAdmin.edit', { title: a.title })}
        </button>
        <button type="button" className="button button-secondary" onClick={onToggle}>
          {a.publishedAt ? t('announcementsAdmin.withdraw', { title: a.title }) : t('announcementsAdmin.publish', { title: a.title })}
        </button>
      </p>
    </li>
  );
}
