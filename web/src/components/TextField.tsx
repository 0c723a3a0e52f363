import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { said, type Said } from '../lib/said';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  /** Help shown under the label and read with the field. */
  hint?: ReactNode;
  /** Error shown next to the field; sets aria-invalid and is read with the field. */
  error?: Said | null;
  /** Ids of more elements that describe the field (e.g. a list of rules). */
  describedBy?: string;
  ref?: Ref<HTMLInputElement>;
}

/** Label, hint, error and input wired together for assistive technology. */
export function TextField({ id, label, hint, error, describedBy, className, ref, ...input }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describers = [hintId, describedBy, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint && (
        <div id={hintId} className="field-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {said(error)}
        </p>
      )}
      <input
        ref={ref}
        id={id}
        className={`input${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describers}
        {...input}
      />
    </div>
  );
}
