import type { Executor } from '../db/database.ts';

/** What other areas may ask of the accounts area: granting the role an approved registration brings, people's names, roles held. */
export { grantRole } from './accounts.repository.ts';

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
