import { defineCatalogue } from '../shared/errors.ts';

/** The accounts area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    INVALID_CREDENTIALS: { status: 401, es: 'Usuario o contraseña incorrectos.', en: 'Wrong user or password.' },
    ACCOUNT_EXISTS: { status: 409, es: 'No se pudo crear la cuenta: ya existe una cuenta con ese correo o ese DNI. Si es tuya, inicia sesión.', en: 'The account could not be created: an account with that email or that DNI exists. If it is yours, sign in.' },
    DNI_NOT_AVAILABLE: { status: 409, es: 'Este DNI no puede usarse con tu cuenta. Para inscribirte, acude con tu DNI a una jornada de inscripción presencial.', en: 'This DNI cannot be used with your account. To register, bring your DNI to a face-to-face registration day.' },
  },
  names: {
    account: { es: 'una cuenta', en: 'an account' },
  },
  /** What the audit log calls each action this area records. */
  audit: {
    'account.sign_in': { es: 'Inicio de sesión', en: 'Sign-in' },
    'account.sign_out': { es: 'Cierre de sesión', en: 'Sign-out' },
    'account.sign_up': { es: 'Creación de cuenta', en: 'Account created' },
    'membership.grant': { es: 'Rol otorgado', en: 'Role granted' },
    'membership.revoke': { es: 'Rol retirado', en: 'Role revoked' },
    'membership.revoke_own_admin': { es: 'Renuncia al propio rol de administración', en: 'Own administrator role given up' },
  },
  /** What the audit log calls each kind of thing this area records actions on. */
  entities: {
    user: { es: 'Cuenta', en: 'Account' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
}
