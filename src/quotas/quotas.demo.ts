import { appendAudit } from '../audit/audit-log.ts';
import type { AreaDemo } from '../kernel/area.ts';
import { findBody } from '../processes/process.queries.ts';
import { DEMO_CURRENT_PROCESS } from '../processes/processes.demo.ts';
import { DEMO_APPROVED_AGENTS } from '../registration/registration.demo.ts';
import { insertMember } from './quota.repository.ts';

/** The directive committee of this year's process (full demo): five of seven seats elected among the delegates, three women. */
export const QUOTAS_DEMO: AreaDemo = {
  async municipality(ctx) {
    if (!ctx.full) return;
    const { id: processId, decidedAt } = ctx.state.get(DEMO_CURRENT_PROCESS);
    const { delegates } = ctx.state.get(DEMO_APPROVED_AGENTS);
    const directive = (await findBody(ctx.trx, ctx.municipalityId, processId, 'directive_committee'))!;
    const adminId = ctx.accounts.get('administrator')!.id;
    for (const member of [...delegates.filter((a) => a.sex === 'female').slice(0, 3), ...delegates.filter((a) => a.sex === 'male').slice(0, 2)]) {
      await insertMember(ctx.trx, ctx.municipalityId, { bodyId: directive.id, agentId: member.id, electedAt: decidedAt, electedBy: adminId });
      await appendAudit(ctx.trx, ctx.handle.dialect, { scope: ctx.municipalityId, actorId: adminId, action: 'body.elect', entityType: 'agent', entityId: member.id, reason: 'elegido en asamblea de delegados', data: { body: 'directive_committee' } });
    }
  },
};
