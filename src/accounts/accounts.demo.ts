import { appendAudit } from '../audit/audit-log.ts';
import { DEMO_ACCOUNTS_BY_ROLE, type AreaDemo, type DemoAccount } from '../kernel/area.ts';
import { newId, now } from '../shared/clock.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/ilo.ts';
import { grantRole, insertUser } from './accounts.repository.ts';
import { hashPassword } from './password.ts';

/** The demo accounts: one user per role, who hold that role in the demo municipality. */
export const ACCOUNTS_DEMO: AreaDemo = {
  async platform(ctx) {
    const passwordHash = await hashPassword(DEMO_PASSWORD, ctx.passwordLogN);
    const at = now();
    const byRole = new Map<string, DemoAccount>();
    for (const a of DEMO_ACCOUNTS) {
      const id = newId();
      byRole.set(a.role, { id, dni: a.dni, name: a.name });
      await insertUser(ctx.trx, { id, name: a.name, email: a.email, dni: a.dni, password_hash: passwordHash, created_at: at });
    }
    ctx.state.set(DEMO_ACCOUNTS_BY_ROLE, byRole);
  },

  async municipality(ctx) {
    const at = now();
    for (const a of DEMO_ACCOUNTS) {
      const userId = ctx.accounts.get(a.role)!.id;
      await grantRole(ctx.trx, { municipalityId: ctx.municipalityId, userId, role: a.role, grantedAt: at, grantedBy: null });
      await appendAudit(ctx.trx, ctx.handle.dialect, { scope: ctx.municipalityId, actorId: null, action: 'membership.grant', entityType: 'user', entityId: userId, reason: 'demo data', data: { role: a.role } });
    }
  },
};
