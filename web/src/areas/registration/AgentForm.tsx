import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { DNI_PATTERN } from '../../lib/credentials';
import { useFormErrors } from '../../lib/useFormErrors';
import { AGE_BANDS, SEXES, type AgentInput, type Zone } from '../../lib/prep-types';
import { TextField } from '../../components/TextField';
import { RadioGroup, SelectField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';

/** Must match the server (src/registration/registration-fields.ts PHONE_PATTERN, after removing spaces and +51). */
const PHONE_PATTERN = /^(9\d{8}|\d{6,7})$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalisePhone(raw: string): string {
  return raw.replace(/[\s\-().]/g, '').replace(/^(\+51|0051)(?=\d{9}$)/, '');
}

export interface AgentFormValues {
  dni: string;
  fullName: string;
  sex: string;
  ageBand: string;
  zoneId: string;
  phone: string;
  email: string;
  organizationId: string;
}

export const emptyAgent: AgentFormValues = { dni: '', fullName: '', sex: '', ageBand: '', zoneId: '', phone: '', email: '', organizationId: '' };

export function toAgentInput(v: AgentFormValues): AgentInput {
  return {
    dni: v.dni.replace(/[\s-]/g, ''),
    fullName: v.fullName.trim(),
    sex: v.sex as AgentInput['sex'],
    ageBand: v.ageBand as AgentInput['ageBand'],
    zoneId: v.zoneId,
    phone: v.phone.trim() ? v.phone.trim() : null,
    email: v.email.trim() ? v.email.trim() : null,
    organizationId: v.organizationId || null,
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
  const [submitting, setSubmitting] = useState(false);
  const form = useFormErrors();
  const id = (f: keyof AgentFormValues) => `${idPrefix}-${f}`;
  const set = (f: keyof AgentFormValues) => (value: string) => setValues((v) => ({ ...v, [f]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const dni = values.dni.replace(/[\s-]/g, '');
    const phone = normalisePhone(values.phone);
    const found: Record<string, string | null> = {
      [id('dni')]: !dni ? t('agentForm.errors.dniRequired') : !DNI_PATTERN.test(dni) ? t('agentForm.errors.dni') : null,
      [id('fullName')]: values.fullName.trim().length < 3 ? t('agentForm.errors.fullName') : null,
      [id('sex')]: !values.sex ? t('agentForm.errors.sex') : null,
      [id('ageBand')]: !values.ageBand ? t('agentForm.errors.ageBand') : null,
      [id('zoneId')]: !values.zoneId ? t('agentForm.errors.zone') : null,
      [id('phone')]:
        !values.phone.trim() && !values.email.trim()
          ? t('agentForm.errors.contact')
          : values.phone.trim() && !PHONE_PATTERN.test(phone)
            ? t('agentForm.errors.phone')
            : null,
      [id('email')]: values.email.trim() && !EMAIL_PATTERN.test(values.email.trim()) ? t('agentForm.errors.email') : null,
    };
    if (form.showClientErrors(found)) return;
    setSubmitting(true);
    try {
      await onSubmit(toAgentInput(values));
    } catch (cause) {
      form.showServerError(cause);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert id={`${idPrefix}-form-error`} ref={form.alertRef} message={form.formError} />
      <TextField
        id={id('dni')}
        data-field="dni"
        label={t('agentForm.dni')}
        hint={dniHint ?? t('agentForm.dniHint')}
        error={form.errors[id('dni')]}
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
        error={form.errors[id('fullName')]}
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
        error={form.errors[id('sex')]}
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
        error={form.errors[id('ageBand')]}
        inline
        options={AGE_BANDS.map((b) => ({ value: b, label: t(`ageBand.${b}`) }))}
      />
      <SelectField
        id={id('zoneId')}
        data-field="zoneId zone"
        label={t('agentForm.zone')}
        hint={t('agentForm.zoneHint')}
        error={form.errors[id('zoneId')]}
        value={values.zoneId}
        onChange={(e) => set('zoneId')(e.target.value)}
        placeholder={t('common.choose')}
        options={zones.map((z) => ({ value: z.id, label: z.name }))}
        required
      />
      <fieldset className="fieldset-plain">
        <legend className="field-label">{t('agentForm.contact')}</legend>
        <p className="field-hint">{t('agentForm.contactHint')}</p>
        <TextField
          id={id('phone')}
          data-field="phone"
          label={t('agentForm.phone')}
          hint={t('agentForm.phoneHint')}
          error={form.errors[id('phone')]}
          value={values.phone}
          onChange={(e) => set('phone')(e.target.value)}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
        />
        <TextField
          id={id('email')}
          data-field="email"
          label={t('agentForm.email')}
          error={form.errors[id('email')]}
          value={values.email}
          onChange={(e) => set('email')(e.target.value)}
          type="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
        />
      </fieldset>
      <SelectField
        id={id('organizationId')}
        data-field="organizationId organization"
        label={t('agentForm.organization')}
        hint={organizations.length > 0 ? t('agentForm.organizationHint') : t('agentForm.noOrganizations')}
        error={form.errors[id('organizationId')]}
        value={values.organizationId}
        onChange={(e) => set('organizationId')(e.target.value)}
        placeholder={t('agentForm.notDelegate')}
        options={organizations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <p className="actions">
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? submittingLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}
