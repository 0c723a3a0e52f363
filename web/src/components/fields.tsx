import type { ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { said, type Said } from '../lib/said';

/** The ids a field's aria-describedby lists: its hint, extra describers, its error. */
function describedBy(id: string, hint: ReactNode, error: Said | null | undefined, extra?: string): string | undefined {
  return [hint ? `${id}-hint` : null, extra, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <div id={`${id}-hint`} className="field-hint">
      {hint}
    </div>
  ) : null;
}

export function FieldError({ id, error }: { id: string; error: Said | null | undefined }) {
  return error ? (
    <p id={`${id}-error`} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {said(error)}
    </p>
  ) : null;
}

/** A field's label, hint and error above its control, the whole marked invalid when there is an error. */
function FieldFrame({ id, label, hint, error, children }: { id: string; label: string; hint: ReactNode; error: Said | null | undefined; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: Said | null;
  describedBy?: string;
  options: { value: string; label: string }[];
  /** A first, empty choice ("Choose…"). */
  placeholder?: string;
  ref?: Ref<HTMLSelectElement>;
}

export function SelectField({ id, label, hint, error, describedBy: extra, options, placeholder, className, ref, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        ref={ref}
        id={id}
        className={`input${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error, extra)}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: Said | null;
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField({ id, label, hint, error, className, ref, ...area }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        ref={ref}
        id={id}
        className={`input textarea${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        rows={4}
        {...area}
      />
    </FieldFrame>
  );
}

interface RadioGroupProps {
  id: string;
  legend: string;
  name: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  hint?: ReactNode;
  error?: Said | null;
  /** API field names that point here, for server errors (see useFormErrors). */
  dataField?: string;
  inline?: boolean;
}

/** A fieldset of radio buttons; the first button carries the id, so an error can focus the group. */
export function RadioGroup({ id, legend, name, value, options, onChange, hint, error, dataField, inline }: RadioGroupProps) {
  return (
    <fieldset
      className={`field fieldset${error ? ' field-invalid' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="field-label">{legend}</legend>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <div className={inline ? 'choices choices-inline' : 'choices'}>
        {options.map((o, i) => (
          <label key={o.value} className="choice">
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${o.value}`}
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-invalid={error ? true : undefined}
              data-field={i === 0 ? dataField : undefined}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: ReactNode;
  error?: Said | null;
  dataField?: string;
}

export function CheckboxField({ id, label, checked, onChange, hint, error, dataField }: CheckboxFieldProps) {
  return (
    <div className={`field checkbox-field${error ? ' field-invalid' : ''}`}>
      <FieldError id={id} error={error} />
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          data-field={dataField}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <Hint id={id} hint={hint} />
    </div>
  );
}
