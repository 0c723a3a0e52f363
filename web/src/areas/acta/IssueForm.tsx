import { useState } from 'react';
import type { IssuedActa } from '@concerta/contracts';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { FormAlert } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { actaApi } from './api';

/** Issue the Acta: its content is frozen and hashed; a correction (any issue after the first) needs its reason. */
export function IssueForm({ slug, processId, correction, onDone }: { slug: string; processId: string; correction: boolean; onDone(a: IssuedActa): void }) {
  const { t } = useT();
  const f = useFormErrors();
  const [reason, setReason] = useState('');
  const send = () => {
    void f.submit({ 'acta-issue-reason': correction ? reasonProblem(reason, t) : null }, async () => {
      onDone(await actaApi.issue(slug, processId, correction ? { reason: reason.trim() } : {}));
      setReason('');
    });
  };
  return (
    <form ref={f.formRef} noValidate aria-labelledby="acta-issue-title" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <p>{correction ? t('acta.correctHint') : t('acta.issueHint')}</p>
      <FormAlert id="acta-issue-alert" ref={f.alertRef} message={f.formError} />
      {correction && <ReasonField id="acta-issue-reason" label={t('acta.correctionReason')} value={reason} onChange={setReason} error={f.errors['acta-issue-reason']} />}
      <p className="actions">
        <button type="submit" className="button" disabled={f.busy}>{correction ? t('acta.issueCorrection') : t('acta.issue')}</button>
      </p>
    </form>
  );
}
