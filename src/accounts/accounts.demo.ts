import { appendAudit } from '../audit/audit-log.ts';
import { DEMO_ACCOUNTS_BY_ROLE, demoKey, type AreaDemo, type DemoAccount } from '../kernel/area.ts';
import { newId, now } from '../shared/clock.ts';
import { DEMO_ACCOUNTS, DEMO_ONLINE_VOTERS, DEMO_PASSWORD, DEMO_PLANNERS } from '../demo/ilo.ts';
import { grantRole, insertUser } from './accounts.repository.ts';
import { hashPassword } from './password.ts';

/** The planners on the technical team besides the technical team's account, in the order of `DEMO_PLANNERS`. */
export const DEMO_PLANNER_ACCOUNTS = demoKey<readonly DemoAccount[]>('accounts: the demo planners');

/** The accounts of the 2007 agents who voted online, in the order of `DEMO_ONLINE_VOTERS` (full demo). */
export const DEMO_VOTER_ACCOUNTS = demoKey<readonly DemoAccount[]>('accounts: the 2007 online voters');

/**
 * The demo accounts: one user per role, and more planners, who hold their role in the demo municipality; in the full
 * demo, the 2007 agents who voted online (agents of a closed process: no role in the municipality today).
 */
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
    const planners: DemoAccount[] = [];
    for (const a of DEMO_PLANNERS) {
      const id = newId();
      planners.push({ id, dni: a.dni, name: a.name });
      await insertUser(ctx.trx, { id, name: a.name, email: a.email, dni: a.dni, password_hash: passwordHash, created_at: at });
    }
    ctx.state.set(DEMO_PLANNER_ACCOUNTS, planners);
    const voters: DemoAccount[] = [];
    for (const a of ctx.full ? DEMO_ONLINE_VOTERS : []) {
      const id = newId();
      voters.push({ id, dni: a.dni, name: a.name });
      await insertUser(ctx.trx, { id, name: a.name, email: a.email, dni: a.dni, password_hash: passwordHash, created_at: at });
    }
    ctx.state.set(DEMO_VOTER_ACCOUNTS, voters);
  },

  async municipality(ctx) {
    const at = now();
    const planners = ctx.state.get(DEMO_PLANNER_ACCOUNTS);
    const members = [...DEMO_ACCOUNTS.map((a) => ({ role: a.role, userId: ctx.accounts.get(a.role)!.id })), ...DEMO_PLANNERS.map((a, i) => ({ role: a.role, userId: planners[i]!.id }))];
    for (const a of members) {
      const userId = a.userId;
      await grantRole(ctx.trx, { municipalityId: ctx.municipalityId, userId, role: a.role, grantedAt: at, grantedBy: null });
      await appendAudit(ctx.trx, ctx.handle.dialect, { scope: ctx.municipalityId, actorId: null, action: 'membership.grant', entityType: 'user', entityId: userId, reason: 'demo data', data: { role: a.role } });
    }
  },
};
