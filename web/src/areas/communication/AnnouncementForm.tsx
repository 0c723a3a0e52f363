import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { addDays, peruToday } from '../../lib/format';
import type { Announcement, Attachment } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { CheckboxField, TextAreaField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { FormActions } from '../../components/FormActions';
import { FileUpload } from '../files/FileUpload';

interface Draft {
  title: string;
  body: string;
  startsOn: string;
  endsOn: string;
  attachments: Attachment[];
  publish: boolean;
}

export const blank = (): Draft => ({ title: '', body: '', startsOn: peruToday(), endsOn: addDays(peruToday(), 30), attachments: [], publish: true });

/** An announcement as the form edits it. */
export function draftOf(a: Announcement): Draft {
  return { title: a.title, body: a.body, startsOn: a.startsOn, endsOn: a.endsOn, attachments: a.attachments, publish: Boolean(a.publishedAt) };
}

/** What the API takes for a draft. */
export function inputOf(d: Draft) {
  return {
    title: d.title.trim(),
    body: d.body.trim(),
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    attachmentIds: d.attachments.map((f) => f.id),
    publish: d.publish,
  };
}

/** An announcement: title, text, the days it is shown, attachments, and whether it is published now. */
export function AnnouncementForm({
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
  const form = useFormErrors();
  const set = <K extends keyof Draft>(k: K, value: Draft[K]) => setD((o) => ({ ...o, [k]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.submit(
      {
        'ann-title': d.title.trim().length < 3 ? t('announcementsAdmin.errors.title') : null,
        'ann-body': !d.body.trim() ? t('announcementsAdmin.errors.body') : null,
        'ann-startsOn': !d.startsOn ? t('processForm.errors.date') : null,
        'ann-endsOn': !d.endsOn ? t('processForm.errors.date') : d.endsOn < d.startsOn ? t('processForm.errors.endBeforeStart') : null,
      },
      () => onSubmit(d),
    );
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
      <FormActions busy={form.busy} submitLabel={editing ? t('common.save') : t('announcementsAdmin.create')} onCancel={onCancel} />
    </form>
  );
}
