import type { DatabaseHandle } from './db/database.ts';
import { appendAudit, PLATFORM_SCOPE } from './audit/audit-log.ts';
import { DEFAULT_LOG_N } from './accounts/password.ts';
import { DEMO_ACCOUNTS_BY_ROLE, DEMO_MUNICIPALITY, DemoState, type DemoContext, type PlatformDemoContext } from './kernel/area.ts';
import { findMunicipalityBySlug } from './territory/territory.queries.ts';
import { AREAS } from './areas.ts';
import { DEMO_ACCOUNTS, DEMO_PLANNERS } from './demo/ilo.ts';

export interface SeedResult {
  seeded: boolean;
  accounts: { email: string; role: string }[];
}

export async function isSeeded(handle: DatabaseHandle): Promise<boolean> {
  return (await findMunicipalityBySlug(handle.db, 'ilo')) !== null;
}

/**
 * Loads the Ilo demo once; does nothing if Ilo is already there. One transaction: all of it or none.
 * Each area seeds its own tables (its `demo` in `<area>/<area>.demo.ts`): first every area's installation-wide rows,
 * then every area's rows in Ilo, both in the order of src/areas.ts. `full` adds the demo of the cycle so far (plan,
 * past years, this year's registrations and trainings); tests that need only the territory and the accounts leave it out.
 */
export async function seedDemo(handle: DatabaseHandle, opts: { passwordLogN?: number; full?: boolean } = {}): Promise<SeedResult> {
  const accounts = [...DEMO_ACCOUNTS, ...DEMO_PLANNERS].map((a) => ({ email: a.email, role: a.role }));
  if (await isSeeded(handle)) return { seeded: false, accounts };
  await handle.db.transaction().execute(async (trx) => {
    const platform: PlatformDemoContext = { handle, trx, full: opts.full ?? false, passwordLogN: opts.passwordLogN ?? DEFAULT_LOG_N, state: new DemoState() };
    for (const area of AREAS) await area.demo?.platform?.(platform);
    const ilo: DemoContext = { ...platform, municipalityId: platform.state.get(DEMO_MUNICIPALITY), accounts: platform.state.get(DEMO_ACCOUNTS_BY_ROLE) };
    for (const area of AREAS) await area.demo?.municipality?.(ilo);
    await appendAudit(trx, handle.dialect, { scope: PLATFORM_SCOPE, actorId: null, action: 'demo.seed', entityType: 'installation', reason: 'first start with demo data' });
  });
  return { seeded: true, accounts };
}
