import type { FormEvent } from 'react';
import { useT } from '../i18n';
import { TextAreaField } from './fields';
import { said, type Said } from '../lib/said';

/**
 * Asks why before an action that needs a reason (rejecting an application, removing a committee member): the reason,
 * a confirming button and "Cancel". The caller checks the reason and shows its error.
 */
export function ReasonPrompt({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  confirmLabel,
  busy = false,
  tone = 'danger',
  rows,
  onConfirm,
  onCancel,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  error: Said | null;
  confirmLabel: string;
  busy?: boolean;
  /** The confirming button: red for what takes something away (the default), the main colour for an approval. */
  tone?: 'danger' | 'primary';
  rows: number;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useT();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onConfirm();
  };
  return (
    <form noValidate onSubmit={submit} className="reject-form">
      <TextAreaField id={id} label={label} hint={hint} error={error} value={value} onChange={(e) => onChange(e.target.value)} rows={rows} />
      <p className="actions">
        <button type="submit" className={tone === 'danger' ? 'button button-danger' : 'button'} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </p>
    </form>
  );
}
