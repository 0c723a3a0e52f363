import type { Executor } from '../db/database.ts';
import type { UsersTable } from './accounts.tables.ts';
import { type Role } from '@concerta/contracts';
import { type Actor, type RoleGrant } from '../access/actor.ts';

export async function findUserByLogin(db: Executor, kind: 'email' | 'dni', login: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where(kind, '=', kind === 'email' ? login.toLowerCase() : login).executeTakeFirst();
}

export async function findUserByEmailOrDni(db: Executor, email: string | null, dni: string | null): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll()
    .where((eb) => eb.or([...(email ? [eb('email', '=', email)] : []), ...(dni ? [eb('dni', '=', dni)] : [])]))
    .executeTakeFirst();
}

export async function insertUser(db: Executor, user: UsersTable): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function roleGrants(db: Executor, userId: string): Promise<RoleGrant[]> {
  const rows = await db.selectFrom('memberships as ms')
    .innerJoin('municipalities as m', 'm.id', 'ms.municipality_id')
    .select(['ms.municipality_id', 'm.slug', 'm.name', 'ms.role'])
    .where('ms.user_id', '=', userId)
    .orderBy('m.name').orderBy('ms.role')
    .execute();
  return rows.map((r) => ({ municipalityId: r.municipality_id, municipalitySlug: r.slug, municipalityName: r.name, role: r.role as Role }));
}

/**
 * Grants a role; a role already held stays as it was (its first grant is kept). The primary key decides two grants
 * at the same moment, so the check and the write cannot race. Returns whether the role is new.
 */
export async function grantRole(db: Executor, grant: { municipalityId: string; userId: string; role: Role; grantedAt: string; grantedBy: string | null }): Promise<boolean> {
  const result = await db.insertInto('memberships').values({
    municipality_id: grant.municipalityId, user_id: grant.userId, role: grant.role, granted_at: grant.grantedAt, granted_by: grant.grantedBy,
  }).onConflict((oc) => oc.columns(['municipality_id', 'user_id', 'role']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Takes back a role a registration brought (a reverted approval); false when the user did not hold it. */
export async function revokeRole(db: Executor, municipalityId: string, userId: string, role: Role): Promise<boolean> {
  const result = await db.deleteFrom('memberships').where('municipality_id', '=', municipalityId).where('user_id', '=', userId).where('role', '=', role).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function actorOf(db: Executor, user: Pick<UsersTable, 'id' | 'name' | 'email' | 'dni'>): Promise<Actor> {
  return { userId: user.id, name: user.name, email: user.email, dni: user.dni, roles: await roleGrants(db, user.id) };
}

// Sessions: the cookie carries a random token; only its SHA-256 is stored, so a leaked table cannot be replayed.

export async function insertSession(db: Executor, s: { id: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string }): Promise<void> {
  await db.insertInto('sessions').values({
    id: s.id, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt, revoked_at: null,
  }).execute();
}

export async function findLiveSession(db: Executor, id: string, at: string) {
  return db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.csrf_token', 's.expires_at', 'u.id as user_id', 'u.name', 'u.email', 'u.dni'])
    .where('s.id', '=', id).where('s.revoked_at', 'is', null).where('s.expires_at', '>', at)
    .executeTakeFirst();
}

export async function revokeSession(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
