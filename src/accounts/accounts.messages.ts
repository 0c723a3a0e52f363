import { defineCatalogue } from '../shared/errors.ts';

/** The accounts area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    INVALID_CREDENTIALS: { status: 401, es: 'Usuario o contraseña incorrectos.', en: 'Wrong user or password.' },
    EMAIL_TAKEN: { status: 409, es: 'Ya existe una cuenta con el correo {email}.', en: 'An account with email {email} already exists.' },
    DNI_TAKEN: { status: 409, es: 'Ya existe una cuenta con el DNI {dni}.', en: 'An account with DNI {dni} already exists.' },
  },
  names: {
    account: { es: 'una cuenta', en: 'an account' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
}
