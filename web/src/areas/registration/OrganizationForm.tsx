import { useState } from 'react';
import { useT } from '../../i18n';
import { ORGANIZATION_TYPES, type Organization, type OrganizationInput, type Zone } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { SelectField } from '../../components/fields';
import { RegistrationFormFrame } from './RegistrationFormFrame';
/** As the server (src/registration/organization-registration.ts), after upper-casing. */
const REGISTRY_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9 ./-]{2,39}$/;

interface OrganizationFormValues {
  name: string;
  type: string;
  registryNumber: string;
  zoneId: string;
  contactPhone: string;
  contactEmail: string;
}

export const emptyOrganization: OrganizationFormValues = { name: '', type: '', registryNumber: '', zoneId: '', contactPhone: '', contactEmail: '' };

/** A registration as the form edits it. */
export function organizationValues(o: Organization): OrganizationFormValues {
  return {
    name: o.name,
    type: o.type,
    registryNumber: o.registryNumber,
    zoneId: o.zone.id,
    contactPhone: o.contactPhone ?? '',
    contactEmail: o.contactEmail ?? '',
  };
}

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
  const id = (f: keyof OrganizationFormValues) => `${idPrefix}-${f}`;
  const set = (f: keyof OrganizationFormValues) => (value: string) => setValues((v) => ({ ...v, [f]: value }));
  const registry = values.registryNumber.replace(/\s+/g, ' ').trim().toUpperCase();

  return (
    <RegistrationFormFrame
      idPrefix={idPrefix}
      apiFields={{ zone: 'zoneId', phone: 'contactPhone', email: 'contactEmail' }}
      zones={zones}
      contactLegend={t('orgForm.contact')}
      values={{ zoneId: values.zoneId, phone: values.contactPhone, email: values.contactEmail }}
      onChange={(field, value) => set(field === 'phone' ? 'contactPhone' : field === 'email' ? 'contactEmail' : 'zoneId')(value)}
      check={() => ({
        [id('name')]: values.name.trim().length < 3 ? t('orgForm.errors.name') : null,
        [id('type')]: !values.type ? t('orgForm.errors.type') : null,
        [id('registryNumber')]: !registry ? t('orgForm.errors.registryRequired') : !REGISTRY_NUMBER_PATTERN.test(registry) ? t('orgForm.errors.registry') : null,
      })}
      send={() =>
        onSubmit({
          name: values.name.trim(),
          type: values.type as OrganizationInput['type'],
          registryNumber: registry,
          zoneId: values.zoneId,
          contactPhone: values.contactPhone.trim() || null,
          contactEmail: values.contactEmail.trim() || null,
        })
      }
      submitLabel={submitLabel}
      busyLabel={t('common.sending')}
      onCancel={onCancel}
    >
      {(errors) => (
        <>
          <TextField
            id={id('name')}
            data-field="name"
            label={t('orgForm.name')}
            error={errors[id('name')]}
            value={values.name}
            onChange={(e) => set('name')(e.target.value)}
            autoComplete="organization"
            required
          />
          <SelectField
            id={id('type')}
            data-field="type"
            label={t('orgForm.type')}
            error={errors[id('type')]}
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
            error={errors[id('registryNumber')]}
            value={values.registryNumber}
            onChange={(e) => set('registryNumber')(e.target.value)}
            autoCapitalize="characters"
            spellCheck={false}
            required
          />
        </>
      )}
    </RegistrationFormFrame>
  );
}
