/** Peruvian DNI: exactly 8 digits. */
export const DNI_PATTERN = /^\d{8}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Must match the server rule (src/accounts/identity.ts passwordSchema, POST /api/auth/signup). */
export const PASSWORD_MIN_LENGTH = 10;

type LoginKind = 'dni' | 'email' | 'invalid' | 'empty';

/** One field takes an email or a DNI; tells which (spaces and dashes in a typed DNI are tolerated). */
export function classifyLogin(raw: string): { kind: LoginKind; value: string } {
  const trimmed = raw.trim();
  if (!trimmed) return { kind: 'empty', value: '' };
  const digits = trimmed.replace(/[\s-]/g, '');
  if (/^\d+$/.test(digits)) return DNI_PATTERN.test(digits) ? { kind: 'dni', value: digits } : { kind: 'invalid', value: trimmed };
  if (EMAIL_PATTERN.test(trimmed)) return { kind: 'email', value: trimmed.toLowerCase() };
  return { kind: 'invalid', value: trimmed };
}

/** Client-side check of the password rules explained on the sign-up page; the server has the last word. */
export function passwordProblem(
  password: string,
  personal: { name: string; login: string },
): 'required' | 'tooShort' | 'personal' | null {
  if (!password) return 'required';
  if (password.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  const folded = password.trim().toLowerCase();
  const same = [personal.name, personal.login].map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (same.includes(folded)) return 'personal';
  return null;
}
