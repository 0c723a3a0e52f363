import type { Executor } from '../db/database.ts';

/** Registrations still waiting for the municipality's decision. */
export async function countPendingRegistrations(db: Executor, municipalityId: string, processId: string): Promise<{ agents: number; organizations: number }> {
  const [a, o] = await Promise.all([
    db.selectFrom('agents').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('status', '=', 'pending').executeTakeFirstOrThrow(),
    db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('status', '=', 'pending').executeTakeFirstOrThrow(),
  ]);
  return { agents: Number(a.n), organizations: Number(o.n) };
}

export async function findApprovedAgentByDni(db: Executor, municipalityId: string, processId: string, dni: string): Promise<{ id: string; fullName: string; sex: 'female' | 'male'; zoneId: string; organizationId: string | null } | null> {
  const r = await db.selectFrom('agents').select(['id', 'full_name', 'sex', 'zone_id', 'organization_id'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('dni', '=', dni).where('status', '=', 'approved')
    .executeTakeFirst();
  return r ? { id: r.id, fullName: r.full_name, sex: r.sex, zoneId: r.zone_id, organizationId: r.organization_id } : null;
}
