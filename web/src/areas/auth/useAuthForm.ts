import { useRef, useState } from 'react';
import { isApiError } from '../../lib/api';
import { formFieldOf, type AuthField, type FieldErrors } from './shared';
import type { Said } from '../../lib/said';

/**
 * The state of a sign-in or sign-up form: errors per field (the first wrong field in `fields` order is focused), an
 * error for the whole form, and the submit that checks first, then sends and puts a refusal next to its field.
 */
export function useAuthForm(fields: readonly AuthField[]) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<Said | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inputs = useRef<Partial<Record<AuthField, HTMLInputElement | null>>>({});

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const first = fields.find((f) => found[f]);
    if (first) inputs.current[first]?.focus();
  };

  const submit = async (found: FieldErrors, send: () => Promise<unknown>) => {
    setFormError(null);
    showErrors(found);
    if (Object.keys(found).length > 0) return;
    setSubmitting(true);
    try {
      await send();
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      const field = formFieldOf(cause.field);
      if (field && fields.includes(field)) showErrors({ [field]: cause });
      else setFormError(cause);
    } finally {
      setSubmitting(false);
    }
  };

  /** The ref of a field's input, so an error can focus it. */
  const ref = (field: AuthField) => (el: HTMLInputElement | null) => {
    inputs.current[field] = el;
  };

  return { errors, formError, submitting, submit, ref };
}
