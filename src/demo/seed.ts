import type { DatabaseHandle } from '../db/database.ts';
import { appendAudit, PLATFORM_SCOPE } from '../audit/audit-log.ts';
import { hashPassword, DEFAULT_LOG_N } from '../accounts/password.ts';
import { grantRole, insertUser } from '../accounts/accounts.repository.ts';
import { insertJurisdiction, insertMunicipality } from '../territory/territory.repository.ts';
import { newId, now } from '../shared/clock.ts';
import { seedPreparationDemo } from './preparation-demo.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ILO_ZONES, JURISDICTIONS, MUNICIPALITIES } from './ilo.ts';

export interface SeedResult {
  seeded: boolean;
  accounts: { email: string; role: string }[];
}

export async function isSeeded(handle: DatabaseHandle): Promise<boolean> {
  const row = await handle.db.selectFrom('municipalities').select('id').where('slug', '=', 'ilo').executeTakeFirst();
  return row !== undefined;
}

/**
 * Loads the Ilo demo once; does nothing if Ilo is already there. One transaction: all of it or none.
 * `full` adds the demo of the cycle so far (plan, past years, this year's registrations and trainings); tests that
 * need only the territory and the accounts leave it out.
 */
export async function seedDemo(handle: DatabaseHandle, opts: { passwordLogN?: number; full?: boolean } = {}): Promise<SeedResult> {
  const accounts = DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role }));
  if (await isSeeded(handle)) return { seeded: false, accounts };
  const passwordHash = await hashPassword(DEMO_PASSWORD, opts.passwordLogN ?? DEFAULT_LOG_N);
  const at = now();
  await handle.db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    for (const j of JURISDICTIONS) {
      const id = newId();
      ids.set(j.key, id);
      await insertJurisdiction(trx, { id, parentId: j.parent ? ids.get(j.parent)! : null, level: j.level, name: j.name, ubigeo: j.ubigeo });
    }
    const municipalityIds = new Map<string, string>();
    for (const m of MUNICIPALITIES) {
      const id = newId();
      municipalityIds.set(m.slug, id);
      await insertMunicipality(trx, { id, jurisdictionId: ids.get(m.jurisdiction)!, slug: m.slug, name: m.name, kind: m.kind, createdAt: at });
      await appendAudit(trx, handle.dialect, { scope: id, actorId: null, action: 'municipality.create', entityType: 'municipality', entityId: id, reason: 'demo data', data: { slug: m.slug } });
    }
    const ilo = municipalityIds.get('ilo')!;
    for (const z of ILO_ZONES) {
      await trx.insertInto('zones').values({ municipality_id: ilo, id: newId(), code: z.code, name: z.name, kind: z.kind, population: z.population, created_at: at }).execute();
    }
    const byRole = new Map<string, { id: string; dni: string; name: string }>();
    for (const a of DEMO_ACCOUNTS) {
      const userId = newId();
      byRole.set(a.role, { id: userId, dni: a.dni, name: a.name });
      await insertUser(trx, { id: userId, name: a.name, email: a.email, dni: a.dni, password_hash: passwordHash, created_at: at });
      await grantRole(trx, { municipalityId: ilo, userId, role: a.role, grantedAt: at, grantedBy: null });
      await appendAudit(trx, handle.dialect, { scope: ilo, actorId: null, action: 'membership.grant', entityType: 'user', entityId: userId, reason: 'demo data', data: { role: a.role } });
    }
    if (opts.full) await seedPreparationDemo(handle, trx, ilo, byRole);
    await appendAudit(trx, handle.dialect, { scope: PLATFORM_SCOPE, actorId: null, action: 'demo.seed', entityType: 'installation', reason: 'first start with demo data' });
  });
  return { seeded: true, accounts };
}
