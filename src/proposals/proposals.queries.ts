import type { Executor } from '../db/database.ts';
import { pledgedCents, type Proposal, type ProposalRecord, type ProposalStatus, type ProposalSummary } from './proposals.ts';
import { authorsOf, countByStatus, findRecord, isAttachment, listRecords, versionsOf, type ProposalFilter } from './proposals.repository.ts';

/**
 * What other areas may ask of the proposals area (workshops, evaluation, prioritization): proposals of a process by
 * zone, axis, objective or status, and one proposal with its current version, every earlier version and its pledges.
 */
export type { Proposal, ProposalFilter, ProposalRecord, ProposalStatus, ProposalSummary };

/** A proposal's record (number, authors, status, current version number) without its content, or null. */
export async function findProposalRecord(db: Executor, municipalityId: string, proposalId: string): Promise<ProposalRecord | null> {
  return findRecord(db, municipalityId, proposalId);
}

/** One proposal of the municipality with its current version and its history (newest first), or null. */
export async function findProposal(db: Executor, municipalityId: string, proposalId: string): Promise<Proposal | null> {
  const record = await findRecord(db, municipalityId, proposalId);
  if (!record) return null;
  const [versions, authors] = await Promise.all([versionsOf(db, municipalityId, [record], 'all'), authorsOf(db, municipalityId, [record])]);
  const all = versions.get(record.id) ?? [];
  const current = all.find((v) => v.version === record.currentVersion);
  if (!current) return null;
  return { ...record, author: authors.get(record.id)!, current, versions: all };
}

/** The proposals of a process matching the filter, by number, a page at a time, each with its current version. */
export async function listProposals(db: Executor, municipalityId: string, filter: ProposalFilter, page: { limit: number; offset: number } = { limit: 10_000, offset: 0 }): Promise<{ total: number; proposals: ProposalSummary[] }> {
  const { total, records } = await listRecords(db, municipalityId, filter, page);
  const [versions, authors] = await Promise.all([versionsOf(db, municipalityId, records, 'current'), authorsOf(db, municipalityId, records)]);
  const proposals = records.flatMap((r) => {
    const v = versions.get(r.id)?.[0];
    if (!v) return [];
    const { pledges, attachments: _a, description: _d, problem: _p, location: _l, beneficiaryGroups: _g, ...current } = v;
    return [{ ...r, author: authors.get(r.id)!, current, cofinancingCents: pledgedCents(pledges) }];
  });
  return { total, proposals };
}

/** Every proposal of a process that is still in the running (not withdrawn), by number: what evaluation works on. */
export async function submittedProposals(db: Executor, municipalityId: string, processId: string): Promise<ProposalSummary[]> {
  return (await listProposals(db, municipalityId, { processId, status: 'submitted' })).proposals;
}

/** How many proposals a process has, per status. */
export async function countProposals(db: Executor, municipalityId: string, processId: string): Promise<Record<ProposalStatus, number>> {
  return countByStatus(db, municipalityId, processId);
}

/** Whether the file is an attachment of a proposal: proposals are public from the moment they are submitted. */
export async function isProposalAttachment(db: Executor, municipalityId: string, fileId: string): Promise<boolean> {
  return isAttachment(db, municipalityId, fileId);
}
