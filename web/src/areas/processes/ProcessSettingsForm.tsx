import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { parseSoles } from '../../lib/format';
import { CALENDAR_PHASES, type ProcessSettingsInput, type Zone } from '../../lib/api-types';
import { FormAlert } from '../../components/FormAlert';
import { ReasonField } from '../../components/ReasonField';
import { settingsProblems } from './settings/check';
import { GeneralFields } from './settings/GeneralFields';
import { RulesFields } from './settings/RulesFields';
import { ZoneAmounts } from './settings/ZoneAmounts';
import { rulesOf, zoneCentsOf, type ProcessFormValues } from './settings/values';

export { iloDefaults, valuesFromProcess } from './settings/values';

/**
 * The settings of a yearly process: name and year, envelope and investment budget, calendar, rules (quotas,
 * training, ballot and outcome rule) and the split by zone. Used to open a process and to change it (with a reason)
 * while it is in Preparation.
 */
export function ProcessSettingsForm({
  mode,
  initial,
  zones,
  submitLabel,
  onSubmit,
}: {
  mode: 'create' | 'edit';
  initial: ProcessFormValues;
  zones: Zone[];
  submitLabel: string;
  onSubmit(input: ProcessSettingsInput & { fiscalYear: number; reason: string }): Promise<void>;
}) {
  const { t, language } = useT();
  const [v, setV] = useState(initial);
  const form = useFormErrors();
  const section = { v, update: (patch: Partial<ProcessFormValues>) => setV((old) => ({ ...old, ...patch })), errors: form.errors };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.submit(settingsProblems(v, zones, mode, t, language), () => {
      const zoneCents = zoneCentsOf(v, zones);
      return onSubmit({
        name: v.name.trim(),
        fiscalYear: Number(v.fiscalYear),
        envelopeCents: parseSoles(v.envelope)!,
        investmentBudgetCents: parseSoles(v.investment)!,
        calendar: CALENDAR_PHASES.map((phase) => ({ phase, ...v.calendar[phase] })),
        rules: rulesOf(v),
        zoneEnvelopes: zones.flatMap((z, i) => (zoneCents[i] !== null ? [{ zoneId: z.id, amountCents: zoneCents[i]! }] : [])),
        reason: v.reason.trim(),
      });
    });
  };

  return (
    <form ref={form.formRef} className="form form-wide" noValidate onSubmit={submit}>
      <FormAlert id="ps-form-error" ref={form.alertRef} message={form.formError} />
      <GeneralFields {...section} mode={mode} />
      <RulesFields {...section} mode={mode} />
      <ZoneAmounts {...section} zones={zones} />
      <ReasonField
        id="ps-reason"
        label={mode === 'edit' ? t('processForm.reasonRequired') : t('processForm.reasonOptional')}
        hint={t('processForm.reasonHint')}
        error={form.errors['ps-reason']}
        value={v.reason}
        onChange={(reason) => section.update({ reason })}
        rows={3}
      />
      <button type="submit" className="button" disabled={form.busy}>
        {form.busy ? t('common.saving') : submitLabel}
      </button>
    </form>
  );
}
