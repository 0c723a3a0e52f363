import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { peruToday } from '../../lib/format';
import type { ApprovalChain } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { RadioGroup, TextAreaField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { approvalApi } from './api';

/** Record the next session of the chain (the CCL's, or the council's once the CCL approved): approved, or returned with observations. */
export function SessionForm({ slug, processId, body, onDone }: { slug: string; processId: string; body: 'ccl' | 'council'; onDone(c: ApprovalChain): void }) {
  const { t, language } = useT();
  const f = useFormErrors();
  const [heldOn, setHeldOn] = useState(peruToday());
  const [reference, setReference] = useState('');
  const [decision, setDecision] = useState<'approved' | 'returned'>('approved');
  const [observations, setObservations] = useState('');
  const [reason, setReason] = useState('');
  const send = () => void f.submit({
    'session-held': heldOn ? null : t('approval.errors.heldOn'),
    'session-reference': reference.trim().length < 3 ? t('approval.errors.reference') : null,
    'session-observations': decision === 'returned' && observations.trim().length === 0 ? t('approval.errors.observations') : null,
    'session-reason': reasonProblem(reason, t),
  }, async () => {
    const c = await approvalApi.recordSession(slug, processId, language, {
      body, heldOn, reference: reference.trim(), decision, observations: decision === 'returned' ? observations.trim() : null, reason: reason.trim(),
    });
    setReference(''); setObservations(''); setReason(''); setDecision('approved');
    onDone(c);
  });
  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby="session-title" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h2 id="session-title">{t(`approval.sessionTitle.${body}`)}</h2>
      <p>{t(`approval.sessionHint.${body}`)}</p>
      <FormAlert id="session-alert" ref={f.alertRef} message={f.formError} />
      <TextField id="session-held" data-field="heldOn" type="date" max={peruToday()} label={t('approval.heldOnLabel')} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} error={f.errors['session-held']} />
      <TextField id="session-reference" data-field="reference" label={t('approval.reference')} hint={t('approval.referenceHint')} value={reference} onChange={(e) => setReference(e.target.value)} error={f.errors['session-reference']} />
      <RadioGroup id="session-decision" name="session-decision" legend={t('approval.decisionLabel')} value={decision} onChange={(v) => setDecision(v as 'approved' | 'returned')} dataField="decision"
        options={[{ value: 'approved', label: t('approval.decisionOption.approved') }, { value: 'returned', label: t('approval.decisionOption.returned') }]} />
      {decision === 'returned' && (
        <TextAreaField id="session-observations" data-field="observations" label={t('approval.observations')} hint={t('approval.observationsHint')} value={observations}
          onChange={(e) => setObservations(e.target.value)} error={f.errors['session-observations']} />
      )}
      <ReasonField id="session-reason" value={reason} onChange={setReason} error={f.errors['session-reason']} />
      <p className="actions">
        <button type="submit" className="button" disabled={f.busy}>{t(`approval.recordSession.${body}`)}</button>
      </p>
    </form>
  );
}
