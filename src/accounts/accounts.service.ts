import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseHandle } from '../db/database.ts';
import { appendAudit, PLATFORM_SCOPE } from '../audit/audit-log.ts';
import { AppError } from '../shared/errors.ts';
import { newId, now } from '../shared/clock.ts';
import { decoyHash, hashPassword, verifyPassword } from './password.ts';
import { loginKind } from './identity.ts';
import * as repo from './accounts.repository.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { type Actor } from '../access/actor.ts';

export interface AccountSettings {
  passwordLogN: number;
  sessionTtlHours: number;
}

export interface SignUpInput {
  name: string;
  email?: string | undefined;
  dni?: string | undefined;
  password: string;
}

export interface OpenedSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
  actor: Actor;
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function openSession(handle: DatabaseHandle, settings: AccountSettings, user: { id: string; name: string; email: string | null; dni: string | null }): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const createdAt = now();
  const expiresAt = new Date(Date.now() + settings.sessionTtlHours * 3600_000).toISOString();
  await repo.insertSession(handle.db, { id: sessionIdOf(token), userId: user.id, csrfToken, createdAt, expiresAt });
  return { token, csrfToken, expiresAt, actor: await repo.actorOf(handle.db, user) };
}

/** Creates an account (email or DNI, or both) and opens its first session. */
export async function signUp(handle: DatabaseHandle, settings: AccountSettings, input: SignUpInput): Promise<OpenedSession> {
  const email = input.email ?? null;
  const dni = input.dni ?? null;
  const passwordHash = await hashPassword(input.password, settings.passwordLogN);
  const user = { id: newId(), name: input.name.trim(), email, dni, password_hash: passwordHash, created_at: now() };
  await handle.db.transaction().execute(async (trx) => {
    const existing = await repo.findUserByEmailOrDni(trx, email, dni);
    // One answer whichever of the two exists, so sign-up does not tell which emails or DNIs have accounts.
    if (existing) throw new AppError('ACCOUNT_EXISTS', {}, email ? 'email' : 'dni');
    await repo.insertUser(trx, user);
    await appendAudit(trx, handle.dialect, {
      scope: PLATFORM_SCOPE, actorId: user.id, action: 'account.sign_up', entityType: 'user', entityId: user.id,
      data: { via: email ? 'email' : 'dni' },
    });
  }).catch((err: unknown) => {
    // Two sign-ups racing for the same login: the unique key decides, the loser gets the same coded error.
    if (err instanceof AppError) throw err;
    if (isUniqueViolation(err)) throw new AppError('ACCOUNT_EXISTS', {}, email ? 'email' : 'dni');
    throw err;
  });
  return openSession(handle, settings, user);
}

/** Checks a login (email or DNI) and password; the same error whether the account exists or not. */
export async function signIn(handle: DatabaseHandle, settings: AccountSettings, login: string, password: string, replacesToken?: string): Promise<OpenedSession> {
  const kind = loginKind(login.trim());
  const user = kind ? await repo.findUserByLogin(handle.db, kind, login.trim()) : undefined;
  const ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash(settings.passwordLogN)));
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS', {}, 'login');
  // A session id is never carried over from before sign-in: any cookie the browser had is ended, a new one issued.
  if (replacesToken) await repo.revokeSession(handle.db, sessionIdOf(replacesToken), now());
  const opened = await openSession(handle, settings, user);
  await appendAudit(handle.db, handle.dialect, {
    scope: PLATFORM_SCOPE, actorId: user.id, action: 'account.sign_in', entityType: 'user', entityId: user.id,
  });
  return opened;
}

export async function signOut(handle: DatabaseHandle, token: string, actorId: string): Promise<void> {
  await handle.db.transaction().execute(async (trx) => {
    await repo.revokeSession(trx, sessionIdOf(token), now());
    await appendAudit(trx, handle.dialect, {
      scope: PLATFORM_SCOPE, actorId, action: 'account.sign_out', entityType: 'user', entityId: actorId,
    });
  });
}

export interface CurrentSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
}

export async function resolveSession(handle: DatabaseHandle, token: string): Promise<CurrentSession | null> {
  const row = await repo.findLiveSession(handle.db, sessionIdOf(token), now());
  if (!row) return null;
  const actor = await repo.actorOf(handle.db, { id: row.user_id, name: row.name, email: row.email, dni: row.dni });
  return { sessionId: row.id, csrfToken: row.csrf_token, actor };
}
