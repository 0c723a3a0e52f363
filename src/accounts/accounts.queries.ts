import type { Executor } from '../db/database.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { AppError } from '../shared/errors.ts';

/** What other areas may ask of the accounts area: granting (and, on a reverted approval, taking back) the role an approved registration brings, people's names, roles held. */
export { grantRole, revokeRole } from './accounts.repository.ts';

/** The names of these users, by id (unknown ids are left out). */
export async function userNames(db: Executor, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The user, with their name, if they hold one of these roles in the municipality; else null. */
export async function memberWithRole(db: Executor, municipalityId: string, userId: string, roles: readonly string[]): Promise<{ id: string; name: string } | null> {
  const held = await db.selectFrom('memberships').select('user_id').where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId).where('role', 'in', [...roles]).executeTakeFirst();
  if (!held) return null;
  const name = (await userNames(db, [userId])).get(userId);
  return name === undefined ? null : { id: userId, name };
}

/**
 * An account without a DNI states it once, with its first online registration: from then on its online registrations
 * use that DNI. Refused (DNI_NOT_AVAILABLE, saying no more) when another account holds that DNI. Returns the
 * account's DNI after the claim.
 */
export async function claimDni(db: Executor, userId: string, dni: string): Promise<string | null> {
  try {
    await db.updateTable('users').set({ dni }).where('id', '=', userId).where('dni', 'is', null).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('DNI_NOT_AVAILABLE', {}, 'dni');
    throw err;
  }
  // Read back: a registration racing this one may have stated another DNI first; the caller compares.
  const row = await db.selectFrom('users').select('dni').where('id', '=', userId).executeTakeFirst();
  return row?.dni ?? null;
}

/** The people holding a role in the municipality, by name. */
export async function membersWithRole(db: Executor, municipalityId: string, role: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('memberships as ms').innerJoin('users as u', 'u.id', 'ms.user_id').select(['u.id', 'u.name'])
    .where('ms.municipality_id', '=', municipalityId).where('ms.role', '=', role).orderBy('u.name').orderBy('u.id').execute();
}
