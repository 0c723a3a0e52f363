import type { DatabaseHandle } from '../db/database.ts';
import { appendAudit, PLATFORM_SCOPE } from '../audit/audit-log.ts';
import { hashPassword, DEFAULT_LOG_N } from '../accounts/password.ts';
import { grantRole, insertUser } from '../accounts/accounts.repository.ts';
import { insertJurisdiction, insertMunicipality } from '../territory/territory.repository.ts';
import { newId, now } from '../shared/clock.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ILO_ZONES, JURISDICTIONS, MUNICIPALITIES } from './ilo.ts';

export interface SeedResult {
  seeded: boolean;
  accounts: { email: string; role: string }[];
}

export async function isSeeded(handle: DatabaseHandle): Promise<boolean> {
  const row = await handle.db.selectFrom('municipalities').select('id').where('slug', '=', 'ilo').executeTakeFirst();
  return row !== undefined;
}

/** Loads the Ilo demo once; does nothing if Ilo is already there. One transaction: all of it or none. */
export async function seedDemo(handle: DatabaseHandle, opts: { passwordLogN?: number } = {}): Promise<SeedResult> {
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
    for (const a of DEMO_ACCOUNTS) {
      const userId = newId();
      await insertUser(trx, { id: userId, name: a.name, email: a.email, dni: a.dni, password_hash: passwordHash, created_at: at });
      await grantRole(trx, { municipalityId: ilo, userId, role: a.role, grantedAt: at, grantedBy: null });
      await appendAudit(trx, handle.dialect, { scope: ilo, actorId: null, action: 'membership.grant', entityType: 'user', entityId: userId, reason: 'demo data', data: { role: a.role } });
    }
    await appendAudit(trx, handle.dialect, { scope: PLATFORM_SCOPE, actorId: null, action: 'demo.seed', entityType: 'installation', reason: 'first start with demo data' });
  });
  return { seeded: true, accounts };
}
