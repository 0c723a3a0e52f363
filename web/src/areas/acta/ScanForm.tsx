import { said } from '../../lib/said';
import { useState } from 'react';
import type { IssuedActa } from '@concerta/contracts';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import type { Attachment } from '../../lib/api-types';
import { FormAlert } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { FileUpload } from '../files/FileUpload';
import { actaApi } from './api';

/** Attach the scan of the signed paper Acta to an issued version (public once attached); replacing one needs a reason. */
export function ScanForm({ slug, processId, version, replacing, onDone }: { slug: string; processId: string; version: number; replacing: boolean; onDone(a: IssuedActa): void }) {
  const { t } = useT();
  const f = useFormErrors();
  const [files, setFiles] = useState<Attachment[]>([]);
  const [reason, setReason] = useState('');
  const id = (part: string) => `acta-scan-${version}-${part}`;
  const send = () => {
    const file = files.at(-1);
    void f.submit({ [id('file')]: file ? null : t('acta.errors.scan'), [id('reason')]: replacing ? reasonProblem(reason, t) : null }, async () => {
      onDone(await actaApi.attachScan(slug, processId, version, { fileId: file!.id, ...(replacing ? { reason: reason.trim() } : {}) }));
      setFiles([]);
      setReason('');
    });
  };
  return (
    <form ref={f.formRef} noValidate aria-label={t('acta.scanTitle', { version })} onSubmit={(e) => { e.preventDefault(); send(); }}>
      <FormAlert id={id('alert')} ref={f.alertRef} message={f.formError} />
      <div>
        <FileUpload id={id('file')} slug={slug} label={replacing ? t('acta.scanReplaceLabel', { version }) : t('acta.scanLabel', { version })} files={files} onChange={setFiles} accept="application/pdf,image/*" />
        {f.errors[id('file')] && <p className="field-error">{said(f.errors[id('file')])}</p>}
      </div>
      {replacing && <ReasonField id={id('reason')} value={reason} onChange={setReason} error={f.errors[id('reason')]} />}
      <p className="actions">
        <button type="submit" className="button button-secondary" disabled={f.busy}>{replacing ? t('acta.replaceScan', { version }) : t('acta.attachScan', { version })}</button>
      </p>
    </form>
  );
}
