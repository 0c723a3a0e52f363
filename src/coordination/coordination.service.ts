import type { DatabaseHandle, Executor } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { userNames } from '../accounts/accounts.queries.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { fileExists } from '../files/files.queries.ts';
import { latestProvisionalList, type Entry } from '../prioritization/prioritization.queries.ts';
import { lockProcess, requireProcess } from '../processes/process.queries.ts';
import { soles } from '../processes/process-settings.ts';
import { findProposal } from '../proposals/proposals.queries.ts';
import { AppError } from '../shared/errors.ts';
import { localDate, newId, now } from '../shared/clock.ts';
import { financingOf, PARTY_FOR_REACH, reachAllowedByCost, type Financing, type Reach } from './coordination.ts';
import * as repo from './coordination.repository.ts';

/**
 * Use cases of Coordination: the projects of the provisional list (funded and alternates) with their agreements,
 * reach and financing table; adding and withdrawing agreements and setting the reach (administrators, in
 * Coordination, checked under the process lock inside the write's transaction, audited in it).
 */

export interface AgreementView extends repo.Agreement {
  createdByName: string;
  withdrawal: null | { at: string; by: string; byName: string; reason: string };
}

export interface CoordinationProject {
  proposalId: string;
  number: number;
  title: string;
  zoneName: string;
  /** Its place in the provisional list. */
  status: 'funded' | 'alternate';
  rank: number | null;
  reach: Reach;
  /** Who set the reach and why; null while it is the default (district). */
  reachSet: null | { reason: string; setAt: string; setByName: string };
  /** The reach the adjusted cost alone allows under the legal thresholds (a hint). */
  reachAllowedByCost: Reach;
  /** Agreements in force first, then the withdrawn ones. */
  agreements: AgreementView[];
  financing: Financing;
}

export interface Coordination {
  /** The provisional list the projects come from; null before Concertation computed one. */
  list: null | { id: string; seq: number; computedAt: string; current: boolean };
  projects: CoordinationProject[];
}

type ProjectEntry = Entry & { status: 'funded' | 'alternate'; costCents: number };

async function projectEntries(db: Executor, municipalityId: string, processId: string) {
  const list = await latestProvisionalList(db, municipalityId, processId);
  const entries = (list?.result.pools ?? []).flatMap((p) => p.entries)
    .filter((e): e is ProjectEntry => (e.status === 'funded' || e.status === 'alternate') && e.costCents !== null)
    .sort((a, b) => (a.status === b.status ? a.number - b.number : a.status === 'funded' ? -1 : 1));
  return { list, entries };
}

/** The projects of Coordination: the latest provisional list's funded projects and alternates, with what Coordination adds. */
export async function coordination(db: Executor, municipalityId: string, processId: string): Promise<Coordination> {
  await requireProcess(db, municipalityId, processId);
  const { list, entries } = await projectEntries(db, municipalityId, processId);
  const [agreements, reaches] = await Promise.all([repo.agreementsOf(db, municipalityId, processId), repo.reachOf(db, municipalityId, processId)]);
  const reachBy = new Map(reaches.map((r) => [r.proposalId, r]));
  const names = await userNames(db, [...agreements.flatMap((a) => [a.createdBy, ...(a.withdrawal ? [a.withdrawal.by] : [])]), ...reaches.map((r) => r.setBy)]);
  const projects: CoordinationProject[] = [];
  for (const e of entries) {
    const proposal = await findProposal(db, municipalityId, e.proposalId);
    const mine = agreements.filter((a) => a.proposalId === e.proposalId)
      .sort((a, b) => Number(a.withdrawal !== null) - Number(b.withdrawal !== null));
    const inForce = mine.filter((a) => a.withdrawal === null);
    const reach = reachBy.get(e.proposalId);
    projects.push({
      proposalId: e.proposalId, number: e.number, title: e.title, zoneName: e.zoneName, status: e.status, rank: e.rank,
      reach: reach?.reach ?? 'district',
      reachSet: reach ? { reason: reach.reason, setAt: reach.setAt, setByName: names.get(reach.setBy) ?? '' } : null,
      reachAllowedByCost: reachAllowedByCost(e.costCents),
      agreements: mine.map((a) => ({
        ...a, createdByName: names.get(a.createdBy) ?? '',
        withdrawal: a.withdrawal ? { ...a.withdrawal, byName: names.get(a.withdrawal.by) ?? '' } : null,
      })),
      financing: financingOf(e.status, e.costCents, proposal?.current.pledges ?? [], inForce),
    });
  }
  return { list: list ? { id: list.id, seq: list.seq, computedAt: list.computedAt, current: list.current } : null, projects };
}

/** The project a write names, under the process lock in Coordination: a funded project or an alternate of the latest list. */
async function openProject(trx: Executor, handle: DatabaseHandle, municipalityId: string, processId: string, proposalId: string): Promise<ProjectEntry> {
  const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
  if (process.phase !== 'coordination') throw new AppError('COORDINATION_NOT_OPEN', { phase: process.phase });
  const { entries } = await projectEntries(trx, municipalityId, processId);
  const entry = entries.find((e) => e.proposalId === proposalId);
  if (!entry) throw new AppError('COORDINATION_NOT_A_PROJECT', { value: proposalId }, 'proposalId');
  return entry;
}

export type AgreementInput = Pick<repo.Agreement, 'partyKind' | 'partyName' | 'amountCents' | 'contribution' | 'conditions' | 'documentFileId' | 'signedOn'>;

/** An administrator records a signed agreement that co-finances a project. */
export async function addAgreement(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, proposalId: string, input: AgreementInput): Promise<Coordination> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) throw new AppError('VALIDATION', { rule: 'positive_amount' }, 'amountCents');
  if (input.signedOn > localDate()) throw new AppError('AGREEMENT_SIGNED_LATER', { date: input.signedOn }, 'signedOn');
  await handle.db.transaction().execute(async (trx) => {
    const project = await openProject(trx, handle, municipalityId, processId, proposalId);
    if (input.amountCents > project.costCents) {
      throw new AppError('AGREEMENT_OVER_COST', { amount: soles(input.amountCents), cost: soles(project.costCents), number: project.number }, 'amountCents');
    }
    if (!(await fileExists(trx, municipalityId, input.documentFileId))) {
      throw new AppError('UNKNOWN_REFERENCE', { what: 'file', value: input.documentFileId }, 'documentFileId');
    }
    const id = newId();
    await repo.insertAgreement(trx, municipalityId, { id, processId, proposalId, ...input, createdAt: now(), createdBy: actor.userId });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'coordination.add_agreement', entityType: 'coordination_agreement', entityId: id,
      reason: null, data: { processId, proposalId, number: project.number, ...input },
    });
  });
  return coordination(handle.db, municipalityId, processId);
}

/** An administrator withdraws an agreement, saying why; the agreement stays, marked withdrawn. */
export async function withdrawAgreement(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, agreementId: string, reason: string): Promise<Coordination> {
  await handle.db.transaction().execute(async (trx) => {
    const agreement = await repo.findAgreement(trx, municipalityId, agreementId);
    if (!agreement || agreement.processId !== processId) throw new AppError('NOT_FOUND', { what: `agreement ${agreementId}` });
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
    if (process.phase !== 'coordination') throw new AppError('COORDINATION_NOT_OPEN', { phase: process.phase });
    if (agreement.withdrawal || !(await repo.markWithdrawn(trx, municipalityId, agreementId, { at: now(), by: actor.userId, reason }))) {
      throw new AppError('AGREEMENT_ALREADY_WITHDRAWN', { party: agreement.partyName });
    }
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'coordination.withdraw_agreement', entityType: 'coordination_agreement', entityId: agreementId,
      reason, data: { processId, proposalId: agreement.proposalId, partyName: agreement.partyName, amountCents: agreement.amountCents },
    });
  });
  return coordination(handle.db, municipalityId, processId);
}

/** An administrator sets a project's reach (district, provincial or regional), with the reason. */
export async function setReach(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, proposalId: string, input: { reach: Reach; reason: string }): Promise<Coordination> {
  await handle.db.transaction().execute(async (trx) => {
    const project = await openProject(trx, handle, municipalityId, processId, proposalId);
    const before = (await repo.reachOf(trx, municipalityId, processId)).find((r) => r.proposalId === proposalId)?.reach ?? 'district';
    await repo.upsertReach(trx, municipalityId, processId, { proposalId, reach: input.reach, reason: input.reason, setAt: now(), setBy: actor.userId });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'coordination.set_reach', entityType: 'proposal', entityId: proposalId,
      reason: input.reason, data: { processId, number: project.number, from: before, to: input.reach },
    });
  });
  return coordination(handle.db, municipalityId, processId);
}

/**
 * Funded projects whose financing does not equal their cost (their numbers), for the gate leaving Coordination. The
 * municipality's share closes any shortfall of a funded project, so what can remain is over-financing: co-financing
 * pledged and agreed above the cost, to be settled (an agreement withdrawn or signed again for less) before the Acta.
 */
export function fundedUnbalanced(c: Coordination): number[] {
  return c.projects.filter((p) => p.status === 'funded' && p.financing.gapCents !== 0).map((p) => p.number);
}

/** Projects of provincial or regional reach without an agreement in force with that level of government (their numbers). */
export function reachWithoutAgreement(c: Coordination): number[] {
  return c.projects.filter((p) => p.reach !== 'district'
    && !p.agreements.some((a) => a.withdrawal === null && a.partyKind === PARTY_FOR_REACH[p.reach as Exclude<Reach, 'district'>]))
    .map((p) => p.number);
}
