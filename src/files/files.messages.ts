import { defineCatalogue } from '../shared/errors.ts';

/** The files area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    FILE_TOO_LARGE: { status: 413, es: 'El archivo supera {maxMb} MB.', en: 'The file is larger than {maxMb} MB.' },
    FILE_TYPE_NOT_ALLOWED: { status: 415, es: 'Tipo de archivo no admitido ({type}). Se admiten: {allowed}.', en: 'File type not allowed ({type}). Allowed: {allowed}.' },
    FILE_COUNT: { status: 400, es: 'Envía exactamente un archivo, en el campo «file», y nada más.', en: 'Send exactly one file, in field "file", and nothing else.' },
    FILE_EMPTY: { status: 400, es: 'El archivo «{filename}» está vacío.', en: 'File "{filename}" is empty.' },
  },
  names: {
    file: { es: 'un archivo', en: 'a file' },
  },
  /** What the audit log calls each action this area records. */
  audit: {
    'file.upload': { es: 'Archivo subido', en: 'File uploaded' },
  },
  /** What the audit log calls each kind of thing this area records actions on. */
  entities: {
    file: { es: 'Archivo', en: 'File' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
}
