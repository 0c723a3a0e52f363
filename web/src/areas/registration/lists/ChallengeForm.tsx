import { useState } from 'react';
import { useT } from '../../../i18n';
import { useFormErrors } from '../../../lib/useFormErrors';
import { FormAlert } from '../../../components/FormAlert';
import { CHALLENGE_GROUNDS, type ChallengeGround, type RegistrationLists } from '../../../lib/api-types';
import { RadioGroup, SelectField, TextAreaField } from '../../../components/fields';
import { FormActions } from '../../../components/FormActions';
import { filesApi } from '../../files/api';
import { registrationApi } from '../api';
import { said } from '../../../lib/said';

/** An approved agent challenges one registration on the list: grounds, reason, and optionally a document as evidence. */
export function ChallengeForm({ slug, processId, lists, onFiled }: { slug: string; processId: string; lists: RegistrationLists; onFiled(): void }) {
  const { t } = useT();
  const { formRef, alertRef, errors, formError, busy, submit } = useFormErrors();
  const [target, setTarget] = useState('');
  const [grounds, setGrounds] = useState<ChallengeGround | ''>('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState(false);
  const candidates = lists.registrations.filter((r) => r.listed && !(r.type === 'agent' && r.id === lists.myAgentId));

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setDone(false);
    void submit(
      {
        'ch-target': target ? null : t('lists.challenge.errors.target'),
        'ch-grounds': grounds ? null : t('lists.challenge.errors.grounds'),
        'ch-reason': reason.trim().length >= 10 ? null : t('lists.challenge.errors.reason'),
      },
      async () => {
        const [targetType, targetId] = target.split(':') as ['agent' | 'organization', string];
        const evidence = file ? await filesApi.uploadEvidence(slug, file) : null;
        await registrationApi.challenge(slug, processId, { targetType, targetId, grounds: grounds as ChallengeGround, reason: reason.trim(), evidenceFileId: evidence?.id ?? null });
        setTarget('');
        setGrounds('');
        setReason('');
        setFile(null);
        setDone(true);
        onFiled();
      },
    );
  };

  return (
    <section aria-labelledby="challenge-form-title">
      <h2 id="challenge-form-title">{t('lists.challenge.title')}</h2>
      <p>{t('lists.challenge.intro')}</p>
      {done && <p role="status" className="notice notice-success">{t('lists.challenge.filed')}</p>}
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <FormAlert id={`ch-alert`} ref={alertRef} message={formError} />
        <SelectField
          id="ch-target"
          data-field="targetId targetType"
          label={t('lists.challenge.target')}
          placeholder={t('lists.challenge.choose')}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          error={errors['ch-target']}
          options={candidates.map((r) => ({ value: `${r.type}:${r.id}`, label: `${r.name} (${t(r.type === 'agent' ? 'lists.list.agent' : 'lists.list.organization')})` }))}
        />
        <RadioGroup
          id="ch-grounds"
          name="ch-grounds"
          dataField="grounds"
          legend={t('lists.challenge.grounds')}
          value={grounds}
          onChange={(v) => setGrounds(v as ChallengeGround)}
          error={errors['ch-grounds']}
          options={CHALLENGE_GROUNDS.map((g) => ({ value: g, label: t(`lists.grounds.${g}`) }))}
        />
        <TextAreaField
          id="ch-reason"
          data-field="reason"
          label={t('lists.challenge.reason')}
          hint={t('lists.challenge.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors['ch-reason']}
          rows={4}
        />
        <div className={`field${errors['ch-evidence'] ? ' field-invalid' : ''}`}>
          <label htmlFor="ch-evidence" className="field-label">{t('lists.challenge.evidence')}</label>
          <div id="ch-evidence-hint" className="field-hint">{t('lists.challenge.evidenceHint')}</div>
          {errors['ch-evidence'] && <p id="ch-evidence-error" className="field-error">{said(errors['ch-evidence'])}</p>}
          <input
            id="ch-evidence"
            type="file"
            data-field="file evidenceFileId"
            aria-describedby={`ch-evidence-hint${errors['ch-evidence'] ? ' ch-evidence-error' : ''}`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <FormActions busy={busy} submitLabel={t('lists.challenge.submit')} busyLabel={t('common.sending')} />
      </form>
    </section>
  );
}
