import type { DatabaseHandle, Executor } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/policy.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { fileUploaders } from '../files/files.queries.ts';
import { findAxisRef, findObjectiveRef, findZoneRef } from '../plan/plan.queries.ts';
import { lockProcess, requireProcess } from '../processes/process.queries.ts';
import { proposalDeadlineOf, type Process } from '../processes/process.ts';
import { approvedAgentOfUser, findAgentSummary, findOrganizationRef } from '../registration/registration.queries.ts';
import { AppError } from '../shared/errors.ts';
import { localDate, newId, now } from '../shared/clock.ts';
import * as repo from './proposals.repository.ts';
import { findProposal, listProposals } from './proposals.queries.ts';
import { mayEdit } from './proposals.policy.ts';
import {
  checkCost, checkPledges, checkProposalsOpen, type Proposal, type ProposalContent, type ProposalRecord, type ProposalSource,
  type ProposalSummary,
} from './proposals.ts';

/** Use cases of project proposals. Each write checks, then writes and audits in one transaction under the process lock. */

export interface ProposalInput extends ProposalContent {
  reason?: string | undefined;
}

/** The phase, the deadline and the content of a proposal, against the process and the plan; throws the first broken rule. */
async function checkContent(db: Executor, actor: Actor, municipalityId: string, process: Process, c: ProposalContent, attachedBefore: ReadonlySet<string>): Promise<void> {
  const closed = checkProposalsOpen(process.phase, proposalDeadlineOf(process), localDate());
  if (closed) throw closed;
  const badCost = checkCost(c.costCents, process.envelopeCents) ?? checkPledges(c.pledges, c.costCents);
  if (badCost) throw badCost;
  if (!(await findZoneRef(db, municipalityId, c.zoneId))) throw new AppError('UNKNOWN_REFERENCE', { what: 'zone', value: c.zoneId }, 'zoneId');
  if (!(await findAxisRef(db, municipalityId, c.axisId))) throw new AppError('UNKNOWN_REFERENCE', { what: 'axis', value: c.axisId }, 'axisId');
  const objective = await findObjectiveRef(db, municipalityId, c.objectiveId);
  if (!objective) throw new AppError('UNKNOWN_REFERENCE', { what: 'objective', value: c.objectiveId }, 'objectiveId');
  if (objective.axisId !== c.axisId) throw new AppError('OBJECTIVE_NOT_IN_AXIS', { objective: objective.code }, 'objectiveId');
  // An agent attaches what they uploaded themselves (or what the proposal already carried); staff any file of the municipality.
  const uploaders = await fileUploaders(db, municipalityId, c.attachmentFileIds);
  const staff = can(actor, 'file.upload', municipalityId);
  for (const fileId of c.attachmentFileIds) {
    const by = uploaders.get(fileId);
    if (by === undefined || (!staff && by !== actor.userId && !attachedBefore.has(fileId))) {
      throw new AppError('UNKNOWN_REFERENCE', { what: 'file', value: fileId }, 'attachmentFileIds');
    }
  }
}

/** The author of a new proposal: an approved agent of the process and, when they propose for it, their approved organization. */
async function authorOf(db: Executor, municipalityId: string, processId: string, agent: { id: string; organization: { id: string } | null }, forOrganization: boolean): Promise<{ agentId: string; organizationId: string | null }> {
  if (!forOrganization) return { agentId: agent.id, organizationId: null };
  const org = agent.organization ? await findOrganizationRef(db, municipalityId, processId, agent.organization.id) : null;
  if (!org || org.status !== 'approved') throw new AppError('PROPOSER_NOT_DELEGATE', {}, 'onBehalfOfOrganization');
  return { agentId: agent.id, organizationId: org.id };
}

async function create(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: ProposalInput,
  source: ProposalSource, findAuthor: (trx: Executor) => Promise<{ agentId: string; organizationId: string | null }>): Promise<Proposal> {
  const id = newId();
  await handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    const author = await findAuthor(trx);
    await checkContent(trx, actor, municipalityId, process, input, new Set());
    await repo.lockNumbering(trx, handle.dialect, processId);
    const number = await repo.nextNumber(trx, municipalityId, processId);
    const at = now();
    const record: ProposalRecord = {
      id, processId, number, status: 'submitted', authorAgentId: author.agentId, authorOrganizationId: author.organizationId, source,
      currentVersion: 1, submittedAt: at, submittedBy: actor.userId, updatedAt: at,
    };
    await repo.insertProposal(trx, municipalityId, record);
    await repo.insertVersion(trx, municipalityId, id, 1, input, { createdAt: at, createdBy: actor.userId, reason: input.reason ?? null });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: source === 'paper' ? 'proposal.register_paper' : 'proposal.submit',
      entityType: 'proposal', entityId: id, reason: input.reason ?? null,
      data: { processId, number, version: 1, ...auditContent(input), authorAgentId: author.agentId, authorOrganizationId: author.organizationId },
    });
  });
  return (await findProposal(handle.db, municipalityId, id))!;
}

function auditContent(c: ProposalContent) {
  return {
    title: c.title, zoneId: c.zoneId, axisId: c.axisId, objectiveId: c.objectiveId, costCents: c.costCents,
    beneficiariesCount: c.beneficiariesCount, pledges: c.pledges.map((p) => ({ funderKind: p.funderKind, contribution: p.contribution, amountCents: p.amountCents })),
    attachmentFileIds: c.attachmentFileIds,
  };
}

/** An approved agent proposes a project, in their own name or in their approved organization's. */
export async function submitProposal(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string,
  input: ProposalInput & { onBehalfOfOrganization?: boolean | undefined }): Promise<Proposal> {
  return create(handle, actor, municipalityId, processId, input, 'online', async (trx) => {
    const agent = await approvedAgentOfUser(trx, municipalityId, processId, actor.userId);
    if (!agent) throw new AppError('PROPOSER_NOT_APPROVED', {});
    return authorOf(trx, municipalityId, processId, agent, input.onBehalfOfOrganization ?? false);
  });
}

/** Staff type in a proposal brought on paper by an approved agent (or an approved organization's delegate). */
export async function registerPaperProposal(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string,
  input: ProposalInput & { agentId: string; onBehalfOfOrganization?: boolean | undefined }): Promise<Proposal> {
  return create(handle, actor, municipalityId, processId, input, 'paper', async (trx) => {
    const agent = await findAgentSummary(trx, municipalityId, processId, input.agentId);
    if (!agent || agent.status !== 'approved') throw new AppError('PAPER_AUTHOR_NOT_APPROVED', { name: agent?.fullName ?? input.agentId }, 'agentId');
    return authorOf(trx, municipalityId, processId, agent, input.onBehalfOfOrganization ?? false);
  });
}

async function mustFind(db: Executor, municipalityId: string, processId: string, proposalId: string): Promise<ProposalRecord> {
  const r = await repo.findRecord(db, municipalityId, proposalId);
  if (!r || r.processId !== processId) throw new AppError('NOT_FOUND', { what: `proposal ${proposalId}` });
  return r;
}

/** Its authors (or staff, for a paper proposal) write a new version; every earlier version is kept. */
export async function editProposal(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, proposalId: string, input: ProposalInput): Promise<Proposal> {
  await handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    const record = await mustFind(trx, municipalityId, processId, proposalId);
    const agent = await approvedAgentOfUser(trx, municipalityId, processId, actor.userId);
    if (!mayEdit(record, actor, municipalityId, agent ? { id: agent.id, organizationId: agent.organization?.id ?? null } : null)) {
      throw new AppError('PROPOSAL_NOT_AUTHOR', { number: record.number });
    }
    if (record.status === 'withdrawn') throw new AppError('PROPOSAL_WITHDRAWN', { number: record.number });
    const before = (await findProposal(trx, municipalityId, proposalId))!;
    const attachedBefore = new Set(before.versions.flatMap((v) => v.attachments.map((a) => a.id)));
    await checkContent(trx, actor, municipalityId, process, input, attachedBefore);
    const version = record.currentVersion + 1;
    const at = now();
    await repo.insertVersion(trx, municipalityId, proposalId, version, input, { createdAt: at, createdBy: actor.userId, reason: input.reason ?? null });
    await repo.setCurrentVersion(trx, municipalityId, proposalId, version, at);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'proposal.edit', entityType: 'proposal', entityId: proposalId,
      reason: input.reason ?? null, data: { processId, number: record.number, version, ...auditContent(input) },
    });
  });
  return (await findProposal(handle.db, municipalityId, proposalId))!;
}

/** Its authors withdraw a proposal before the deadline; it stays public, marked withdrawn. */
export async function withdrawProposal(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, proposalId: string, reason: string): Promise<Proposal> {
  await handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    const record = await mustFind(trx, municipalityId, processId, proposalId);
    const agent = await approvedAgentOfUser(trx, municipalityId, processId, actor.userId);
    if (!mayEdit(record, actor, municipalityId, agent ? { id: agent.id, organizationId: agent.organization?.id ?? null } : null)) {
      throw new AppError('PROPOSAL_NOT_AUTHOR', { number: record.number });
    }
    if (record.status === 'withdrawn') throw new AppError('PROPOSAL_WITHDRAWN', { number: record.number });
    const closed = checkProposalsOpen(process.phase, proposalDeadlineOf(process), localDate());
    if (closed) throw closed;
    await repo.setStatus(trx, municipalityId, proposalId, 'withdrawn', now());
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'proposal.withdraw', entityType: 'proposal', entityId: proposalId,
      reason, data: { processId, number: record.number },
    });
  });
  return (await findProposal(handle.db, municipalityId, proposalId))!;
}

export async function getProposal(handle: DatabaseHandle, municipalityId: string, processId: string, proposalId: string): Promise<Proposal> {
  const p = await findProposal(handle.db, municipalityId, proposalId);
  if (!p || p.processId !== processId) throw new AppError('NOT_FOUND', { what: `proposal ${proposalId}` });
  return p;
}

export async function searchProposals(handle: DatabaseHandle, municipalityId: string, processId: string, filter: Omit<repo.ProposalFilter, 'processId'>,
  page: { limit: number; offset: number }): Promise<{ process: Process; total: number; proposals: ProposalSummary[] }> {
  const process = await requireProcess(handle.db, municipalityId, processId);
  return { process, ...(await listProposals(handle.db, municipalityId, { ...filter, processId }, page)) };
}

/** The signed-in person's own proposals in a process, and whether and how they may propose. */
export async function myProposals(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string) {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const agent = await approvedAgentOfUser(handle.db, municipalityId, processId, actor.userId);
  const org = agent?.organization ? await findOrganizationRef(handle.db, municipalityId, processId, agent.organization.id) : null;
  const all = agent ? (await listProposals(handle.db, municipalityId, { processId })).proposals : [];
  const mine = all.filter((p) => p.authorAgentId === agent?.id || (p.authorOrganizationId !== null && p.authorOrganizationId === org?.id));
  return {
    process,
    agent: agent ? { id: agent.id, fullName: agent.fullName } : null,
    organization: org && org.status === 'approved' ? { id: org.id, name: org.name } : null,
    proposals: mine,
  };
}

export async function processOfProposal(handle: DatabaseHandle, municipalityId: string, processId: string): Promise<Process> {
  return requireProcess(handle.db, municipalityId, processId);
}

/** Whether this person may edit the proposal now: its author (or staff for a paper one), proposals open, not withdrawn. */
export async function mayEditNow(handle: DatabaseHandle, actor: Actor, municipalityId: string, process: Process, p: ProposalRecord): Promise<boolean> {
  if (p.status === 'withdrawn' || checkProposalsOpen(process.phase, proposalDeadlineOf(process), localDate())) return false;
  const agent = await approvedAgentOfUser(handle.db, municipalityId, process.id, actor.userId);
  return mayEdit(p, actor, municipalityId, agent ? { id: agent.id, organizationId: agent.organization?.id ?? null } : null);
}
