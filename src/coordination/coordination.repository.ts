import type { Executor } from '../db/database.ts';
import type { Contribution } from '../proposals/proposals.ts';
import type { PartyKind, Reach } from './coordination.ts';

/** The only place that reads and writes the agreements and the reach of the projects. Every query names the municipality. */

export interface Agreement {
  id: string;
  processId: string;
  proposalId: string;
  partyKind: PartyKind;
  partyName: string;
  amountCents: number;
  contribution: Contribution;
  conditions: string;
  documentFileId: string;
  signedOn: string;
  createdAt: string;
  createdBy: string;
  withdrawal: null | { at: string; by: string; reason: string };
}

export interface ReachRecord {
  proposalId: string;
  reach: Reach;
  reason: string;
  setAt: string;
  setBy: string;
}

const AGREEMENT_COLUMNS = [
  'id', 'process_id', 'proposal_id', 'party_kind', 'party_name', 'amount_cents', 'contribution', 'conditions', 'document_file_id',
  'signed_on', 'created_at', 'created_by', 'withdrawn_at', 'withdrawn_by', 'withdrawal_reason',
] as const;

type AgreementRow = {
  id: string; process_id: string; proposal_id: string; party_kind: string; party_name: string; amount_cents: number | string; contribution: string;
  conditions: string; document_file_id: string; signed_on: string; created_at: string; created_by: string;
  withdrawn_at: string | null; withdrawn_by: string | null; withdrawal_reason: string | null;
};

function toAgreement(r: AgreementRow): Agreement {
  return {
    id: r.id, processId: r.process_id, proposalId: r.proposal_id, partyKind: r.party_kind as PartyKind, partyName: r.party_name,
    amountCents: Number(r.amount_cents), contribution: r.contribution as Contribution, conditions: r.conditions,
    documentFileId: r.document_file_id, signedOn: r.signed_on, createdAt: r.created_at, createdBy: r.created_by,
    withdrawal: r.withdrawn_at ? { at: r.withdrawn_at, by: r.withdrawn_by!, reason: r.withdrawal_reason! } : null,
  };
}

/** Every agreement of a process, withdrawn ones too, oldest first. */
export async function agreementsOf(db: Executor, municipalityId: string, processId: string): Promise<Agreement[]> {
  const rows = await db.selectFrom('coordination_agreements').select(AGREEMENT_COLUMNS)
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId)
    .orderBy('created_at').orderBy('id').execute();
  return rows.map(toAgreement);
}

export async function findAgreement(db: Executor, municipalityId: string, agreementId: string): Promise<Agreement | null> {
  const row = await db.selectFrom('coordination_agreements').select(AGREEMENT_COLUMNS)
    .where('municipality_id', '=', municipalityId).where('id', '=', agreementId).executeTakeFirst();
  return row ? toAgreement(row) : null;
}

export async function insertAgreement(db: Executor, municipalityId: string, a: Omit<Agreement, 'withdrawal'>): Promise<void> {
  await db.insertInto('coordination_agreements').values({
    municipality_id: municipalityId, id: a.id, process_id: a.processId, proposal_id: a.proposalId, party_kind: a.partyKind,
    party_name: a.partyName, amount_cents: a.amountCents, contribution: a.contribution, conditions: a.conditions,
    document_file_id: a.documentFileId, signed_on: a.signedOn, created_at: a.createdAt, created_by: a.createdBy,
  }).execute();
}

/** Marks an agreement withdrawn; false when it already was (the condition is part of the update). */
export async function markWithdrawn(db: Executor, municipalityId: string, agreementId: string, w: { at: string; by: string; reason: string }): Promise<boolean> {
  const res = await db.updateTable('coordination_agreements')
    .set({ withdrawn_at: w.at, withdrawn_by: w.by, withdrawal_reason: w.reason })
    .where('municipality_id', '=', municipalityId).where('id', '=', agreementId).where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function isAgreementDocument(db: Executor, municipalityId: string, fileId: string): Promise<boolean> {
  const r = await db.selectFrom('coordination_agreements').select('id')
    .where('municipality_id', '=', municipalityId).where('document_file_id', '=', fileId).executeTakeFirst();
  return r !== undefined;
}

export async function reachOf(db: Executor, municipalityId: string, processId: string): Promise<ReachRecord[]> {
  const rows = await db.selectFrom('coordination_reach').select(['proposal_id', 'reach', 'reason', 'set_at', 'set_by'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  return rows.map((r) => ({ proposalId: r.proposal_id, reach: r.reach as Reach, reason: r.reason, setAt: r.set_at, setBy: r.set_by }));
}

/** Sets a project's reach, replacing the one before (the audit log keeps every change). */
export async function upsertReach(db: Executor, municipalityId: string, processId: string, r: ReachRecord): Promise<void> {
  await db.insertInto('coordination_reach').values({
    municipality_id: municipalityId, process_id: processId, proposal_id: r.proposalId, reach: r.reach, reason: r.reason, set_at: r.setAt, set_by: r.setBy,
  }).onConflict((oc) => oc.columns(['municipality_id', 'process_id', 'proposal_id']).doUpdateSet({
    reach: r.reach, reason: r.reason, set_at: r.setAt, set_by: r.setBy,
  })).execute();
}
