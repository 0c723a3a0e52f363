import { useCallback, useRef, useState } from 'react';
import { ApiError, isApiError } from './api';
import { focusWhenRendered } from './focus';
import type { Said } from './said';

/**
 * Errors of one form: per field (keyed by the input's id) and for the whole form.
 *
 * A server error names the field as its request body does (`rules.registrationDeadline`, `calendar.0.startsOn`,
 * `zoneId`). Inputs declare which API fields they stand for with `data-field="a b c"` (space-separated names);
 * the error goes next to the input whose data-field lists the field, or the nearest parent path
 * (`calendar.0.startsOn` -> `calendar.0` -> `calendar`), else to the top of the form. The field is focused.
 */
export function useFormErrors<T extends HTMLElement = HTMLFormElement>() {
  const formRef = useRef<T>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  // A server error is kept as the error itself, so its text follows a language switch (see `said`).
  const [errors, setErrors] = useState<Record<string, Said>>({});
  const [formError, setFormError] = useState<Said | null>(null);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const clear = useCallback(() => {
    setErrors({});
    setFormError(null);
    setApiError(null);
  }, []);

  /** Shows client-side errors (by input id) and focuses the first in page order. Returns whether there were any. */
  const showClientErrors = useCallback((found: Record<string, string | null | undefined>): boolean => {
    const clean = Object.fromEntries(Object.entries(found).filter((e): e is [string, string] => Boolean(e[1])));
    setErrors(clean);
    setFormError(null);
    setApiError(null);
    const ids = Object.keys(clean);
    if (ids.length === 0) return false;
    const elements = ids.map((id) => document.getElementById(id)).filter((el): el is HTMLElement => el !== null);
    elements.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    elements[0]?.focus();
    return true;
  }, []);

  /** Puts a failed request's error next to its field, or at the top of the form. Rethrows what is not an ApiError. */
  const showServerError = useCallback((cause: unknown) => {
    if (!isApiError(cause)) throw cause;
    setApiError(cause);
    const target = cause.field ? findFieldElement(formRef.current, cause.field) : null;
    if (target) {
      setErrors({ [target.id]: cause });
      setFormError(null);
      // After React has rendered the message, so the field is read with its error.
      requestAnimationFrame(() => target.focus());
    } else {
      setErrors({});
      setFormError(cause);
      focusWhenRendered(() => alertRef.current);
    }
  }, []);

  /**
   * A form's submit: shows the client-side errors found (by input id) and stops there if any; else runs the request,
   * busy meanwhile, and shows its error next to its field. Resolves once done, whatever the outcome.
   */
  const submit = useCallback(
    async (found: Record<string, string | null | undefined>, send: () => Promise<void>): Promise<void> => {
      if (showClientErrors(found)) return;
      setBusy(true);
      try {
        await send();
      } catch (cause) {
        showServerError(cause);
      } finally {
        setBusy(false);
      }
    },
    [showClientErrors, showServerError],
  );

  return { formRef, alertRef, errors, formError, apiError, busy, clear, showClientErrors, showServerError, setFormError, submit };
}

function findFieldElement(root: HTMLElement | null, field: string): HTMLElement | null {
  if (!root) return null;
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const name = parts.slice(0, n).join('.');
    const el = root.querySelector<HTMLElement>(`[data-field~="${CSS.escape(name)}"]`);
    if (el?.id) return el;
  }
  return null;
}
