import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { said } from '../../lib/said';
import type { Attachment, OversightWorkspace } from '../../lib/api-types';
import { TextAreaField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { FileUpload } from '../files/FileUpload';
import { oversightApi, type OversightRequest } from './api';

/** The municipality's answer to one request for information, with documents; given once. */
export function AnswerForm({ slug, processId, request: r, onDone }: { slug: string; processId: string; request: OversightRequest; onDone(ws: OversightWorkspace): void }) {
  const { t } = useT();
  const f = useFormErrors();
  const [text, setText] = useState('');
  const [documents, setDocuments] = useState<Attachment[]>([]);
  const id = (part: string) => `answer-${r.id}-${part}`;
  const send = () => void f.submit({ [id('text')]: text.trim().length < 10 ? t('vigilance.errors.text') : null }, async () => {
    const next = await oversightApi.answer(slug, processId, r.id, { response: text.trim(), documentFileIds: documents.map((d) => d.id) });
    setText(''); setDocuments([]);
    onDone(next);
  });
  return (
    <form ref={f.formRef} noValidate aria-label={t('vigilance.answerTitle')} onSubmit={(e) => { e.preventDefault(); send(); }}>
      <FormAlert id={id('alert')} ref={f.alertRef} message={f.formError} />
      <TextAreaField id={id('text')} data-field="response" label={t('vigilance.answerLabel')} value={text} onChange={(e) => setText(e.target.value)} error={f.errors[id('text')]} />
      <div data-field="documentFileIds">
        <FileUpload id={id('documents')} slug={slug} label={t('vigilance.documentsLabel')} files={documents} onChange={setDocuments} />
        {f.errors[id('documents')] && <p className="field-error">{said(f.errors[id('documents')])}</p>}
      </div>
      <p className="actions"><button type="submit" className="button" disabled={f.busy}>{t('vigilance.sendAnswer')}</button></p>
    </form>
  );
}
