import { useState } from 'react';
import { useT } from '../../i18n';
import { ORGANIZATION_TYPES, STANDING_KINDS, type Organization, type OrganizationInput, type Zone } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { SelectField } from '../../components/fields';
import { RegistrationFormFrame } from './RegistrationFormFrame';
import { said } from '../../lib/said';
/** As the server (src/registration/organization-registration.ts), after upper-casing. */
const REGISTRY_NUMBER_PATTERN = /^[A-Z0-9][A-Z0-9 ./-]{2,39}$/;

interface OrganizationFormValues {
  name: string;
  type: string;
  registryNumber: string;
  zoneId: string;
  contactPhone: string;
  contactEmail: string;
  standingKind: string;
  /** The document already stored (editing). */
  standingFileId: string;
}

export const emptyOrganization: OrganizationFormValues = { name: '', type: '', registryNumber: '', zoneId: '', contactPhone: '', contactEmail: '', standingKind: '', standingFileId: '' };

/** A registration as the form edits it. */
export function organizationValues(o: Organization): OrganizationFormValues {
  return {
    name: o.name,
    type: o.type,
    registryNumber: o.registryNumber,
    zoneId: o.zone.id,
    contactPhone: o.contactPhone ?? '',
    contactEmail: o.contactEmail ?? '',
    standingKind: o.standing.kind ?? '',
    standingFileId: o.standing.fileId ?? '',
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
  upload,
}: {
  /** Stores the standing document and gives its id; absent when the person may not upload (it is brought in person). */
  upload?: ((file: File) => Promise<string>) | undefined;
  idPrefix?: string;
  initial: OrganizationFormValues;
  zones: Zone[];
  submitLabel: string;
  onSubmit(values: OrganizationInput): Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const [values, setValues] = useState(initial);
  const [standingDoc, setStandingDoc] = useState<File | null>(null);
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
      send={async () =>
        onSubmit({
          standingKind: (values.standingKind || null) as OrganizationInput['standingKind'],
          standingFileId: standingDoc && upload ? await upload(standingDoc) : values.standingFileId || null,
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
          <SelectField
            id={id('standingKind')}
            data-field="standingKind"
            label={t('orgForm.standingKind')}
            hint={t('orgForm.standingKindHint')}
            error={errors[id('standingKind')]}
            value={values.standingKind}
            onChange={(e) => set('standingKind')(e.target.value)}
            placeholder={t('orgForm.standingNone')}
            options={STANDING_KINDS.map((k) => ({ value: k, label: t(`orgForm.standingKinds.${k}`) }))}
          />
          {upload && (
            <div className={`field${errors[id('standingFileId')] ? ' field-invalid' : ''}`}>
              <label htmlFor={id('standingFileId')} className="field-label">{t('orgForm.standingFile')}</label>
              <div id={`${id('standingFileId')}-hint`} className="field-hint">{t('orgForm.standingFileHint')}</div>
              {errors[id('standingFileId')] && <p id={`${id('standingFileId')}-error`} className="field-error">{said(errors[id('standingFileId')])}</p>}
              <input
                id={id('standingFileId')}
                type="file"
                data-field="standingFileId file"
                aria-describedby={`${id('standingFileId')}-hint${errors[id('standingFileId')] ? ` ${id('standingFileId')}-error` : ''}`}
                onChange={(e) => setStandingDoc(e.target.files?.[0] ?? null)}
              />
            </div>
          )}
        </>
      )}
    </RegistrationFormFrame>
  );
}
