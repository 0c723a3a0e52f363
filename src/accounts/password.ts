import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import pLimit from 'p-limit';

/**
 * Passwords are hashed with scrypt, a memory-hard KDF. The stored form records its own parameters
 * (`scrypt$logN$r$p$salt$hash`), so the cost can be raised later without invalidating old hashes.
 * Default cost follows OWASP's recommendation for scrypt: N = 2^17, r = 8, p = 1 (128 MiB, a few hundred ms).
 */
export const DEFAULT_LOG_N = 17;
const KEY_LENGTH = 32;

/**
 * At most two hashes at a time; the others wait their turn. Each takes 128 MiB and one of libuv's four threads, which
 * file reads and DNS share: unbounded, sixteen sign-ups at once starved the server (pages took seconds to load).
 */
export const HASHING_CONCURRENCY = 2;
const hashing = pLimit(HASHING_CONCURRENCY);

/** How many hashes run now and wait, for tests and the health of a registration day. */
export function hashingLoad(): { active: number; waiting: number } {
  return { active: hashing.activeCount, waiting: hashing.pendingCount };
}

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return hashing(() => new Promise<Buffer>((resolve, reject) => {
    scryptCb(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  }));
}

function options(logN: number, r: number, p: number): ScryptOptions {
  const N = 2 ** logN;
  return { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
}

export async function hashPassword(password: string, logN = DEFAULT_LOG_N): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, options(logN, 8, 1));
  return ['scrypt', logN, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, logN, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), options(Number(logN), Number(r), Number(p)));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to compare against when the account does not exist, so timing does not reveal which logins exist. */
let decoy: Promise<string> | null = null;
export function decoyHash(logN: number): Promise<string> {
  decoy ??= hashPassword('decoy-password-never-matches', logN);
  return decoy;
}
