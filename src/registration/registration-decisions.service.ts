import type { DatabaseHandle } from '../db/database.ts';
import { type Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { grantRole } from '../accounts/accounts.repository.ts';
import { enqueueToContact } from '../communication/outbox.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { now } from '../shared/clock.ts';
import { agentDecisionMessage, organizationDecisionMessage } from './decision-messages.ts';
import { decisionWindowError } from './registration-window.ts';
import type { Agent, Decision, Organization } from './registration.ts';
import { assertAdmission, lockProcess, lockProcessRegistrations, requireBody, requireProcess } from '../processes/process.queries.ts';
import { delegateCounts } from './registration.queries.ts';
import * as repo from './registration.repository.ts';

/**
 * The municipality's decision on registrations: approve or reject, one or many at once (a face-to-face day brings
 * dozens), all or nothing in one transaction. Each decision is audited with its reason and told to the applicant
 * through the outbox. Approving an accredited delegate takes a seat among the delegates: the quota is checked for
 * the batch as a whole.
 */
export interface DecisionInput {
  decision: Decision;
  reason?: string | null | undefined;
}

function cleanReason(input: DecisionInput): string | null {
  const reason = (input.reason ?? '').trim() || null;
  if (input.decision === 'reject' && !reason) throw invalid('reason', 'reason_required');
  return reason;
}

const STATUS_OF: Record<Decision, 'approved' | 'rejected'> = { approve: 'approved', reject: 'rejected' };

/** What every decision needs before its transaction: a reason where required, an open process, the names for the message. */
async function prepareDecision(handle: DatabaseHandle, municipalityId: string, processId: string, input: DecisionInput) {
  const reason = cleanReason(input);
  const process = await requireProcess(handle.db, municipalityId, processId);
  const closed = decisionWindowError(process);
  if (closed) throw closed;
  const municipalityName = await repo.municipalityName(handle.db, municipalityId);
  return { reason, process, municipalityName, status: STATUS_OF[input.decision] };
}

export async function decideAgents(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, agentIds: string[], input: DecisionInput): Promise<Agent[]> {
  const ids = [...new Set(agentIds)];
  const { reason, process, municipalityName, status } = await prepareDecision(handle, municipalityId, processId, input);

  await handle.db.transaction().execute(async (trx) => {
    await lockProcessRegistrations(trx, handle.dialect, processId);
    const closed = decisionWindowError(await lockProcess(trx, handle.dialect, municipalityId, processId));
    if (closed) throw closed;
    const agents = await repo.findAgentsByIds(trx, municipalityId, processId, ids);
    const missing = ids.find((id) => !agents.some((a) => a.id === id));
    if (missing) throw new AppError('NOT_FOUND', { what: `agent ${missing}` }, 'agentIds');
    const decided = agents.find((a) => a.status !== 'pending');
    if (decided) throw new AppError('REGISTRATION_NOT_PENDING', { status: decided.status, id: decided.id, name: decided.fullName }, 'agentIds');

    if (input.decision === 'approve') {
      const delegates = agents.filter((a) => a.organization !== null);
      const women = delegates.filter((a) => a.sex === 'female').length;
      const body = await requireBody(trx, municipalityId, processId, 'delegates');
      assertAdmission(body, await delegateCounts(trx, municipalityId, processId), { women, men: delegates.length - women });
    }

    const at = now();
    for (const agent of agents) {
      if (!(await repo.decideAgent(trx, municipalityId, agent.id, { status, reason, at, by: actor.userId }))) {
        throw new AppError('REGISTRATION_NOT_PENDING', { status: 'decided', id: agent.id, name: agent.fullName }, 'agentIds');
      }
      let roleGranted = false;
      if (status === 'approved' && agent.userId && !(await repo.hasRole(trx, municipalityId, agent.userId, 'participating_agent'))) {
        await grantRole(trx, { municipalityId, userId: agent.userId, role: 'participating_agent', grantedAt: at, grantedBy: actor.userId });
        roleGranted = true;
      }
      await appendAudit(trx, handle.dialect, {
        scope: municipalityId, actorId: actor.userId, action: `registration.${input.decision}`, entityType: 'agent', entityId: agent.id,
        reason, data: { processId, status, delegateOf: agent.organization?.id ?? null, roleGranted, batch: ids.length },
      });
      const message = agentDecisionMessage({
        municipalityName, processName: process.name, decision: input.decision, reason,
        fullName: agent.fullName, delegateOf: agent.organization?.name ?? null,
      });
      await enqueueToContact(trx, municipalityId, { email: agent.email, phone: agent.phone }, {
        ...message, topic: 'registration.decision', relatedType: 'agent', relatedId: agent.id,
      });
    }
  });
  return repo.findAgentsByIds(handle.db, municipalityId, processId, ids).then((list) => ids.map((id) => list.find((a) => a.id === id)!));
}

export async function decideOrganizations(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, organizationIds: string[], input: DecisionInput): Promise<Organization[]> {
  const ids = [...new Set(organizationIds)];
  const { reason, process, municipalityName, status } = await prepareDecision(handle, municipalityId, processId, input);

  await handle.db.transaction().execute(async (trx) => {
    await lockProcessRegistrations(trx, handle.dialect, processId);
    const closed = decisionWindowError(await lockProcess(trx, handle.dialect, municipalityId, processId));
    if (closed) throw closed;
    const orgs = await repo.findOrganizationsByIds(trx, municipalityId, processId, ids);
    const missing = ids.find((id) => !orgs.some((o) => o.id === id));
    if (missing) throw new AppError('NOT_FOUND', { what: `organization ${missing}` }, 'organizationIds');
    const decided = orgs.find((o) => o.status !== 'pending');
    if (decided) throw new AppError('REGISTRATION_NOT_PENDING', { status: decided.status, id: decided.id, name: decided.name }, 'organizationIds');
    const at = now();
    for (const org of orgs) {
      if (!(await repo.decideOrganization(trx, municipalityId, org.id, { status, reason, at, by: actor.userId }))) {
        throw new AppError('REGISTRATION_NOT_PENDING', { status: 'decided', id: org.id, name: org.name }, 'organizationIds');
      }
      await appendAudit(trx, handle.dialect, {
        scope: municipalityId, actorId: actor.userId, action: `registration.${input.decision}`, entityType: 'organization', entityId: org.id,
        reason, data: { processId, status, batch: ids.length },
      });
      const message = organizationDecisionMessage({
        municipalityName, processName: process.name, decision: input.decision, reason, name: org.name, registryNumber: org.registryNumber,
      });
      await enqueueToContact(trx, municipalityId, { email: org.contactEmail, phone: org.contactPhone }, {
        ...message, topic: 'registration.decision', relatedType: 'organization', relatedId: org.id,
      });
    }
  });
  return repo.findOrganizationsByIds(handle.db, municipalityId, processId, ids).then((list) => ids.map((id) => list.find((o) => o.id === id)!));
}
