import { defineCatalogue } from '../shared/errors.ts';

/** The portal area's error codes and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    OPEN_DATA_RESULTS_NOT_YET: {
      status: 409,
      es: 'Los resultados del proceso {year} se publican cuando cierra su votación, y aún no ha cerrado.',
      en: 'The results of the {year} process are published when its vote closes, and it has not closed yet.',
    },
  },
  fields: {
    year: { es: 'año fiscal', en: 'fiscal year' },
    region: { es: 'región', en: 'region' },
    province: { es: 'provincia', en: 'province' },
    zoneId: { es: 'zona', en: 'zone' },
    axisId: { es: 'eje temático', en: 'thematic axis' },
    status: { es: 'estado', en: 'status' },
    limit: { es: 'cantidad por página', en: 'page size' },
    offset: { es: 'desde', en: 'offset' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
}
