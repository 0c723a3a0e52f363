import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { said } from '../../lib/said';
import type { Attachment, OversightWorkspace } from '../../lib/api-types';
import { SelectField, TextAreaField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { FileUpload } from '../files/FileUpload';
import { oversightApi } from './api';

/** A committee member's observation on a tracked project, with photos (public, with the member's name). */
export function ObservationForm({ slug, workspace: ws, onDone }: { slug: string; workspace: OversightWorkspace; onDone(ws: OversightWorkspace): void }) {
  const { t } = useT();
  const f = useFormErrors();
  const [projectId, setProjectId] = useState('');
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<Attachment[]>([]);
  const send = () => void f.submit({
    'observation-project': projectId ? null : t('vigilance.errors.project'),
    'observation-text': text.trim().length < 10 ? t('vigilance.errors.text') : null,
  }, async () => {
    const answer = await oversightApi.observe(slug, ws.process.id, { projectId, observation: text.trim(), photoFileIds: photos.map((p) => p.id) });
    setProjectId(''); setText(''); setPhotos([]);
    onDone(answer.workspace);
  });
  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby="observation-title" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h2 id="observation-title">{t('vigilance.observeTitle')}</h2>
      <p className="field-hint">{t('vigilance.observeHint')}</p>
      <FormAlert id="observation-alert" ref={f.alertRef} message={f.formError} />
      <SelectField id="observation-project" data-field="projectId" label={t('vigilance.projectLabel')} value={projectId} placeholder={t('vigilance.pickProject')}
        onChange={(e) => setProjectId(e.target.value)} error={f.errors['observation-project']}
        options={ws.projects.map((p) => ({ value: p.id, label: t('vigilance.numbered', { number: p.number, title: p.title }) }))} />
      <TextAreaField id="observation-text" data-field="observation" label={t('vigilance.observationLabel')} value={text}
        onChange={(e) => setText(e.target.value)} error={f.errors['observation-text']} />
      <div data-field="photoFileIds">
        <FileUpload id="observation-photos" slug={slug} label={t('vigilance.photosLabel')} files={photos} onChange={setPhotos} accept="image/png,image/jpeg,image/webp" />
        {f.errors['observation-photos'] && <p className="field-error">{said(f.errors['observation-photos'])}</p>}
      </div>
      <p className="actions"><button type="submit" className="button" disabled={f.busy}>{t('vigilance.observe')}</button></p>
    </form>
  );
}
