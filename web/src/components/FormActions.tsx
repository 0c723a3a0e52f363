import { useT } from '../i18n';

/** A form's submit button (saying it is busy while the request runs) and, when the form can be closed, "Cancel". */
export function FormActions({
  busy,
  submitLabel,
  busyLabel,
  onCancel,
}: {
  busy: boolean;
  submitLabel: string;
  busyLabel?: string;
  onCancel?: (() => void) | undefined;
}) {
  const { t } = useT();
  return (
    <p className="actions">
      <button type="submit" className="button" disabled={busy}>
        {busy ? (busyLabel ?? t('common.saving')) : submitLabel}
      </button>
      {onCancel && (
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </p>
  );
}
