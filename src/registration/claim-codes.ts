import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The one-time code that links a registration made without an account (face to face, import) to the account of its
 * person: staff hand it over with the paper receipt, the person types it on their account page. Pure rules: the code's
 * shape, its hash, and how long and how often it may be tried.
 */

/** Letters and digits that cannot be mistaken for one another when read off paper (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const CLAIM_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CLAIM_CODE_LENGTH = 8;
/** How long a code may be used after it is issued. */
export const CLAIM_CODE_DAYS = 60;
/** Wrong codes tried against one registration before its code is locked (staff then issue a new one). */
export const CLAIM_MAX_FAILED_ATTEMPTS = 5;

/** A new code, shown as two groups of four: "K7MX-3QPA". */
export function newClaimCode(): string {
  let code = '';
  for (let i = 0; i < CLAIM_CODE_LENGTH; i++) code += CLAIM_CODE_ALPHABET[randomInt(CLAIM_CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A code as typed: case, spaces and dashes do not matter. */
export function normaliseClaimCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]+/g, '');
}

/** Whether a typed code has the shape of a code at all (checked before any lookup). */
export function isClaimCodeShape(raw: string): boolean {
  const code = normaliseClaimCode(raw);
  return code.length === CLAIM_CODE_LENGTH && [...code].every((c) => CLAIM_CODE_ALPHABET.includes(c));
}

/** What is stored: the SHA-256 of the registration's id and the code, so one code's hash says nothing of another's. */
export function claimCodeHash(agentId: string, code: string): string {
  return createHash('sha256').update(`${agentId}:${normaliseClaimCode(code)}`).digest('hex');
}

export function claimCodeMatches(agentId: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(claimCodeHash(agentId, code), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface ClaimCodeState {
  expiresAt: string;
  failedAttempts: number;
  usedAt: string | null;
}

/** Why a code cannot be used now, or null when it can. */
export function claimCodeRefusal(c: ClaimCodeState, at: string): 'used' | 'locked' | 'expired' | null {
  if (c.usedAt !== null) return 'used';
  if (c.failedAttempts >= CLAIM_MAX_FAILED_ATTEMPTS) return 'locked';
  if (at >= c.expiresAt) return 'expired';
  return null;
}
