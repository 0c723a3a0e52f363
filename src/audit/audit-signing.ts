import fs from 'node:fs';
import path from 'node:path';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The installation's Ed25519 key that signs the audit checkpoints. The private key stays outside the database (an
 * environment variable or a file only its owner reads), so whoever can write the database cannot sign a head; the
 * public key is published with the checkpoints, so anyone can check them.
 */
export interface AuditKey {
  privateKey: KeyObject | null;
  publicKey: KeyObject;
  /** The first 16 hex digits of the SHA-256 of the public key (SPKI DER): names the key in checkpoints and answers. */
  id: string;
  /** The public key as SPKI PEM, as it is published. */
  publicPem: string;
}

export interface AuditKeySettings {
  auditSigningKey: string | null;
  auditKeyFile: string;
}

/** A signed head of one chain: the entry `seq` of `scope` had hash `hash` when it was signed at `at`. */
export interface SignedHead {
  scope: string;
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  /** Ed25519 over `checkpointMessage(...)`, base64. */
  signature: string;
}

function fromPrivate(privateKey: KeyObject): AuditKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the audit signing key must be an Ed25519 key, not ${privateKey.asymmetricKeyType ?? 'unknown'}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, ...describePublic(publicKey) };
}

function describePublic(publicKey: KeyObject): Omit<AuditKey, 'privateKey'> {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    publicKey,
    id: createHash('sha256').update(der).digest('hex').slice(0, 16),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Reads a PKCS8 private key given as PEM (newlines may be written `\n`) or as base64 DER. */
export function parseSigningKey(text: string): AuditKey {
  const trimmed = text.trim().replace(/\\n/g, '\n');
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  return fromPrivate(key);
}

/** A public key (SPKI PEM) as published, for checking signatures without the private key. */
export function parsePublicKey(pem: string): Omit<AuditKey, 'privateKey'> & { privateKey: null } {
  return { privateKey: null, ...describePublic(createPublicKey(pem)) };
}

export function newSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/**
 * The installation's key: `AUDIT_SIGNING_KEY` if set, else the key file. With `create`, a missing key file is created
 * (exclusively, mode 0600), as on first start; without it a missing key is null.
 */
export function loadAuditKey(settings: AuditKeySettings, opts: { create: true }): AuditKey;
export function loadAuditKey(settings: AuditKeySettings, opts: { create: boolean }): AuditKey | null;
export function loadAuditKey(settings: AuditKeySettings, opts: { create: boolean }): AuditKey | null {
  if (settings.auditSigningKey) return parseSigningKey(settings.auditSigningKey);
  const file = settings.auditKeyFile;
  if (!fs.existsSync(file)) {
    if (!opts.create) return null;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, newSigningKeyPem(), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process created it first: use theirs
    }
  }
  return parseSigningKey(fs.readFileSync(file, 'utf8'));
}

/**
 * The bytes a checkpoint's signature covers: the canonical JSON (keys sorted, no spaces) of
 * `{ at, hash, scope, seq, type: "concerta.audit.checkpoint" }`, in UTF-8.
 */
export function checkpointMessage(head: Pick<SignedHead, 'scope' | 'seq' | 'hash' | 'at'>): Buffer {
  return Buffer.from(JSON.stringify({ at: head.at, hash: head.hash, scope: head.scope, seq: head.seq, type: 'concerta.audit.checkpoint' }), 'utf8');
}

export function signHead(key: AuditKey, head: Pick<SignedHead, 'scope' | 'seq' | 'hash' | 'at'>): SignedHead {
  if (!key.privateKey) throw new Error('the audit signing key is needed to sign a checkpoint');
  return { ...head, keyId: key.id, signature: sign(null, checkpointMessage(head), key.privateKey).toString('base64') };
}

/** Whether the signature is the key's over the head. A malformed signature is simply not valid. */
export function signatureValid(key: Pick<AuditKey, 'publicKey'>, head: SignedHead): boolean {
  try {
    return verify(null, checkpointMessage(head), key.publicKey, Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
}
