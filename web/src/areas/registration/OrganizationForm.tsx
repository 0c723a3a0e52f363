import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { ORGANIZATION_TYPES, type OrganizationInput, type Zone } from '../../lib/prep-types';
import { TextField } from '../../components/TextField';
import { SelectField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { normalisePhone } from './AgentForm';

const PHONE_PATTERN = /^(9\d{8}|\d{6,7})$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** As the server (src/registration/organization-registration.ts), after upper-casing. */
const REGISTRY_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9 ./-]{2,39}$/;

export interface OrganizationFormValues {
  name: string;
  type: string;
  registryNumber: string;
  zoneId: string;
  contactPhone: string;
  contactEmail: string;
}

export const emptyOrganization: OrganizationFormValues = { name: '', type: '', registryNumber: '', zoneId: '', contactPhone: '', contactEmail: '' };

/** An organization's registration: name, type, SUNARP registry number (partida registral), zone, contact. */
export function OrganizationForm({
  idPrefix = 'org',
  initial,
  zones,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix?: string;
  initial: OrganizationFormValues;
  zones: Zone[];
  submitLabel: string;
  onSubmit(values: OrganizationInput): Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const [values, setValues] = useState(initial);
  const [submitting, setSubmitting] = useState(false);
  const form = useFormErrors();
  const id = (f: keyof OrganizationFormValues) => `${idPrefix}-${f}`;
  const set = (f: keyof OrganizationFormValues) => (value: string) => setValues((v) => ({ ...v, [f]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const registry = values.registryNumber.replace(/\s+/g, ' ').trim().toUpperCase();
    const found = {
      [id('name')]: values.name.trim().length < 3 ? t('orgForm.errors.name') : null,
      [id('type')]: !values.type ? t('orgForm.errors.type') : null,
      [id('registryNumber')]: !registry ? t('orgForm.errors.registryRequired') : !REGISTRY_NUMBER_PATTERN.test(registry) ? t('orgForm.errors.registry') : null,
      [id('zoneId')]: !values.zoneId ? t('agentForm.errors.zone') : null,
      [id('contactPhone')]:
        !values.contactPhone.trim() && !values.contactEmail.trim()
          ? t('agentForm.errors.contact')
          : values.contactPhone.trim() && !PHONE_PATTERN.test(normalisePhone(values.contactPhone))
            ? t('agentForm.errors.phone')
            : null,
      [id('contactEmail')]: values.contactEmail.trim() && !EMAIL_PATTERN.test(values.contactEmail.trim()) ? t('agentForm.errors.email') : null,
    };
    if (form.showClientErrors(found)) return;
    setSubmitting(true);
    try {
      await onSubmit({
        name: values.name.trim(),
        type: values.type as OrganizationInput['type'],
        registryNumber: registry,
        zoneId: values.zoneId,
        contactPhone: values.contactPhone.trim() || null,
        contactEmail: values.contactEmail.trim() || null,
      });
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
        id={id('name')}
        data-field="name"
        label={t('orgForm.name')}
        error={form.errors[id('name')]}
        value={values.name}
        onChange={(e) => set('name')(e.target.value)}
        autoComplete="organization"
        required
      />
      <SelectField
        id={id('type')}
        data-field="type"
        label={t('orgForm.type')}
        error={form.errors[id('type')]}
        value={values.type}
        onChange={(e) => set('type')(e.target.value)}
        placeholder={t('common.choose')}
        options={ORGANIZATION_TYPES.map((o) => ({ value: o, label: t(`organization.type.${o}`) }))}
        required
      />
      <TextField
        id={id('registryNumber')}
        data-field="registryNumber"
        label={t('orgForm.registryNumber')}
        hint={t('orgForm.registryNumberHint')}
        error={form.errors[id('registryNumber')]}
        value={values.registryNumber}
        onChange={(e) => set('registryNumber')(e.target.value)}
        autoCapitalize="characters"
        spellCheck={false}
        required
      />
      <SelectField
        id={id('zoneId')}
        data-field="zoneId"
        label={t('agentForm.zone')}
        error={form.errors[id('zoneId')]}
        value={values.zoneId}
        onChange={(e) => set('zoneId')(e.target.value)}
        placeholder={t('common.choose')}
        options={zones.map((z) => ({ value: z.id, label: z.name }))}
        required
      />
      <fieldset className="fieldset-plain">
        <legend className="field-label">{t('orgForm.contact')}</legend>
        <p className="field-hint">{t('agentForm.contactHint')}</p>
        <TextField
          id={id('contactPhone')}
          data-field="contactPhone"
          label={t('agentForm.phone')}
          hint={t('agentForm.phoneHint')}
          error={form.errors[id('contactPhone')]}
          value={values.contactPhone}
          onChange={(e) => set('contactPhone')(e.target.value)}
          type="tel"
          inputMode="tel"
        />
        <TextField
          id={id('contactEmail')}
          data-field="contactEmail"
          label={t('agentForm.email')}
          error={form.errors[id('contactEmail')]}
          value={values.contactEmail}
          onChange={(e) => set('contactEmail')(e.target.value)}
          type="email"
          autoCapitalize="none"
          spellCheck={false}
        />
      </fieldset>
      <p className="actions">
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t('common.sending') : submitLabel}
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
