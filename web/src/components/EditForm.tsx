import { useState, type FormEvent, type ReactNode } from 'react';
import { useT } from '../i18n';
import { useFormErrors } from '../lib/useFormErrors';
import { FormAlert } from './FormAlert';
import { FormActions } from './FormActions';
import { ReasonField, reasonProblem } from './ReasonField';
import type { Said } from '../lib/said';

/**
 * A small form that creates something or, with `needsReason`, changes it with the reason the audit log keeps:
 * the fields (`children`, given the errors by input id), the reason, save and cancel. Client-side problems come from
 * `check`; a server error shows next to the field it names, else at the top.
 */
export function EditForm({
  idPrefix,
  needsReason = false,
  submitLabel,
  onCancel,
  check,
  send,
  children,
}: {
  idPrefix: string;
  needsReason?: boolean;
  submitLabel?: string;
  onCancel?: () => void;
  /** Problems by input id (null where there is none). */
  check(): Record<string, string | null>;
  /** Sends the form; `reason` is the trimmed reason when one is asked. */
  send(reason: string | undefined): Promise<void>;
  children(errors: Record<string, Said>): ReactNode;
}) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const form = useFormErrors();
  const reasonId = `${idPrefix}-reason`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.submit({ ...check(), [reasonId]: needsReason ? reasonProblem(reason, t) : null }, () =>
      send(needsReason ? reason.trim() : undefined),
    );
  };

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert id={`${idPrefix}-error`} ref={form.alertRef} message={form.formError} />
      {children(form.errors)}
      {needsReason && <ReasonField id={reasonId} error={form.errors[reasonId]} value={reason} onChange={setReason} />}
      <FormActions busy={form.busy} submitLabel={submitLabel ?? t('common.save')} onCancel={onCancel} />
    </form>
  );
}
