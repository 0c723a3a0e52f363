import type { DatabaseHandle } from '../db/database.ts';
import { type Actor } from '../access/actor.ts';
import { grantRole, revokeRole } from '../accounts/accounts.queries.ts';
import { enqueueToContact } from '../communication/outbox.ts';
import { AppError } from '../shared/errors.ts';
import { decide, type DecisionInput as KernelInput, type DecisionKind } from '../decisions/decisions.ts';
import { agentDecisionMessage, agentRevertMessage, organizationDecisionMessage, organizationRevertMessage } from './decision-messages.ts';
import { decisionWindowError } from './registration-window.ts';
import type { Agent, Decision, Organization } from './registration.ts';
import { assertAdmission, lockProcess, lockProcessRegistrations, requireBody, requireProcess } from '../processes/process.queries.ts';
import { delegateCounts } from './registration.queries.ts';
import * as repo from './registration.repository.ts';
import { findLists } from './registration-lists.repository.ts';

/**
 * The municipality's decision on registrations: approve or reject, one or many at once (a face-to-face day brings
 * dozens), all or nothing, through the decision kernel. Each decision is audited with its reason and told to the
 * applicant through the outbox. Approving an accredited delegate takes a seat among the delegates: the quota is
 * checked for the batch as a whole.
 */
export type DecisionInput = KernelInput<Decision>;

const OUTCOMES = { approve: { status: 'approved', reasonRequired: false }, reject: { status: 'rejected', reasonRequired: true } } as const;

/** What both kinds of registration share: the phase window under the process lock, pending-only, the audit action. */
async function registrationKind(handle: DatabaseHandle, municipalityId: string, processId: string) {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const closed = decisionWindowError(process);
  if (closed) throw closed;
  const municipalityName = await repo.municipalityName(handle.db, municipalityId);
  return {
    process, municipalityName,
    common: {
      outcomes: OUTCOMES,
      action: (d: Decision) => `registration.${d}`,
      open: async (trx: Parameters<DecisionKind<{ id: string }, Decision>['open']>[0]) => {
        await lockProcessRegistrations(trx, handle.dialect, processId);
        const shut = decisionWindowError(await lockProcess(trx, handle.dialect, municipalityId, processId));
        if (shut) throw shut;
      },
    },
  };
}

function notPending(field: string, item: { id: string; status: string }, name: string): AppError | null {
  return item.status === 'pending' ? null : new AppError('REGISTRATION_NOT_PENDING', { status: item.status, id: item.id, name }, field);
}

export async function decideAgents(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, agentIds: string[], input: DecisionInput): Promise<Agent[]> {
  const { process, municipalityName, common } = await registrationKind(handle, municipalityId, processId);
  const kind: DecisionKind<Agent, Decision> = {
    ...common,
    entity: 'agent',
    field: 'agentIds',
    find: (db, ids) => repo.findAgentsByIds(db, municipalityId, processId, [...ids]),
    closed: (a) => notPending('agentIds', a, a.fullName),
    raced: (a) => new AppError('REGISTRATION_NOT_PENDING', { status: 'decided', id: a.id, name: a.fullName }, 'agentIds'),
    admit: async (trx, agents, decision) => {
      if (decision !== 'approve') return;
      const delegates = agents.filter((a) => a.organization !== null);
      const women = delegates.filter((a) => a.sex === 'female').length;
      const body = await requireBody(trx, municipalityId, processId, 'delegates');
      assertAdmission(body, await delegateCounts(trx, municipalityId, processId), { women, men: delegates.length - women });
    },
    apply: (trx, a, d) => repo.decideAgent(trx, municipalityId, a.id, { status: d.status as 'approved' | 'rejected', reason: d.reason, at: d.at, by: d.by }),
    follow: async (trx, a, d) => {
      const roleGranted = d.status === 'approved' && a.userId !== null
        && await grantRole(trx, { municipalityId, userId: a.userId, role: 'participating_agent', grantedAt: d.at, grantedBy: d.by });
      return { roleGranted };
    },
    auditData: (a) => ({ processId, delegateOf: a.organization?.id ?? null }),
    notify: async (trx, a, d) => {
      const message = agentDecisionMessage({
        municipalityName, processName: process.name, decision: d.decision, reason: d.reason, fullName: a.fullName, sex: a.sex, delegateOf: a.organization?.name ?? null,
      });
      await enqueueToContact(trx, municipalityId, { email: a.email, phone: a.phone }, { ...message, topic: 'registration.decision', relatedType: 'agent', relatedId: a.id });
    },
  };
  return decide(handle, actor, municipalityId, kind, agentIds, input);
}

export async function decideOrganizations(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, organizationIds: string[], input: DecisionInput): Promise<Organization[]> {
  const { process, municipalityName, common } = await registrationKind(handle, municipalityId, processId);
  const kind: DecisionKind<Organization, Decision> = {
    ...common,
    entity: 'organization',
    field: 'organizationIds',
    find: (db, ids) => repo.findOrganizationsByIds(db, municipalityId, processId, [...ids]),
    closed: (o) => notPending('organizationIds', o, o.name),
    raced: (o) => new AppError('REGISTRATION_NOT_PENDING', { status: 'decided', id: o.id, name: o.name }, 'organizationIds'),
    apply: (trx, o, d) => repo.decideOrganization(trx, municipalityId, o.id, { status: d.status as 'approved' | 'rejected', reason: d.reason, at: d.at, by: d.by }),
    auditData: () => ({ processId }),
    notify: async (trx, o, d) => {
      const message = organizationDecisionMessage({
        municipalityName, processName: process.name, decision: d.decision, reason: d.reason, name: o.name, registryNumber: o.registryNumber,
      });
      await enqueueToContact(trx, municipalityId, { email: o.contactEmail, phone: o.contactPhone }, { ...message, topic: 'registration.decision', relatedType: 'organization', relatedId: o.id });
    },
  };
  return decide(handle, actor, municipalityId, kind, organizationIds, input);
}

/**
 * Reverting a decision: an approved or rejected registration goes back to pending, with the reason (required) in the
 * audit log and in a message to the applicant; it is then decided again. Only in Preparation and until the definitive
 * list is published (after that, the list changes by challenges). Reverting an agent's approval takes back the
 * participating agent role the approval granted, unless another approved registration of theirs holds it; an
 * organization's approval is reverted only while none of its delegates is approved.
 */
const REVERT = { revert: { status: 'pending', reasonRequired: true } } as const;

async function revertKind(handle: DatabaseHandle, municipalityId: string, processId: string) {
  const { process, municipalityName, common } = await registrationKind(handle, municipalityId, processId);
  return {
    process, municipalityName,
    common: {
      outcomes: REVERT,
      action: () => 'registration.revert',
      open: async (trx: Parameters<DecisionKind<{ id: string }, 'revert'>['open']>[0]) => {
        await common.open(trx);
        if ((await findLists(trx, municipalityId, processId)).some((l) => l.stage === 'definitive')) throw new AppError('DEFINITIVE_LIST_PUBLISHED');
      },
    },
  };
}

function notDecided(field: string, item: { id: string; status: string }, name: string): AppError | null {
  return item.status === 'approved' || item.status === 'rejected' ? null : new AppError('REGISTRATION_NOT_DECIDED', { status: item.status, id: item.id, name }, field);
}

export async function revertAgents(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, agentIds: string[], reason: string | null | undefined): Promise<Agent[]> {
  const { process, municipalityName, common } = await revertKind(handle, municipalityId, processId);
  const kind: DecisionKind<Agent, 'revert'> = {
    ...common,
    entity: 'agent',
    field: 'agentIds',
    find: (db, ids) => repo.findAgentsByIds(db, municipalityId, processId, [...ids]),
    closed: (a) => notDecided('agentIds', a, a.fullName),
    raced: (a) => new AppError('REGISTRATION_NOT_DECIDED', { status: 'pending', id: a.id, name: a.fullName }, 'agentIds'),
    apply: (trx, a, d) => repo.revertAgent(trx, municipalityId, a.id, a.status as 'approved' | 'rejected', d.at),
    follow: async (trx, a, d) => {
      if (a.status !== 'approved' || a.userId === null) return { from: a.status, roleRevoked: false };
      const stillHeld = await repo.approvedAgentOfUser(trx, municipalityId, a.userId);
      const roleRevoked = !stillHeld && await revokeRole(trx, municipalityId, a.userId, 'participating_agent');
      return { from: a.status, roleRevoked, at: d.at };
    },
    auditData: (a) => ({ processId, delegateOf: a.organization?.id ?? null }),
    notify: async (trx, a, d) => {
      const message = agentRevertMessage({ municipalityName, processName: process.name, reason: d.reason, fullName: a.fullName, sex: a.sex, from: a.status as 'approved' | 'rejected' });
      await enqueueToContact(trx, municipalityId, { email: a.email, phone: a.phone }, { ...message, topic: 'registration.decision', relatedType: 'agent', relatedId: a.id });
    },
  };
  return decide(handle, actor, municipalityId, kind, agentIds, { decision: 'revert', reason });
}

export async function revertOrganizations(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, organizationIds: string[], reason: string | null | undefined): Promise<Organization[]> {
  const { process, municipalityName, common } = await revertKind(handle, municipalityId, processId);
  const kind: DecisionKind<Organization, 'revert'> = {
    ...common,
    entity: 'organization',
    field: 'organizationIds',
    find: (db, ids) => repo.findOrganizationsByIds(db, municipalityId, processId, [...ids]),
    closed: (o) => notDecided('organizationIds', o, o.name),
    raced: (o) => new AppError('REGISTRATION_NOT_DECIDED', { status: 'pending', id: o.id, name: o.name }, 'organizationIds'),
    admit: async (trx, orgs) => {
      for (const o of orgs) {
        const delegates = await repo.approvedDelegateCount(trx, municipalityId, o.id);
        if (delegates > 0) throw new AppError('ORGANIZATION_HAS_DELEGATES', { name: o.name, count: delegates }, 'organizationIds');
      }
    },
    apply: (trx, o, d) => repo.revertOrganization(trx, municipalityId, o.id, o.status as 'approved' | 'rejected', d.at),
    follow: async (_trx, o) => ({ from: o.status }),
    auditData: () => ({ processId }),
    notify: async (trx, o, d) => {
      const message = organizationRevertMessage({ municipalityName, processName: process.name, reason: d.reason, name: o.name, registryNumber: o.registryNumber, from: o.status as 'approved' | 'rejected' });
      await enqueueToContact(trx, municipalityId, { email: o.contactEmail, phone: o.contactPhone }, { ...message, topic: 'registration.decision', relatedType: 'organization', relatedId: o.id });
    },
  };
  return decide(handle, actor, municipalityId, kind, organizationIds, { decision: 'revert', reason });
}

/** One decision, through the same all-or-nothing path as a batch. */
export async function decideOne<T>(batch: Promise<T[]>): Promise<T> {
  const [item] = await batch;
  if (item === undefined) throw new Error('a decision on one item returned none');
  return item;
}
