import { defineCatalogue } from '../shared/errors.ts';

/** The territory area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  names: {
    zone: { es: 'una zona', en: 'a zone' },
  },
  fields: {
    population: { es: 'población', en: 'population' },
  },
  /** What the audit log calls each action this area records. */
  audit: {
    'municipality.create': { es: 'Municipalidad creada', en: 'Municipality created' },
  },
  /** What the audit log calls each kind of thing this area records actions on. */
  entities: {
    municipality: { es: 'Municipalidad', en: 'Municipality' },
    installation: { es: 'Instalación', en: 'Installation' },
  },
});
