import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { useStaffProcess } from '../../lib/process-context';
import type { AttendanceEntry } from '../../lib/api-types';
import { CheckboxField, TextAreaField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { workshopsApi } from './api';
import { said } from '../../lib/said';

/**
 * The minutes, written after the session: a summary, one agreement per line, and the attendees who sign. Signed
 * minutes do not change: saving again makes a new version, which needs its reason; every version stays public.
 */
export function MinutesForm({ workshopId, attendees, correcting, onSigned }: {
  workshopId: string; attendees: AttendanceEntry[]; correcting: boolean; onSigned(): void;
}) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const [summary, setSummary] = useState('');
  const [agreements, setAgreements] = useState('');
  const [signers, setSigners] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const form = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      'mn-summary': summary.trim().length < 10 ? t('workshopsAdmin.errors.summary') : null,
      'mn-signers': signers.size === 0 ? t('workshopsAdmin.errors.signers') : null,
      'mn-reason': correcting ? reasonProblem(reason, t) : null,
    };
    void form.submit(found, async () => {
      await workshopsApi.signMinutes(slug, process.id, workshopId, {
        summary: summary.trim(),
        agreements: agreements.split('\n').map((a) => a.trim()).filter(Boolean),
        signerAgentIds: [...signers],
        ...(correcting ? { reason: reason.trim() } : {}),
      });
      onSigned();
    });
  };

  if (attendees.length === 0) return <p>{t('workshopsAdmin.minutesNeedAttendance')}</p>;
  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert id="mn-error" ref={form.alertRef} message={form.formError} />
      <TextAreaField id="mn-summary" data-field="summary" label={t('workshopsAdmin.summary')} error={form.errors['mn-summary']} value={summary} onChange={(e) => setSummary(e.target.value)} />
      <TextAreaField id="mn-agreements" data-field="agreements" label={t('workshops.agreements')} hint={t('workshopsAdmin.agreementsHint')} error={form.errors['mn-agreements']} value={agreements} onChange={(e) => setAgreements(e.target.value)} />
      <fieldset className="fieldset" id="mn-signers" data-field="signerAgentIds" aria-describedby={form.errors['mn-signers'] ? 'mn-signers-error' : undefined} tabIndex={-1}>
        <legend>{t('workshops.signers')}</legend>
        {form.errors['mn-signers'] && (
          <p id="mn-signers-error" className="field-error">
            {said(form.errors['mn-signers'])}
          </p>
        )}
        {attendees.map((a) => (
          <CheckboxField
            key={a.agentId}
            id={`signer-${a.agentId}`}
            label={a.fullName}
            checked={signers.has(a.agentId)}
            onChange={(checked) => {
              const next = new Set(signers);
              if (checked) next.add(a.agentId);
              else next.delete(a.agentId);
              setSigners(next);
            }}
          />
        ))}
      </fieldset>
      {correcting && <ReasonField id="mn-reason" value={reason} onChange={setReason} error={form.errors['mn-reason']} />}
      <button type="submit" className="button" disabled={form.busy}>
        {form.busy ? t('common.saving') : correcting ? t('workshopsAdmin.correctMinutes') : t('workshopsAdmin.signMinutes')}
      </button>
    </form>
  );
}
