import { useState } from 'react';
import { useT } from '../../../i18n';
import { useFormErrors } from '../../../lib/useFormErrors';
import { useResource } from '../../../lib/useResource';
import type { RegistrationLists } from '../../../lib/api-types';
import { FormAlert, SuccessNotice } from '../../../components/FormAlert';
import { CheckboxField } from '../../../components/fields';
import { FormActions } from '../../../components/FormActions';
import { ReasonField, reasonProblem } from '../../../components/ReasonField';
import { membershipsApi } from '../../memberships/api';
import { registrationApi } from '../api';

const COMMISSION_ROLES = ['administrator', 'technical_team', 'facilitator'];

/** The accreditation commission: its members' names for everyone; the administrator names them (staff page). */
export function CommissionSection({ slug, processId, lists, editable, onSaved }: {
  slug: string; processId: string; lists: RegistrationLists; editable: boolean; onSaved(): void;
}) {
  const { t } = useT();
  return (
    <section aria-labelledby="commission-title">
      <h2 id="commission-title">{t('lists.commission.title')}</h2>
      {lists.commission.length === 0 ? (
        <p>{t('lists.commission.none')}</p>
      ) : (
        <ul>
          {lists.commission.map((m) => <li key={m.userId}>{m.name}</li>)}
        </ul>
      )}
      {editable && <CommissionForm slug={slug} processId={processId} current={lists.commission.map((m) => m.userId)} onSaved={onSaved} />}
    </section>
  );
}

function CommissionForm({ slug, processId, current, onSaved }: { slug: string; processId: string; current: string[]; onSaved(): void }) {
  const { t } = useT();
  const members = useResource(`members:${slug}`, (signal) => membershipsApi.members(slug, signal));
  const { formRef, alertRef, errors, formError, busy, submit } = useFormErrors();
  const [chosen, setChosen] = useState<string[]>(current);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  if (members.status !== 'ok') return null;
  const eligible = members.data.members.filter((m) => m.roles.some((r) => COMMISSION_ROLES.includes(r)));
  return (
    <form ref={formRef} noValidate onSubmit={(e) => {
      e.preventDefault();
      setSaved(null);
      void submit({ 'commission-reason': reasonProblem(reason, t) }, async () => {
        await registrationApi.setCommission(slug, processId, { userIds: chosen, reason: reason.trim() });
        setReason('');
        setSaved(t('lists.commission.saved'));
        onSaved();
      });
    }}>
      <FormAlert id="commission-alert" ref={alertRef} message={formError} />
      <fieldset className="fieldset-plain">
        <legend className="field-label">{t('lists.commission.legend')}</legend>
        {eligible.map((m, i) => (
          <CheckboxField
            key={m.userId}
            id={i === 0 ? 'commission-members' : `commission-${m.userId}`}
            dataField={i === 0 ? 'userIds' : undefined}
            label={m.name}
            checked={chosen.includes(m.userId)}
            error={i === 0 ? errors['commission-members'] : undefined}
            onChange={(on) => setChosen(on ? [...chosen, m.userId] : chosen.filter((id) => id !== m.userId))}
          />
        ))}
      </fieldset>
      <ReasonField id="commission-reason" value={reason} onChange={setReason} error={errors['commission-reason']} hint={t('lists.commission.reasonHint')} />
      <FormActions busy={busy} submitLabel={t('lists.commission.submit')} />
      <SuccessNotice message={saved} />
    </form>
  );
}
