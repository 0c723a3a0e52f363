import { defineCatalogue } from '../shared/errors.ts';

/** The plan area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    CODE_TAKEN: { status: 409, es: 'El código {code} ya está en uso.', en: 'Code {code} is already in use.' },
  },
  names: {
    axis: { es: 'un eje temático', en: 'a thematic axis' },
    objective: { es: 'un objetivo estratégico', en: 'a strategic objective' },
  },
  fields: {
    axisId: { es: 'eje temático', en: 'thematic axis' },
    code: { es: 'código', en: 'code' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
}
