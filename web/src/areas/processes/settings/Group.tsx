import type { ReactNode } from 'react';
import type { ProcessFormValues } from './values';
import type { Said } from '../../../lib/said';

/** A titled group of the settings form. */
export function Group({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="group">
      <legend>{title}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {children}
    </fieldset>
  );
}

/** What each section of the settings form gets: the values, a way to change some, the errors by input id. */
export interface SectionProps {
  v: ProcessFormValues;
  update(patch: Partial<ProcessFormValues>): void;
  errors: Record<string, Said>;
}

type TextKey = { [K in keyof ProcessFormValues]: ProcessFormValues[K] extends string ? K : never }[keyof ProcessFormValues];

/** The value and change handler of a text input bound to one of the form's values. */
export function bind({ v, update }: SectionProps, key: TextKey) {
  return { value: v[key], onChange: (e: { target: { value: string } }) => update({ [key]: e.target.value }) };
}
