import { z } from 'zod';

/** A Peruvian DNI: exactly 8 digits. */
export const DNI_PATTERN = /^\d{8}$/;
export const dniSchema = z.string().regex(DNI_PATTERN, { message: 'dni' });
export const emailSchema = z.string().max(254).email({ message: 'email' }).transform((e) => e.toLowerCase());
export const passwordSchema = z.string().min(10, { message: 'password' }).max(200);

export type LoginKind = 'email' | 'dni';

/** A sign-in login is an email or a DNI; anything else is neither. */
export function loginKind(login: string): LoginKind | null {
  if (DNI_PATTERN.test(login)) return 'dni';
  if (emailSchema.safeParse(login).success) return 'email';
  return null;
}
