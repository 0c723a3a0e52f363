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
  /** What the audit log calls each action this area records. */
  audit: {
    'announcement.draft': { es: 'Anuncio en borrador', en: 'Announcement drafted' },
    'announcement.publish': { es: 'Anuncio publicado', en: 'Announcement published' },
    'announcement.update': { es: 'Anuncio modificado', en: 'Announcement changed' },
  },
  /** What the audit log calls each kind of thing this area records actions on. */
  entities: {
    announcement: { es: 'Anuncio', en: 'Announcement' },
  },
});
