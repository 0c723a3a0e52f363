import { defineCatalogue } from '../shared/errors.ts';

/** The territory area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  names: {
    zone: { es: 'una zona', en: 'a zone' },
  },
  fields: {
    population: { es: 'población', en: 'population' },
  },
});
