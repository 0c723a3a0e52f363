import type { FormEvent, ReactNode } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import type { Zone } from '../../lib/api-types';
import { FormAlert } from '../../components/FormAlert';
import { FormActions } from '../../components/FormActions';
import { ContactFields, contactErrors } from '../../components/ContactFields';
import { ZoneSelect } from '../../components/ZoneSelect';
import type { Said } from '../../lib/said';

/** The zone and the contact (a phone or an email) every registration has. */
interface ZoneAndContact {
  zoneId: string;
  phone: string;
  email: string;
}

/**
 * What the agent's and the organization's registration forms share: the form and its errors (checked here first, in
 * plain words; the server checks again and its errors show next to the field they name), the zone, the contact,
 * and the buttons. Each form adds its own fields before (`children`) and after (`after`) the zone and contact.
 */
export function RegistrationFormFrame({
  idPrefix,
  apiFields,
  zones,
  zoneHint,
  contactLegend,
  personal = false,
  values,
  onChange,
  check,
  send,
  submitLabel,
  busyLabel,
  onCancel,
  children,
  after,
}: {
  idPrefix: string;
  /** The API fields the zone and contact inputs stand for. */
  apiFields: { zone: string; phone: string; email: string };
  zones: Zone[];
  zoneHint?: string;
  contactLegend: string;
  /** The person's own contact (the browser may fill it in). */
  personal?: boolean;
  values: ZoneAndContact;
  onChange(field: keyof ZoneAndContact, value: string): void;
  /** The form's own problems by input id. */
  check(): Record<string, string | null>;
  send(): Promise<void>;
  submitLabel: string;
  busyLabel: string;
  onCancel?: (() => void) | undefined;
  children(errors: Record<string, Said>): ReactNode;
  after?: (errors: Record<string, Said>) => ReactNode;
}) {
  const { t } = useT();
  const form = useFormErrors();
  const ids = { zone: `${idPrefix}-zoneId`, phone: `${idPrefix}-phone`, email: `${idPrefix}-email` };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.submit(
      {
        ...check(),
        [ids.zone]: !values.zoneId ? t('agentForm.errors.zone') : null,
        ...contactErrors(ids, values.phone, values.email, t),
      },
      send,
    );
  };

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert id={`${idPrefix}-form-error`} ref={form.alertRef} message={form.formError} />
      {children(form.errors)}
      <ZoneSelect
        id={ids.zone}
        dataField={apiFields.zone}
        label={t('agentForm.zone')}
        hint={zoneHint}
        error={form.errors[ids.zone]}
        value={values.zoneId}
        onChange={(zoneId) => onChange('zoneId', zoneId)}
        placeholder={t('common.choose')}
        zones={zones}
        required
      />
      <ContactFields
        legend={contactLegend}
        ids={ids}
        fields={apiFields}
        phone={values.phone}
        email={values.email}
        errors={form.errors}
        onChange={onChange}
        personal={personal}
      />
      {after?.(form.errors)}
      <FormActions busy={form.busy} submitLabel={submitLabel} busyLabel={busyLabel} onCancel={onCancel} />
    </form>
  );
}
