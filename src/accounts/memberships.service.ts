import type { DatabaseHandle } from '../db/database.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError } from '../shared/errors.ts';
import { now } from '../shared/clock.ts';
import { loginKind } from './identity.ts';
import { findUserByLogin, grantRole } from './accounts.repository.ts';
import { type Role } from '@concerta/contracts';
import { type Actor } from '../access/actor.ts';

export interface Member {
  userId: string;
  name: string;
  email: string | null;
  dni: string | null;
  roles: Role[];
}

/** The accounts holding a role in the municipality, with their roles. */
export async function listMembers(handle: DatabaseHandle, municipalityId: string): Promise<Member[]> {
  const rows = await handle.db.selectFrom('memberships as ms').innerJoin('users as u', 'u.id', 'ms.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.dni', 'ms.role']).where('ms.municipality_id', '=', municipalityId)
    .orderBy('u.name').orderBy('ms.role').execute();
  const members = new Map<string, Member>();
  for (const r of rows) {
    const m = members.get(r.id) ?? { userId: r.id, name: r.name, email: r.email, dni: r.dni, roles: [] };
    m.roles.push(r.role as Role);
    members.set(r.id, m);
  }
  return [...members.values()];
}

/** Gives an existing account (found by email or DNI) a role in the municipality; granting a held role changes nothing. */
export async function grantMembership(handle: DatabaseHandle, actor: Actor, municipalityId: string, login: string, role: Role, reason: string): Promise<Member> {
  const kind = loginKind(login);
  const user = kind ? await findUserByLogin(handle.db, kind, login) : undefined;
  if (!user) throw new AppError('UNKNOWN_REFERENCE', { what: 'account', value: login }, 'login');
  await handle.db.transaction().execute(async (trx) => {
    if (!(await grantRole(trx, { municipalityId, userId: user.id, role, grantedAt: now(), grantedBy: actor.userId }))) return;
    await appendAudit(trx, handle.dialect, { scope: municipalityId, actorId: actor.userId, action: 'membership.grant', entityType: 'user', entityId: user.id, reason, data: { role } });
  });
  return (await listMembers(handle, municipalityId)).find((m) => m.userId === user.id)!;
}

/** Takes a role away. An administrator cannot remove their own administrator role: a municipality is never left without one by mistake. */
export async function revokeMembership(handle: DatabaseHandle, actor: Actor, municipalityId: string, userId: string, role: Role, reason: string): Promise<void> {
  if (userId === actor.userId && role === 'administrator') throw new AppError('FORBIDDEN', { action: 'membership.revoke_own_admin' });
  await handle.db.transaction().execute(async (trx) => {
    const res = await trx.deleteFrom('memberships').where('municipality_id', '=', municipalityId).where('user_id', '=', userId).where('role', '=', role).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw new AppError('NOT_FOUND', { what: `role ${role} of ${userId}` });
    await appendAudit(trx, handle.dialect, { scope: municipalityId, actorId: actor.userId, action: 'membership.revoke', entityType: 'user', entityId: userId, reason, data: { role } });
  });
}
