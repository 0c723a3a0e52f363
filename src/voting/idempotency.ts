import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { canonicalJson } from '../audit/audit-log.ts';

/**
 * A retried online cast (the same `Idempotency-Key`) answers the first cast's receipt. The receipt code is kept only
 * hashed with the ballot, so the first answer is kept in the idempotency record, sealed (AES-256-GCM) under a key
 * derived from the client's idempotency key; the record keeps that key hashed and the request as a MAC under it. The
 * server never stores the idempotency key, so the row alone reveals neither the receipt nor the ballot sent.
 */

/** What an idempotency key may be: 16 to 128 letters, digits, and `.`, `_`, `:`, `-` (a UUID is one). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{16,128}$/;

function derive(key: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, 'concerta vote idempotency', purpose, 32));
}

export function idempotencyKeyHash(key: string): string {
  return createHash('sha256').update(`idempotency-key:${key}`).digest('hex');
}

/** The request a key was first used for (the vote and the ballot sent), as a MAC under the key. */
export function requestMac(key: string, request: unknown): string {
  return createHmac('sha256', derive(key, 'request')).update(canonicalJson(request)).digest('hex');
}

export function sealReceipt(key: string, receipt: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(key, 'receipt'), iv);
  const sealed = Buffer.concat([cipher.update(receipt, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

export function openReceipt(key: string, box: string): string {
  const raw = Buffer.from(box, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', derive(key, 'receipt'), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
