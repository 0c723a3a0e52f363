import { useT, type TFunction } from '../i18n';
import { TextAreaField } from './fields';
import { said, type Said } from '../lib/said';

/** A change that is audited needs a reason of a few words (the server asks at least 5 characters). */
export function reasonProblem(reason: string, t: TFunction): string | null {
  return reason.trim().length < 5 ? t('processForm.errors.reason') : null;
}

/**
 * "Why this change": the reason an audited edit carries (zones, plan, process settings, phase moves). It stands for
 * the API field `reason`, so a server error about it shows here.
 */
export function ReasonField({
  id,
  value,
  onChange,
  error,
  label,
  hint,
  rows = 2,
}: {
  id: string;
  value: string;
  onChange(value: string): void;
  error: Said | null | undefined;
  label?: string;
  hint?: string;
  rows?: number;
}) {
  const { t } = useT();
  return (
    <TextAreaField
      id={id}
      data-field="reason"
      label={label ?? t('processForm.reasonRequired')}
      hint={hint}
      error={error}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      rows={rows}
    />
  );
}
