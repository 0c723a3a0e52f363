import { sql } from 'kysely';
import type { Dialect, Executor } from '../db/database.ts';
import { userNames } from '../accounts/accounts.queries.ts';
import { fileSummaries } from '../files/files.queries.ts';
import { axisRefs, objectiveRefs, zonesById } from '../plan/plan.queries.ts';
import { agentSummaries } from '../registration/registration.queries.ts';
import type {
  Pledge, ProposalAuthor, ProposalContent, ProposalRecord, ProposalSource, ProposalStatus, ProposalVersion,
} from './proposals.ts';

/** Every query names the municipality: a proposal, zone or file of another municipality is never reachable. */

const RECORD_COLUMNS = [
  'p.id', 'p.process_id', 'p.number', 'p.status', 'p.author_agent_id', 'p.author_organization_id', 'p.source',
  'p.current_version', 'p.submitted_at', 'p.submitted_by', 'p.updated_at',
] as const;

type RecordRow = {
  id: string; process_id: string; number: number; status: ProposalStatus; author_agent_id: string; author_organization_id: string | null;
  source: ProposalSource; current_version: number; submitted_at: string; submitted_by: string; updated_at: string;
};

function toRecord(r: RecordRow): ProposalRecord {
  return {
    id: r.id, processId: r.process_id, number: Number(r.number), status: r.status, authorAgentId: r.author_agent_id,
    authorOrganizationId: r.author_organization_id, source: r.source, currentVersion: Number(r.current_version),
    submittedAt: r.submitted_at, submittedBy: r.submitted_by, updatedAt: r.updated_at,
  };
}

/**
 * Serializes the numbering of a process's proposals on PostgreSQL (a transaction-scoped advisory lock), so two
 * proposals sent at the same moment do not both take the next number. SQLite runs one writer at a time.
 */
export async function lockNumbering(trx: Executor, dialect: Dialect, processId: string): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${'proposals:' + processId}))`.execute(trx);
}

export async function nextNumber(db: Executor, municipalityId: string, processId: string): Promise<number> {
  const r = await db.selectFrom('proposals').select((eb) => eb.fn.max<number | null>('number').as('n'))
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

export async function insertProposal(db: Executor, municipalityId: string, p: ProposalRecord): Promise<void> {
  await db.insertInto('proposals').values({
    municipality_id: municipalityId, id: p.id, process_id: p.processId, number: p.number, status: p.status,
    author_agent_id: p.authorAgentId, author_organization_id: p.authorOrganizationId, source: p.source,
    current_version: p.currentVersion, submitted_at: p.submittedAt, submitted_by: p.submittedBy, updated_at: p.updatedAt,
  }).execute();
}

/** Writes one version with its pledges (in their order) and attachments; versions are never changed afterwards. */
export async function insertVersion(db: Executor, municipalityId: string, proposalId: string, version: number, c: ProposalContent,
  meta: { createdAt: string; createdBy: string; reason: string | null }): Promise<void> {
  await db.insertInto('proposal_versions').values({
    municipality_id: municipalityId, proposal_id: proposalId, version, title: c.title, description: c.description, zone_id: c.zoneId,
    axis_id: c.axisId, objective_id: c.objectiveId, problem: c.problem, beneficiaries_count: c.beneficiariesCount,
    beneficiary_groups: c.beneficiaryGroups, cost_cents: c.costCents, location: c.location,
    created_at: meta.createdAt, created_by: meta.createdBy, reason: meta.reason,
  }).execute();
  for (const [position, p] of c.pledges.entries()) {
    await db.insertInto('proposal_pledges').values({
      municipality_id: municipalityId, proposal_id: proposalId, version, position, funder_kind: p.funderKind, funder_name: p.funderName,
      contribution: p.contribution, description: p.description, amount_cents: p.amountCents,
    }).execute();
  }
  for (const fileId of new Set(c.attachmentFileIds)) {
    await db.insertInto('proposal_attachments').values({ municipality_id: municipalityId, proposal_id: proposalId, version, file_id: fileId }).execute();
  }
}

/** Points a proposal at its newest version. */
export async function setCurrentVersion(db: Executor, municipalityId: string, proposalId: string, version: number, at: string): Promise<void> {
  await db.updateTable('proposals').set({ current_version: version, updated_at: at })
    .where('municipality_id', '=', municipalityId).where('id', '=', proposalId).execute();
}

export async function setStatus(db: Executor, municipalityId: string, proposalId: string, status: ProposalStatus, at: string): Promise<void> {
  await db.updateTable('proposals').set({ status, updated_at: at }).where('municipality_id', '=', municipalityId).where('id', '=', proposalId).execute();
}

export async function findRecord(db: Executor, municipalityId: string, proposalId: string): Promise<ProposalRecord | null> {
  const r = await db.selectFrom('proposals as p').select(RECORD_COLUMNS)
    .where('p.municipality_id', '=', municipalityId).where('p.id', '=', proposalId).executeTakeFirst();
  return r ? toRecord(r) : null;
}

export interface ProposalFilter {
  processId: string;
  zoneId?: string | undefined;
  axisId?: string | undefined;
  objectiveId?: string | undefined;
  status?: ProposalStatus | undefined;
  authorAgentIds?: readonly string[] | undefined;
  /** Words of the title, description or problem, or the proposal's number. */
  q?: string | undefined;
}

function filtered(db: Executor, municipalityId: string, f: ProposalFilter) {
  let q = db.selectFrom('proposals as p')
    .innerJoin('proposal_versions as v', (j) => j.onRef('v.municipality_id', '=', 'p.municipality_id').onRef('v.proposal_id', '=', 'p.id')
      .onRef('v.version', '=', 'p.current_version'))
    .where('p.municipality_id', '=', municipalityId).where('p.process_id', '=', f.processId);
  if (f.zoneId) q = q.where('v.zone_id', '=', f.zoneId);
  if (f.axisId) q = q.where('v.axis_id', '=', f.axisId);
  if (f.objectiveId) q = q.where('v.objective_id', '=', f.objectiveId);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.authorAgentIds) q = f.authorAgentIds.length ? q.where('p.author_agent_id', 'in', [...f.authorAgentIds]) : q.where(sql<boolean>`1 = 0`);
  const words = (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  for (const w of words) {
    const like = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const number = /^\d{1,9}$/.test(w) ? Number(w) : null;
    q = q.where((eb) => eb.or([
      eb(eb.fn('lower', ['v.title']), 'like', sql<string>`${like} ESCAPE '\\'`),
      eb(eb.fn('lower', ['v.description']), 'like', sql<string>`${like} ESCAPE '\\'`),
      eb(eb.fn('lower', ['v.problem']), 'like', sql<string>`${like} ESCAPE '\\'`),
      ...(number !== null ? [eb('p.number', '=', number)] : []),
    ]));
  }
  return q;
}

/** The proposals of a process matching the filter, by number, a page at a time, with how many match in all. */
export async function listRecords(db: Executor, municipalityId: string, f: ProposalFilter, page: { limit: number; offset: number }): Promise<{ total: number; records: ProposalRecord[] }> {
  const [count, rows] = await Promise.all([
    filtered(db, municipalityId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    filtered(db, municipalityId, f).select(RECORD_COLUMNS).orderBy('p.number').limit(page.limit).offset(page.offset).execute(),
  ]);
  return { total: Number(count.n), records: rows.map(toRecord) };
}

/** Names of the zones, axes, objectives, files and users a set of versions refers to. */
async function namesFor(db: Executor, municipalityId: string, fileIds: string[], userIds: string[]) {
  const [zones, axes, objectives, files, users] = await Promise.all([
    zonesById(db, municipalityId), axisRefs(db, municipalityId), objectiveRefs(db, municipalityId),
    fileSummaries(db, municipalityId, fileIds), userNames(db, userIds),
  ]);
  return { zones, axes: new Map(axes.map((a) => [a.id, a])), objectives: new Map(objectives.map((o) => [o.id, o])), files: new Map(files.map((f) => [f.id, f])), users };
}

/**
 * Versions of the named proposals with the names of what they refer to: every version, or only the current one
 * (`which: 'current'`). Keyed by proposal id, newest version first.
 */
export async function versionsOf(db: Executor, municipalityId: string, records: readonly ProposalRecord[], which: 'current' | 'all'): Promise<Map<string, ProposalVersion[]>> {
  const out = new Map<string, ProposalVersion[]>(records.map((r) => [r.id, []]));
  if (records.length === 0) return out;
  const ids = records.map((r) => r.id);
  let vq = db.selectFrom('proposal_versions as v').innerJoin('proposals as p', (j) => j.onRef('p.municipality_id', '=', 'v.municipality_id').onRef('p.id', '=', 'v.proposal_id'))
    .selectAll('v').where('v.municipality_id', '=', municipalityId).where('v.proposal_id', 'in', ids);
  if (which === 'current') vq = vq.whereRef('v.version', '=', 'p.current_version');
  const versions = await vq.orderBy('v.proposal_id').orderBy('v.version', 'desc').execute();
  const [pledges, attachments] = await Promise.all([
    db.selectFrom('proposal_pledges').selectAll().where('municipality_id', '=', municipalityId).where('proposal_id', 'in', ids)
      .orderBy('proposal_id').orderBy('version').orderBy('position').execute(),
    db.selectFrom('proposal_attachments').selectAll().where('municipality_id', '=', municipalityId).where('proposal_id', 'in', ids)
      .orderBy('file_id').execute(),
  ]);
  const names = await namesFor(db, municipalityId, attachments.map((a) => a.file_id), versions.map((v) => v.created_by));
  const key = (proposalId: string, version: number) => `${proposalId}#${Number(version)}`;
  const pledgesBy = new Map<string, Pledge[]>();
  for (const p of pledges) {
    const k = key(p.proposal_id, p.version);
    pledgesBy.set(k, [...(pledgesBy.get(k) ?? []), {
      funderKind: p.funder_kind, funderName: p.funder_name, contribution: p.contribution, description: p.description, amountCents: Number(p.amount_cents),
    }]);
  }
  const filesBy = new Map<string, ProposalVersion['attachments']>();
  for (const a of attachments) {
    const f = names.files.get(a.file_id);
    if (!f) continue;
    const k = key(a.proposal_id, a.version);
    filesBy.set(k, [...(filesBy.get(k) ?? []), { id: f.id, filename: f.filename, contentType: f.contentType, sizeBytes: f.sizeBytes }]);
  }
  for (const v of versions) {
    const k = key(v.proposal_id, v.version);
    const axis = names.axes.get(v.axis_id);
    const objective = names.objectives.get(v.objective_id);
    out.get(v.proposal_id)!.push({
      version: Number(v.version), title: v.title, description: v.description,
      zone: { id: v.zone_id, name: names.zones.get(v.zone_id)?.name ?? '' },
      axis: { id: v.axis_id, code: axis?.code ?? '', name: axis?.name ?? '' },
      objective: { id: v.objective_id, code: objective?.code ?? '', title: objective?.title ?? '' },
      problem: v.problem, beneficiariesCount: Number(v.beneficiaries_count), beneficiaryGroups: v.beneficiary_groups,
      costCents: Number(v.cost_cents), location: v.location, pledges: pledgesBy.get(k) ?? [], attachments: filesBy.get(k) ?? [],
      createdAt: v.created_at, createdBy: v.created_by, createdByName: names.users.get(v.created_by) ?? '', reason: v.reason,
    });
  }
  return out;
}

/** Who each proposal is by: its agent's name and, for an organization's proposal, the organization's. */
export async function authorsOf(db: Executor, municipalityId: string, records: readonly ProposalRecord[]): Promise<Map<string, ProposalAuthor>> {
  const agents = new Map((await agentSummaries(db, municipalityId, records.map((r) => r.authorAgentId))).map((a) => [a.id, a]));
  return new Map(records.map((r) => {
    const a = agents.get(r.authorAgentId);
    const organization = r.authorOrganizationId && a?.organization?.id === r.authorOrganizationId ? { id: a.organization.id, name: a.organization.name } : null;
    return [r.id, { agent: { id: r.authorAgentId, fullName: a?.fullName ?? '' }, organization }];
  }));
}

/** Whether the file is attached to some version of a proposal (proposals are public from submission). */
export async function isAttachment(db: Executor, municipalityId: string, fileId: string): Promise<boolean> {
  const r = await db.selectFrom('proposal_attachments').select('file_id').where('municipality_id', '=', municipalityId)
    .where('file_id', '=', fileId).limit(1).executeTakeFirst();
  return r !== undefined;
}

/** Proposals of a process counted per status. */
export async function countByStatus(db: Executor, municipalityId: string, processId: string): Promise<Record<ProposalStatus, number>> {
  const rows = await db.selectFrom('proposals').select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).groupBy('status').execute();
  return { submitted: Number(rows.find((r) => r.status === 'submitted')?.n ?? 0), withdrawn: Number(rows.find((r) => r.status === 'withdrawn')?.n ?? 0) };
}
