import { useT, type TFunction } from '../i18n';
import { contactProblems } from '../lib/contact';
import { TextField } from './TextField';
import type { Said } from '../lib/said';

/** The client-side errors of a contact, keyed by the ids of its two inputs. */
export function contactErrors(ids: { phone: string; email: string }, phone: string, email: string, t: TFunction): Record<string, string | null> {
  const problems = contactProblems(phone, email);
  return {
    [ids.phone]: problems.phone === 'contact' ? t('agentForm.errors.contact') : problems.phone === 'phone' ? t('agentForm.errors.phone') : null,
    [ids.email]: problems.email ? t('agentForm.errors.email') : null,
  };
}

/**
 * A phone and an email, at least one of them (to tell the person about a decision). `fields` names the API fields
 * the two inputs stand for (`phone`/`email` for an agent, `contactPhone`/`contactEmail` for an organization).
 */
export function ContactFields({
  legend,
  ids,
  fields,
  phone,
  email,
  errors,
  onChange,
  personal = false,
}: {
  legend: string;
  ids: { phone: string; email: string };
  fields: { phone: string; email: string };
  phone: string;
  email: string;
  errors: Record<string, Said | undefined>;
  onChange(field: 'phone' | 'email', value: string): void;
  /** The person's own contact (the browser may fill it in). */
  personal?: boolean;
}) {
  const { t } = useT();
  return (
    <fieldset className="fieldset-plain">
      <legend className="field-label">{legend}</legend>
      <p className="field-hint">{t('agentForm.contactHint')}</p>
      <TextField
        id={ids.phone}
        data-field={fields.phone}
        label={t('agentForm.phone')}
        hint={t('agentForm.phoneHint')}
        error={errors[ids.phone]}
        value={phone}
        onChange={(e) => onChange('phone', e.target.value)}
        type="tel"
        inputMode="tel"
        autoComplete={personal ? 'tel' : undefined}
      />
      <TextField
        id={ids.email}
        data-field={fields.email}
        label={t('agentForm.email')}
        error={errors[ids.email]}
        value={email}
        onChange={(e) => onChange('email', e.target.value)}
        type="email"
        autoComplete={personal ? 'email' : undefined}
        autoCapitalize="none"
        spellCheck={false}
      />
    </fieldset>
  );
}
