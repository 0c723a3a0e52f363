import { useState } from 'react';
import { useT } from '../../i18n';
import { DNI_PATTERN } from '../../lib/credentials';
import { AGE_BANDS, SEXES, type Agent, type AgentInput, type Zone } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { RadioGroup, SelectField } from '../../components/fields';
import { RegistrationFormFrame } from './RegistrationFormFrame';

export interface AgentFormValues {
  dni: string;
  fullName: string;
  sex: string;
  ageBand: string;
  zoneId: string;
  phone: string;
  email: string;
  organizationId: string;
  /** With an organization: 'titular', 'substitute' or '' (no role). */
  delegateRole: string;
}

export const emptyAgent: AgentFormValues = { dni: '', fullName: '', sex: '', ageBand: '', zoneId: '', phone: '', email: '', organizationId: '', delegateRole: '' };

/** A registration as the form edits it. */
export function agentValues(a: Agent): AgentFormValues {
  return {
    dni: a.dni,
    fullName: a.fullName,
    sex: a.sex,
    ageBand: a.ageBand,
    zoneId: a.zone.id,
    phone: a.phone ?? '',
    email: a.email ?? '',
    organizationId: a.organization?.id ?? '',
    delegateRole: a.delegateRole ?? '',
  };
}

function toAgentInput(v: AgentFormValues): AgentInput {
  return {
    dni: v.dni.replace(/[\s-]/g, ''),
    fullName: v.fullName.trim(),
    sex: v.sex as AgentInput['sex'],
    ageBand: v.ageBand as AgentInput['ageBand'],
    zoneId: v.zoneId,
    phone: v.phone.trim() ? v.phone.trim() : null,
    email: v.email.trim() ? v.email.trim() : null,
    organizationId: v.organizationId || null,
    delegateRole: v.organizationId && v.delegateRole ? (v.delegateRole as 'titular' | 'substitute') : null,
  };
}

/**
 * The form of a participating agent's registration: the person's own (online), a correction while pending, or a
 * facilitator's at a face-to-face registration day. Checked here first, in plain words; the server checks again
 * and its errors show next to the field they name.
 */
export function AgentForm({
  idPrefix = 'agent',
  initial,
  zones,
  organizations,
  dniLocked = false,
  dniHint,
  submitLabel,
  submittingLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix?: string;
  initial: AgentFormValues;
  zones: Zone[];
  organizations: { id: string; name: string }[];
  dniLocked?: boolean;
  dniHint?: string;
  submitLabel: string;
  submittingLabel: string;
  onSubmit(values: AgentInput): Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const [values, setValues] = useState<AgentFormValues>(initial);
  const id = (f: keyof AgentFormValues) => `${idPrefix}-${f}`;
  const set = (f: keyof AgentFormValues) => (value: string) => setValues((v) => ({ ...v, [f]: value }));

  return (
    <RegistrationFormFrame
      idPrefix={idPrefix}
      apiFields={{ zone: 'zoneId zone', phone: 'phone', email: 'email' }}
      zones={zones}
      zoneHint={t('agentForm.zoneHint')}
      contactLegend={t('agentForm.contact')}
      personal
      values={values}
      onChange={(field, value) => set(field)(value)}
      check={() => {
        const dni = values.dni.replace(/[\s-]/g, '');
        return {
          [id('dni')]: !dni ? t('agentForm.errors.dniRequired') : !DNI_PATTERN.test(dni) ? t('agentForm.errors.dni') : null,
          [id('fullName')]: values.fullName.trim().length < 3 ? t('agentForm.errors.fullName') : null,
          [id('sex')]: !values.sex ? t('agentForm.errors.sex') : null,
          [id('ageBand')]: !values.ageBand ? t('agentForm.errors.ageBand') : null,
        };
      }}
      send={() => onSubmit(toAgentInput(values))}
      submitLabel={submitLabel}
      busyLabel={submittingLabel}
      onCancel={onCancel}
      after={(errors) => (
        <>
          <SelectField
            id={id('organizationId')}
            data-field="organizationId organization"
            label={t('agentForm.organization')}
            hint={organizations.length > 0 ? t('agentForm.organizationHint') : t('agentForm.noOrganizations')}
            error={errors[id('organizationId')]}
            value={values.organizationId}
            onChange={(e) => set('organizationId')(e.target.value)}
            placeholder={t('agentForm.notDelegate')}
            options={organizations.map((o) => ({ value: o.id, label: o.name }))}
          />
          {values.organizationId && (
            <RadioGroup
              id={id('delegateRole')}
              name={id('delegateRole')}
              dataField="delegateRole"
              legend={t('agentForm.delegateRole')}
              hint={t('agentForm.delegateRoleHint')}
              value={values.delegateRole}
              onChange={set('delegateRole')}
              error={errors[id('delegateRole')]}
              inline
              options={[
                { value: 'titular', label: t('agentForm.delegateRoles.titular') },
                { value: 'substitute', label: t('agentForm.delegateRoles.substitute') },
              ]}
            />
          )}
        </>
      )}
    >
      {(errors) => (
        <>
          <TextField
            id={id('dni')}
            data-field="dni"
            label={t('agentForm.dni')}
            hint={dniHint ?? t('agentForm.dniHint')}
            error={errors[id('dni')]}
            value={values.dni}
            onChange={(e) => set('dni')(e.target.value)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            readOnly={dniLocked}
            required
          />
          <TextField
            id={id('fullName')}
            data-field="fullName"
            label={t('agentForm.fullName')}
            hint={t('agentForm.fullNameHint')}
            error={errors[id('fullName')]}
            value={values.fullName}
            onChange={(e) => set('fullName')(e.target.value)}
            autoComplete="name"
            required
          />
          <RadioGroup
            id={id('sex')}
            dataField="sex"
            name={`${idPrefix}-sex`}
            legend={t('agentForm.sex')}
            hint={t('agentForm.sexHint')}
            value={values.sex}
            onChange={set('sex')}
            error={errors[id('sex')]}
            inline
            options={SEXES.map((s) => ({ value: s, label: t(`sex.${s}`) }))}
          />
          <RadioGroup
            id={id('ageBand')}
            dataField="ageBand"
            name={`${idPrefix}-ageBand`}
            legend={t('agentForm.ageBand')}
            value={values.ageBand}
            onChange={set('ageBand')}
            error={errors[id('ageBand')]}
            inline
            options={AGE_BANDS.map((b) => ({ value: b, label: t(`ageBand.${b}`) }))}
          />
        </>
      )}
    </RegistrationFormFrame>
  );
}
