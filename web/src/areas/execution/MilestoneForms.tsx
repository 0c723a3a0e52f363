import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { peruToday } from '../../lib/format';
import type { Attachment, ExecutionProject } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { SelectField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { FileUpload } from '../files/FileUpload';
import { executionApi } from './api';
import { said } from '../../lib/said';

interface Props { slug: string; processId: string; project: ExecutionProject; onDone(p: ExecutionProject, message: string): void }

/** An administrator adds a milestone: its name, planned date, and the actual date if already reached. */
export function AddMilestone({ slug, processId, project: p, onDone }: Props) {
  const { t } = useT();
  const f = useFormErrors();
  const [name, setName] = useState('');
  const [plannedOn, setPlannedOn] = useState('');
  const [actualOn, setActualOn] = useState('');
  const send = () => void f.submit({
    'milestone-name': name.trim().length < 3 ? t('execution.errors.milestoneName') : null,
    'milestone-planned': plannedOn ? null : t('execution.errors.date'),
  }, async () => {
    const answer = await executionApi.addMilestone(slug, processId, p.id, { name: name.trim(), plannedOn, actualOn: actualOn || null });
    setName(''); setPlannedOn(''); setActualOn('');
    onDone(answer, t('execution.milestoneAdded'));
  });
  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby="milestone-title" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h2 id="milestone-title">{t('execution.addMilestone')}</h2>
      <FormAlert id="milestone-alert" ref={f.alertRef} message={f.formError} />
      <TextField id="milestone-name" data-field="name" label={t('execution.milestone')} value={name} onChange={(e) => setName(e.target.value)} error={f.errors['milestone-name']} />
      <TextField id="milestone-planned" data-field="plannedOn" type="date" label={t('execution.planned')} value={plannedOn} onChange={(e) => setPlannedOn(e.target.value)} error={f.errors['milestone-planned']} />
      <TextField id="milestone-actual" data-field="actualOn" type="date" max={peruToday()} label={t('execution.actualOptional')} value={actualOn} onChange={(e) => setActualOn(e.target.value)} error={f.errors['milestone-actual']} />
      <p className="actions"><button type="submit" className="button button-secondary" disabled={f.busy}>{t('execution.addMilestone')}</button></p>
    </form>
  );
}

/** An administrator records that a milestone was reached (or plans it again), saying why. */
export function ReachMilestone({ slug, processId, project: p, onDone }: Props) {
  const { t } = useT();
  const f = useFormErrors();
  const open = p.milestones.filter((m) => m.actualOn === null);
  const [milestoneId, setMilestoneId] = useState('');
  const [actualOn, setActualOn] = useState(peruToday());
  const [reason, setReason] = useState('');
  if (open.length === 0) return null;
  const send = () => void f.submit({
    'reach-milestone': milestoneId ? null : t('execution.errors.milestone'),
    'reach-actual': actualOn ? null : t('execution.errors.date'),
    'reach-reason': reasonProblem(reason, t),
  }, async () => {
    const m = open.find((x) => x.id === milestoneId)!;
    const answer = await executionApi.updateMilestone(slug, processId, p.id, m.id, { name: m.name, plannedOn: m.plannedOn, actualOn, reason: reason.trim() });
    setMilestoneId(''); setReason('');
    onDone(answer, t('execution.milestoneReached'));
  });
  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby="reach-title" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h2 id="reach-title">{t('execution.reachMilestone')}</h2>
      <FormAlert id="reach-alert" ref={f.alertRef} message={f.formError} />
      <SelectField id="reach-milestone" label={t('execution.milestone')} value={milestoneId} placeholder={t('execution.choose')} onChange={(e) => setMilestoneId(e.target.value)}
        error={f.errors['reach-milestone']} options={open.map((m) => ({ value: m.id, label: `${m.name} (${m.plannedOn})` }))} />
      <TextField id="reach-actual" data-field="actualOn" type="date" max={peruToday()} label={t('execution.actual')} value={actualOn} onChange={(e) => setActualOn(e.target.value)} error={f.errors['reach-actual']} />
      <ReasonField id="reach-reason" value={reason} onChange={setReason} error={f.errors['reach-reason']} />
      <p className="actions"><button type="submit" className="button button-secondary" disabled={f.busy}>{t('execution.saveMilestone')}</button></p>
    </form>
  );
}

/** An administrator adds a photo or a document of the works; it is public from then on. */
export function AddDocument({ slug, processId, project: p, onDone }: Props) {
  const { t } = useT();
  const f = useFormErrors();
  const [files, setFiles] = useState<Attachment[]>([]);
  const [kind, setKind] = useState<'photo' | 'document'>('photo');
  const [caption, setCaption] = useState('');
  const send = () => {
    const file = files.at(-1);
    void f.submit({
      'document-file': file ? null : t('execution.errors.file'),
      'document-caption': caption.trim().length < 3 ? t('execution.errors.caption') : null,
    }, async () => {
      const answer = await executionApi.addDocument(slug, processId, p.id, { fileId: file!.id, kind, caption: caption.trim() });
      setFiles([]); setCaption('');
      onDone(answer, t('execution.documentAdded'));
    });
  };
  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby="document-title" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h2 id="document-title">{t('execution.addDocument')}</h2>
      <FormAlert id="document-alert" ref={f.alertRef} message={f.formError} />
      <div id="document-file" data-field="fileId" tabIndex={-1}>
        <FileUpload id="document-upload" slug={slug} label={t('execution.fileLabel')} files={files} onChange={setFiles} accept="image/*,application/pdf" />
        {f.errors['document-file'] && <p className="field-error" role="alert">{said(f.errors['document-file'])}</p>}
      </div>
      <SelectField id="document-kind" data-field="kind" label={t('execution.kindLabel')} value={kind} onChange={(e) => setKind(e.target.value as 'photo' | 'document')}
        options={(['photo', 'document'] as const).map((k) => ({ value: k, label: t(`execution.kind.${k}`) }))} />
      <TextField id="document-caption" data-field="caption" label={t('execution.caption')} value={caption} onChange={(e) => setCaption(e.target.value)} error={f.errors['document-caption']} />
      <p className="actions"><button type="submit" className="button button-secondary" disabled={f.busy}>{t('execution.addDocument')}</button></p>
    </form>
  );
}
