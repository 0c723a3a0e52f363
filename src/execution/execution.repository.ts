import type { Executor } from '../db/database.ts';
import type { BudgetLine, ExecutionStatus, SourceKind } from './execution.ts';

/** The only place that reads and writes the tracked projects and what hangs from them. Every query names the municipality. */

export interface TrackedProject {
  id: string;
  processId: string;
  proposalId: string;
  number: number;
  title: string;
  zoneId: string;
  zoneName: string;
  priority: number;
  costCents: number;
  investmentCode: string | null;
  status: ExecutionStatus;
  statusReason: string | null;
  physicalTenths: number;
  reportedOn: string | null;
  trackedAt: string;
  updatedAt: string;
}

export interface Milestone {
  id: string;
  projectId: string;
  name: string;
  plannedOn: string;
  actualOn: string | null;
  createdAt: string;
}

export interface ProjectDocument {
  id: string;
  projectId: string;
  fileId: string;
  kind: 'photo' | 'document';
  caption: string;
  addedAt: string;
}

export type ReportKind = 'track' | 'progress' | 'milestone' | 'document';

export interface Report {
  id: string;
  projectId: string;
  seq: number;
  kind: ReportKind;
  reportedOn: string;
  changes: Record<string, unknown>;
  reason: string | null;
  importId: string | null;
  at: string;
  by: string | null;
}

const PROJECT_COLUMNS = [
  'id', 'process_id', 'proposal_id', 'number', 'title', 'zone_id', 'zone_name', 'priority', 'cost_cents', 'investment_code', 'status',
  'status_reason', 'physical_tenths', 'reported_on', 'tracked_at', 'updated_at',
] as const;

type ProjectRow = {
  id: string; process_id: string; proposal_id: string; number: number; title: string; zone_id: string; zone_name: string; priority: number;
  cost_cents: number | string; investment_code: string | null; status: string; status_reason: string | null; physical_tenths: number;
  reported_on: string | null; tracked_at: string; updated_at: string;
};

function toProject(r: ProjectRow): TrackedProject {
  return {
    id: r.id, processId: r.process_id, proposalId: r.proposal_id, number: Number(r.number), title: r.title, zoneId: r.zone_id, zoneName: r.zone_name,
    priority: Number(r.priority), costCents: Number(r.cost_cents), investmentCode: r.investment_code, status: r.status as ExecutionStatus,
    statusReason: r.status_reason, physicalTenths: Number(r.physical_tenths), reportedOn: r.reported_on, trackedAt: r.tracked_at, updatedAt: r.updated_at,
  };
}

/** The proposals of a process that are already tracked projects. */
export async function trackedProposalIds(db: Executor, municipalityId: string, processId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('execution_projects').select('proposal_id')
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  return new Set(rows.map((r) => r.proposal_id));
}

/**
 * Inserts a tracked project unless its proposal already is one in the process (the unique key decides a race: the
 * second insert waits for the first and then does nothing). True when this call created it.
 */
export async function insertProjectIfAbsent(db: Executor, municipalityId: string, p: TrackedProject): Promise<boolean> {
  const inserted = await db.insertInto('execution_projects').values({
    municipality_id: municipalityId, id: p.id, process_id: p.processId, proposal_id: p.proposalId, number: p.number, title: p.title,
    zone_id: p.zoneId, zone_name: p.zoneName, priority: p.priority, cost_cents: p.costCents, investment_code: p.investmentCode,
    status: p.status, status_reason: p.statusReason, physical_tenths: p.physicalTenths, reported_on: p.reportedOn,
    tracked_at: p.trackedAt, updated_at: p.updatedAt,
  }).onConflict((oc) => oc.columns(['municipality_id', 'process_id', 'proposal_id']).doNothing()).returning('id').execute();
  return inserted.length === 1;
}

export async function insertBudgetLines(db: Executor, municipalityId: string, projectId: string, lines: readonly BudgetLine[]): Promise<void> {
  if (lines.length === 0) return;
  await db.insertInto('execution_budget_lines').values(lines.map((l, i) => ({
    municipality_id: municipalityId, project_id: projectId, code: l.code, position: i, kind: l.kind, name: l.name, party_kind: l.partyKind,
    contribution: l.contribution, budgeted_cents: l.budgetedCents, executed_cents: l.executedCents,
  }))).execute();
}

export interface ProjectFilter {
  status?: ExecutionStatus;
  zoneId?: string;
}

/** A page of a process's tracked projects matching the filter, by envelope priority then number, and how many match. */
export async function listProjects(db: Executor, municipalityId: string, processId: string, filter: ProjectFilter, page: { limit: number; offset: number }): Promise<{ total: number; projects: TrackedProject[] }> {
  let q = db.selectFrom('execution_projects').where('municipality_id', '=', municipalityId).where('process_id', '=', processId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.zoneId) q = q.where('zone_id', '=', filter.zoneId);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q.select(PROJECT_COLUMNS).orderBy('number').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { total, projects: rows.map(toProject) };
}

/** Every tracked project of a process, by number. */
export async function allProjects(db: Executor, municipalityId: string, processId: string): Promise<TrackedProject[]> {
  const rows = await db.selectFrom('execution_projects').select(PROJECT_COLUMNS)
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).orderBy('number').orderBy('id').execute();
  return rows.map(toProject);
}

/** How many tracked projects of a process are in each status, and the zones they are in (for the filters). */
export async function projectFacets(db: Executor, municipalityId: string, processId: string): Promise<{ statuses: Map<string, number>; zones: { id: string; name: string }[] }> {
  const counts = await db.selectFrom('execution_projects').select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).groupBy('status').execute();
  const zones = await db.selectFrom('execution_projects').select(['zone_id', 'zone_name']).distinct()
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).orderBy('zone_name').execute();
  return { statuses: new Map(counts.map((c) => [c.status, Number(c.n)])), zones: zones.map((z) => ({ id: z.zone_id, name: z.zone_name })) };
}

export async function findProject(db: Executor, municipalityId: string, projectId: string): Promise<TrackedProject | null> {
  const row = await db.selectFrom('execution_projects').select(PROJECT_COLUMNS)
    .where('municipality_id', '=', municipalityId).where('id', '=', projectId).executeTakeFirst();
  return row ? toProject(row) : null;
}

/** Keeps a project's current state in step with the report just appended. */
export async function updateProjectState(db: Executor, municipalityId: string, projectId: string, s: Pick<TrackedProject, 'status' | 'statusReason' | 'physicalTenths' | 'reportedOn' | 'investmentCode' | 'updatedAt'>): Promise<void> {
  await db.updateTable('execution_projects').set({
    status: s.status, status_reason: s.statusReason, physical_tenths: s.physicalTenths, reported_on: s.reportedOn, investment_code: s.investmentCode, updated_at: s.updatedAt,
  }).where('municipality_id', '=', municipalityId).where('id', '=', projectId).execute();
}

/** The budget lines of each project, in the order of its financing table. */
export async function linesOf(db: Executor, municipalityId: string, projectIds: readonly string[]): Promise<Map<string, BudgetLine[]>> {
  const out = new Map<string, BudgetLine[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return out;
  const rows = await db.selectFrom('execution_budget_lines')
    .select(['project_id', 'code', 'kind', 'name', 'party_kind', 'contribution', 'budgeted_cents', 'executed_cents'])
    .where('municipality_id', '=', municipalityId).where('project_id', 'in', projectIds).orderBy('project_id').orderBy('position').execute();
  for (const r of rows) {
    out.get(r.project_id)?.push({
      code: r.code, kind: r.kind as SourceKind, name: r.name, partyKind: r.party_kind, contribution: r.contribution as BudgetLine['contribution'],
      budgetedCents: Number(r.budgeted_cents), executedCents: Number(r.executed_cents),
    });
  }
  return out;
}

export async function setExecuted(db: Executor, municipalityId: string, projectId: string, code: string, executedCents: number): Promise<void> {
  await db.updateTable('execution_budget_lines').set({ executed_cents: executedCents })
    .where('municipality_id', '=', municipalityId).where('project_id', '=', projectId).where('code', '=', code).execute();
}

/** The milestones of each project, by planned date. */
export async function milestonesOf(db: Executor, municipalityId: string, projectIds: readonly string[]): Promise<Map<string, Milestone[]>> {
  const out = new Map<string, Milestone[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return out;
  const rows = await db.selectFrom('execution_milestones').select(['id', 'project_id', 'name', 'planned_on', 'actual_on', 'created_at'])
    .where('municipality_id', '=', municipalityId).where('project_id', 'in', projectIds).orderBy('planned_on').orderBy('created_at').execute();
  for (const r of rows) {
    out.get(r.project_id)?.push({ id: r.id, projectId: r.project_id, name: r.name, plannedOn: r.planned_on, actualOn: r.actual_on, createdAt: r.created_at });
  }
  return out;
}

export async function insertMilestone(db: Executor, municipalityId: string, m: Milestone & { createdBy: string }): Promise<void> {
  await db.insertInto('execution_milestones').values({
    municipality_id: municipalityId, id: m.id, project_id: m.projectId, name: m.name, planned_on: m.plannedOn, actual_on: m.actualOn,
    created_at: m.createdAt, created_by: m.createdBy,
  }).execute();
}

export async function updateMilestone(db: Executor, municipalityId: string, milestoneId: string, m: Pick<Milestone, 'name' | 'plannedOn' | 'actualOn'>): Promise<void> {
  await db.updateTable('execution_milestones').set({ name: m.name, planned_on: m.plannedOn, actual_on: m.actualOn })
    .where('municipality_id', '=', municipalityId).where('id', '=', milestoneId).execute();
}

export async function documentsOf(db: Executor, municipalityId: string, projectId: string): Promise<ProjectDocument[]> {
  const rows = await db.selectFrom('execution_documents').select(['id', 'project_id', 'file_id', 'kind', 'caption', 'added_at'])
    .where('municipality_id', '=', municipalityId).where('project_id', '=', projectId).orderBy('added_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, projectId: r.project_id, fileId: r.file_id, kind: r.kind as ProjectDocument['kind'], caption: r.caption, addedAt: r.added_at }));
}

export async function insertDocument(db: Executor, municipalityId: string, d: ProjectDocument & { addedBy: string }): Promise<void> {
  await db.insertInto('execution_documents').values({
    municipality_id: municipalityId, id: d.id, project_id: d.projectId, file_id: d.fileId, kind: d.kind, caption: d.caption, added_at: d.addedAt, added_by: d.addedBy,
  }).execute();
}

/** Whether a file is a photo or document of a tracked project: public, as the project's page is. */
export async function isExecutionFile(db: Executor, municipalityId: string, fileId: string): Promise<boolean> {
  const r = await db.selectFrom('execution_documents').select('id')
    .where('municipality_id', '=', municipalityId).where('file_id', '=', fileId).executeTakeFirst();
  return r !== undefined;
}

/** A project's reports, newest first. */
export async function reportsOf(db: Executor, municipalityId: string, projectId: string): Promise<Report[]> {
  const rows = await db.selectFrom('execution_reports').select(['id', 'project_id', 'seq', 'kind', 'reported_on', 'changes', 'reason', 'import_id', 'at', 'by_user'])
    .where('municipality_id', '=', municipalityId).where('project_id', '=', projectId).orderBy('seq', 'desc').execute();
  return rows.map((r) => ({
    id: r.id, projectId: r.project_id, seq: Number(r.seq), kind: r.kind as ReportKind, reportedOn: r.reported_on,
    changes: JSON.parse(r.changes) as Record<string, unknown>, reason: r.reason, importId: r.import_id, at: r.at, by: r.by_user,
  }));
}

/** Appends a report after the project's last one (call inside the transaction that changes the project). */
export async function appendReport(db: Executor, municipalityId: string, r: Omit<Report, 'seq'>): Promise<number> {
  const last = await db.selectFrom('execution_reports').select((eb) => eb.fn.max('seq').as('seq'))
    .where('municipality_id', '=', municipalityId).where('project_id', '=', r.projectId).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await db.insertInto('execution_reports').values({
    municipality_id: municipalityId, id: r.id, project_id: r.projectId, seq, kind: r.kind, reported_on: r.reportedOn,
    changes: JSON.stringify(r.changes), reason: r.reason, import_id: r.importId, at: r.at, by_user: r.by,
  }).execute();
  return seq;
}
