import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { communicationApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormErrors } from '../../lib/useFormErrors';
import { addDays, formatBytes, formatDate, formatDateTime, peruToday } from '../../lib/format';
import type { Announcement, Attachment } from '../../lib/prep-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { TextField } from '../../components/TextField';
import { CheckboxField, TextAreaField } from '../../components/fields';
import { FormAlert, SuccessNotice } from '../../components/FormAlert';
import { FileUpload } from '../files/FileUpload';
import { useStaffProcess } from '../../lib/process-context';
import { Page } from '../../components/PageHeader';

interface Draft {
  title: string;
  body: string;
  startsOn: string;
  endsOn: string;
  attachments: Attachment[];
  publish: boolean;
}

const blank = (): Draft => ({ title: '', body: '', startsOn: peruToday(), endsOn: addDays(peruToday(), 30), attachments: [], publish: true });

/** Announcements of the process (the call, sessions, results): write, attach documents, publish or keep as draft. */
export function AnnouncementsAdminPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  useDocumentTitle(t('announcementsAdmin.title'));
  const list = useResource(`announcements-admin:${slug}:${process.id}`, (signal) => communicationApi.announcements(slug, process.id, signal));
  const [editing, setEditing] = useState<Announcement | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);

  const toggle = async (a: Announcement) => {
    setRowError(null);
    try {
      await communicationApi.updateAnnouncement(slug, process.id, a.id, {
        title: a.title, body: a.body, startsOn: a.startsOn, endsOn: a.endsOn, attachmentIds: a.attachments.map((f) => f.id), publish: !a.publishedAt,
      });
      setSaved(a.publishedAt ? t('announcementsAdmin.withdrawn', { title: a.title }) : t('announcementsAdmin.published', { title: a.title }));
      list.reload();
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setRowError(cause.message);
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
          initial={
            editing
              ? { title: editing.title, body: editing.body, startsOn: editing.startsOn, endsOn: editing.endsOn, attachments: editing.attachments, publish: Boolean(editing.publishedAt) }
              : blank()
          }
          editing={Boolean(editing)}
          onCancel={editing ? () => setEditing(null) : undefined}
          onSubmit={async (draft) => {
            const body = {
              title: draft.title.trim(), body: draft.body.trim(), startsOn: draft.startsOn, endsOn: draft.endsOn,
              attachmentIds: draft.attachments.map((f) => f.id), publish: draft.publish,
            };
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
            {rowError}
          </p>
        )}
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && (
          <ErrorNotice title={t('process.announcements.loadError')} onRetry={list.reload}>
            <p>{list.error.message}</p>
          </ErrorNotice>
        )}
        {list.status === 'ok' && list.data.announcements.length === 0 && <p className="empty">{t('process.announcements.none')}</p>}
        {list.status === 'ok' && (
          <ul className="announcement-list">
            {list.data.announcements.map((a) => (
              <li key={a.id} className="card">
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
                {a.attachments.length > 0 && (
                  <ul className="file-list">
                    {a.attachments.map((f) => (
                      <li key={f.id}>
                        <a href={`/api/municipalities/${encodeURIComponent(slug)}/files/${encodeURIComponent(f.id)}`} download={f.filename}>
                          {f.filename}
                        </a>{' '}
                        <span className="muted">({formatBytes(f.sizeBytes, language)})</span>
                      </li>
                    ))}
                  </ul>
                )}
                <p className="actions">
                  <button type="button" className="button button-secondary" onClick={() => setEditing(a)}>
                    {t('announcementsAdmin.edit', { title: a.title })}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => void toggle(a)}>
                    {a.publishedAt ? t('announcementsAdmin.withdraw', { title: a.title }) : t('announcementsAdmin.publish', { title: a.title })}
                  </button>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}

function AnnouncementForm({
  slug,
  initial,
  editing,
  onSubmit,
  onCancel,
}: {
  slug: string;
  initial: Draft;
  editing: boolean;
  onSubmit(d: Draft): Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const [d, setD] = useState(initial);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  const set = <K extends keyof Draft>(k: K, value: Draft[K]) => setD((o) => ({ ...o, [k]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      'ann-title': d.title.trim().length < 3 ? t('announcementsAdmin.errors.title') : null,
      'ann-body': !d.body.trim() ? t('announcementsAdmin.errors.body') : null,
      'ann-startsOn': !d.startsOn ? t('processForm.errors.date') : null,
      'ann-endsOn': !d.endsOn ? t('processForm.errors.date') : d.endsOn < d.startsOn ? t('processForm.errors.endBeforeStart') : null,
    };
    if (form.showClientErrors(found)) return;
    setBusy(true);
    try {
      await onSubmit(d);
    } catch (cause) {
      form.showServerError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert id="ann-error" ref={form.alertRef} message={form.formError} />
      <TextField id="ann-title" data-field="title" label={t('announcementsAdmin.fieldTitle')} error={form.errors['ann-title']} value={d.title} onChange={(e) => set('title', e.target.value)} />
      <TextAreaField id="ann-body" data-field="body" label={t('announcementsAdmin.fieldBody')} error={form.errors['ann-body']} value={d.body} onChange={(e) => set('body', e.target.value)} rows={6} />
      <div className="field-row">
        <TextField id="ann-startsOn" data-field="startsOn" type="date" label={t('announcementsAdmin.startsOn')} error={form.errors['ann-startsOn']} value={d.startsOn} onChange={(e) => set('startsOn', e.target.value)} />
        <TextField id="ann-endsOn" data-field="endsOn" type="date" label={t('announcementsAdmin.endsOn')} error={form.errors['ann-endsOn']} value={d.endsOn} onChange={(e) => set('endsOn', e.target.value)} />
      </div>
      <FileUpload id="ann-files" slug={slug} label={t('announcementsAdmin.attachments')} files={d.attachments} onChange={(files) => set('attachments', files)} />
      <CheckboxField id="ann-publish" label={t('announcementsAdmin.publishNow')} hint={t('announcementsAdmin.publishHint')} checked={d.publish} onChange={(c) => set('publish', c)} />
      <p className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.saving') : editing ? t('common.save') : t('announcementsAdmin.create')}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}
