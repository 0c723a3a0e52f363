import type { ReactNode } from 'react';
import { SelectField } from './fields';
import { said, type Said } from '../lib/said';

/** A choice among the municipality's zones (a form's field, or a filter with "all zones" as its empty choice). */
export function ZoneSelect({
  id,
  label,
  zones,
  value,
  onChange,
  placeholder,
  hint,
  error,
  dataField,
  required,
}: {
  id: string;
  label: string;
  zones: readonly { id: string; name: string }[];
  value: string;
  onChange(zoneId: string): void;
  placeholder: string;
  hint?: ReactNode;
  error?: Said | null;
  /** API field names that point here, for server errors (see useFormErrors). */
  dataField?: string;
  required?: boolean;
}) {
  return (
    <SelectField
      id={id}
      data-field={dataField}
      label={label}
      hint={hint}
      error={error}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      placeholder={placeholder}
      options={zones.map((z) => ({ value: z.id, label: z.name }))}
      required={required}
    />
  );
}
