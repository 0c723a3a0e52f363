import type { Said } from '../../lib/said';

/** Where to go after signing in: only a path of this site ("/m/ilo"), never another origin ("//evil", "https:"). */
export function safeNext(raw: string | null, fallback = '/account'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  if (raw === '/signin' || raw === '/signup') return fallback;
  return raw;
}

export type AuthField = 'name' | 'login' | 'password';

/** The API names fields as in its request bodies; the forms show email and DNI in one "login" field. */
export function formFieldOf(apiField: string | undefined): AuthField | null {
  switch (apiField) {
    case 'name':
      return 'name';
    case 'login':
    case 'email':
    case 'dni':
      return 'login';
    case 'password':
      return 'password';
    default:
      return null;
  }
}

export type FieldErrors = Partial<Record<AuthField, Said>>;

/** The other auth page, keeping the `next` the person arrived with (if any). */
export function otherAuthPage(path: '/signin' | '/signup', rawNext: string | null, next: string): string {
  return `${path}${rawNext ? `?next=${encodeURIComponent(next)}` : ''}`;
}
