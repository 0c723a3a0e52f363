import { defineCatalogue } from '../shared/errors.ts';

/** The communication area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  fields: {
    title: { es: 'título', en: 'title' },
    body: { es: 'texto', en: 'text' },
    startsOn: { es: 'fecha de inicio', en: 'start date' },
    endsOn: { es: 'fecha de fin', en: 'end date' },
    attachmentIds: { es: 'adjuntos', en: 'attachments' },
  },
});
