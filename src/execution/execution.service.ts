import type { DatabaseHandle, Dialect, Executor } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { userNames } from '../accounts/accounts.queries.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { fileExists, fileSummaries } from '../files/files.queries.ts';
import { violatesKey } from '../db/unique.ts';
import { lockProcess, requireProcess } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { AppError } from '../shared/errors.ts';
import { localDate, newId, now } from '../shared/clock.ts';
import { behindSchedule, budgetLines, FINAL_STATUSES, financialFraction, tenthsToPercent, type BudgetLine, type ExecutionStatus } from './execution.ts';
import { changesSomething, planReport, type PlannedReport, type ReportInput, type ReportWarning } from './execution-report.ts';
import { trackingSource, type WithdrawnProject } from './execution.source.ts';
import * as repo from './execution.repository.ts';

/**
 * Use cases of execution. Every funded project of a process in Execution (or closed) is a tracked project: reading or
 * writing the area first makes sure each has its row (`track`), in a transaction, once (a unique key), audited as
 * `execution.track`. Administrators then report its status, physical and financial progress, milestones, photos and
 * documents; every change is a report appended to the project's history, its current state kept in step and audited in
 * the same transaction, under the process lock.
 */

const INVESTMENT_CODE_KEY = { index: 'execution_projects_investment_code', columns: ['investment_code'] };

const TRACKING_PHASES: readonly Process['phase'][] = ['execution', 'closed'];

export function isTracking(process: Pick<Process, 'phase'>): boolean {
  return TRACKING_PHASES.includes(process.phase);
}

/**
 * Creates the tracked projects still missing, inside the caller's transaction and under the process lock; the unique
 * key (municipality, process, proposal) lets one of two simultaneous callers create each, and only that one audits it.
 */
export async function trackIn(trx: Executor, dialect: Dialect, municipalityId: string, processId: string, actorId: string | null, at = now()): Promise<Process> {
  const process = await lockProcess(trx, dialect, municipalityId, processId);
  if (!isTracking(process)) return process;
  const source = await trackingSource(trx, municipalityId, processId);
  if (!source) return process;
  const { funded } = source;
  const tracked = await repo.trackedProposalIds(trx, municipalityId, processId);
  const created: { id: string; project: (typeof funded)[number] }[] = [];
  for (const f of funded) {
    if (tracked.has(f.proposalId)) continue;
    const id = newId();
    const inserted = await repo.insertProjectIfAbsent(trx, municipalityId, {
      id, processId, proposalId: f.proposalId, number: f.number, title: f.title, zoneId: f.zoneId, zoneName: f.zoneName, priority: f.priority,
      costCents: f.costCents, investmentCode: f.investmentCode, status: 'in_design', statusReason: null, physicalTenths: 0, reportedOn: null, trackedAt: at, updatedAt: at,
    });
    if (inserted) created.push({ id, project: f });
  }
  for (const { id, project: f } of created) {
    const lines = budgetLines(f.sources);
    await repo.insertBudgetLines(trx, municipalityId, id, lines);
    const budget = lines.map((l) => ({ code: l.code, kind: l.kind, name: l.name, budgetedCents: l.budgetedCents }));
    await repo.appendReport(trx, municipalityId, {
      id: newId(), projectId: id, kind: 'track', reportedOn: localDate(at), changes: { status: { to: 'in_design' }, physicalPercent: { to: 0 }, budget },
      reason: null, importId: null, at, by: actorId,
    });
    await appendAudit(trx, dialect, {
      scope: municipalityId, actorId, action: 'execution.track', entityType: 'execution_project', entityId: id, reason: null,
      data: { processId, proposalId: f.proposalId, number: f.number, costCents: f.costCents, budget },
    });
  }
  await cancelWithdrawn(trx, dialect, municipalityId, processId, source.withdrawn, actorId, at);
  return process;
}

/**
 * A tracked project that an amendment took off the formalized list is cancelled by itself, with the amendment as its
 * reason (a replacement, being on the list, is tracked like any funded project).
 */
async function cancelWithdrawn(trx: Executor, dialect: Dialect, municipalityId: string, processId: string, withdrawn: readonly WithdrawnProject[], actorId: string | null, at: string): Promise<void> {
  if (withdrawn.length === 0) return;
  const tracked = await repo.listProjects(trx, municipalityId, processId, {}, { limit: 10_000, offset: 0 });
  for (const w of withdrawn) {
    const project = tracked.projects.find((p) => p.proposalId === w.proposalId);
    if (!project || FINAL_STATUSES.includes(project.status)) continue;
    const reason = `Retirado de la lista formalizada por la enmienda N.° ${w.amendment}: ${w.reason}`;
    const changes = { status: { from: project.status, to: 'cancelled' as const } };
    await repo.appendReport(trx, municipalityId, { id: newId(), projectId: project.id, kind: 'progress', reportedOn: localDate(at), changes, reason, importId: null, at, by: actorId });
    await repo.updateProjectState(trx, municipalityId, project.id, {
      status: 'cancelled', statusReason: reason, physicalTenths: project.physicalTenths, reportedOn: localDate(at), investmentCode: project.investmentCode, updatedAt: at,
    });
    await appendAudit(trx, dialect, {
      scope: municipalityId, actorId, action: 'execution.report', entityType: 'execution_project', entityId: project.id, reason,
      data: { processId, number: project.number, amendment: w.amendment, changes },
    });
  }
}

/** Makes sure every funded project is tracked before a read: a transaction only when one is missing. */
export async function ensureTracked(handle: DatabaseHandle, municipalityId: string, processId: string, actorId: string | null): Promise<Process> {
  const process = await requireProcess(handle.db, municipalityId, processId);
  if (!isTracking(process)) return process;
  const source = await trackingSource(handle.db, municipalityId, processId);
  if (!source) return process;
  const tracked = await repo.trackedProposalIds(handle.db, municipalityId, processId);
  const withdrawn = new Set(source.withdrawn.map((w) => w.proposalId));
  const toCancel = withdrawn.size > 0 && (await repo.listProjects(handle.db, municipalityId, processId, {}, { limit: 10_000, offset: 0 })).projects
    .some((t) => withdrawn.has(t.proposalId) && !FINAL_STATUSES.includes(t.status));
  if (source.funded.every((f) => tracked.has(f.proposalId)) && !toCancel) return process;
  return handle.db.transaction().execute((trx) => trackIn(trx, handle.dialect, municipalityId, processId, actorId));
}

// --- Reading ---

export interface ProjectSummary {
  id: string;
  proposalId: string;
  number: number;
  title: string;
  zoneId: string;
  zoneName: string;
  investmentCode: string | null;
  status: ExecutionStatus;
  statusReason: string | null;
  physicalPercent: number;
  reportedOn: string | null;
  costCents: number;
  budgetedCents: number;
  executedCents: number;
  /** Executed against budgeted, in percent with one decimal; may pass 100 (overspent). */
  financialPercent: number;
  behindSchedule: boolean;
}

function summary(p: repo.TrackedProject, lines: readonly BudgetLine[], milestones: readonly repo.Milestone[], today: string): ProjectSummary {
  return {
    id: p.id, proposalId: p.proposalId, number: p.number, title: p.title, zoneId: p.zoneId, zoneName: p.zoneName, investmentCode: p.investmentCode,
    status: p.status, statusReason: p.statusReason, physicalPercent: tenthsToPercent(p.physicalTenths), reportedOn: p.reportedOn, costCents: p.costCents,
    budgetedCents: lines.reduce((s, l) => s + l.budgetedCents, 0), executedCents: lines.reduce((s, l) => s + l.executedCents, 0),
    financialPercent: Math.round(financialFraction(lines) * 1000) / 10, behindSchedule: behindSchedule(p.status, milestones, today),
  };
}

export interface TrackedList {
  process: Process;
  /** Whether the process is in Execution or closed, when its funded projects are tracked. */
  tracking: boolean;
  total: number;
  counts: Record<ExecutionStatus, number>;
  zones: { id: string; name: string }[];
  projects: ProjectSummary[];
}

/** A page of a process's tracked projects, filtered by status and zone, with the counts per status and the zones. */
export async function listTracked(handle: DatabaseHandle, municipalityId: string, processId: string, filter: repo.ProjectFilter, page: { page: number; pageSize: number }, actorId: string | null): Promise<TrackedList> {
  const process = await ensureTracked(handle, municipalityId, processId, actorId);
  const db = handle.db;
  const { total, projects } = await repo.listProjects(db, municipalityId, processId, filter, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  const ids = projects.map((p) => p.id);
  const [lines, milestones, facets] = await Promise.all([repo.linesOf(db, municipalityId, ids), repo.milestonesOf(db, municipalityId, ids), repo.projectFacets(db, municipalityId, processId)]);
  const today = localDate();
  const counts = { in_design: 0, tendering: 0, in_execution: 0, completed: 0, suspended: 0, cancelled: 0 } as Record<ExecutionStatus, number>;
  for (const [status, n] of facets.statuses) counts[status as ExecutionStatus] = n;
  return {
    process, tracking: isTracking(process), total, counts, zones: facets.zones,
    projects: projects.map((p) => summary(p, lines.get(p.id) ?? [], milestones.get(p.id) ?? [], today)),
  };
}

export interface ProjectView extends ProjectSummary {
  priority: number;
  lines: BudgetLine[];
  milestones: (repo.Milestone & { overdue: boolean })[];
  documents: (repo.ProjectDocument & { filename: string; contentType: string })[];
  reports: (repo.Report & { byName: string | null })[];
}

async function requireProject(db: Executor, municipalityId: string, processId: string, projectId: string): Promise<repo.TrackedProject> {
  const project = await repo.findProject(db, municipalityId, projectId);
  if (!project || project.processId !== processId) throw new AppError('NOT_FOUND', { what: `project ${projectId}` });
  return project;
}

/** One tracked project with its budget lines, milestones, photos and documents, and its history (newest first). */
export async function projectView(db: Executor, municipalityId: string, processId: string, projectId: string): Promise<ProjectView> {
  const p = await requireProject(db, municipalityId, processId, projectId);
  const [lines, milestones, documents, reports] = await Promise.all([
    repo.linesOf(db, municipalityId, [p.id]), repo.milestonesOf(db, municipalityId, [p.id]), repo.documentsOf(db, municipalityId, p.id), repo.reportsOf(db, municipalityId, p.id),
  ]);
  const today = localDate();
  const ms = milestones.get(p.id) ?? [];
  const files = new Map((await fileSummaries(db, municipalityId, documents.map((d) => d.fileId))).map((f) => [f.id, f]));
  const names = await userNames(db, reports.flatMap((r) => (r.by ? [r.by] : [])));
  return {
    ...summary(p, lines.get(p.id) ?? [], ms, today), priority: p.priority, lines: lines.get(p.id) ?? [],
    milestones: ms.map((m) => ({ ...m, overdue: m.actualOn === null && m.plannedOn < today })),
    documents: documents.map((d) => ({ ...d, filename: files.get(d.fileId)?.filename ?? '', contentType: files.get(d.fileId)?.contentType ?? '' })),
    reports: reports.map((r) => ({ ...r, byName: r.by ? (names.get(r.by) ?? null) : null })),
  };
}

/** The public read of one project: tracked projects are made sure of first. */
export async function readProject(handle: DatabaseHandle, municipalityId: string, processId: string, projectId: string, actorId: string | null): Promise<ProjectView> {
  await ensureTracked(handle, municipalityId, processId, actorId);
  return projectView(handle.db, municipalityId, processId, projectId);
}

// --- Writing ---

/**
 * Opens a write on a project: the transaction's process lock, the phase, the tracked projects made sure of, and the
 * project of this process.
 */
async function openProject(trx: Executor, dialect: Dialect, municipalityId: string, processId: string, projectId: string, actorId: string): Promise<repo.TrackedProject> {
  const process = await trackIn(trx, dialect, municipalityId, processId, actorId);
  if (!isTracking(process)) throw new AppError('EXECUTION_NOT_OPEN', { phase: process.phase });
  return requireProject(trx, municipalityId, processId, projectId);
}

/** Throws the first broken rule of a planned report, as its coded error. */
function refuse(plan: PlannedReport): void {
  const issue = plan.issues[0];
  if (issue) throw new AppError(issue.code as never, issue.params, issue.field);
}

/** Writes a planned report: the history row, the project's state, the budget lines, and the audit entry. */
export async function writeReport(
  trx: Executor, dialect: Dialect, municipalityId: string, project: repo.TrackedProject, input: ReportInput, plan: PlannedReport,
  who: { actorId: string; importId: string | null; at: string },
): Promise<void> {
  const reportId = newId();
  const reason = (input.reason ?? '').trim() || null;
  await repo.appendReport(trx, municipalityId, {
    id: reportId, projectId: project.id, kind: 'progress', reportedOn: input.reportedOn, changes: { ...plan.changes }, reason, importId: who.importId, at: who.at, by: who.actorId,
  });
  await repo.updateProjectState(trx, municipalityId, project.id, { ...plan.next, updatedAt: who.at });
  for (const e of plan.changes.executed ?? []) await repo.setExecuted(trx, municipalityId, project.id, e.code, e.toCents);
  if (who.importId === null) {
    await appendAudit(trx, dialect, {
      scope: municipalityId, actorId: who.actorId, action: 'execution.report', entityType: 'execution_project', entityId: project.id, reason,
      data: { processId: project.processId, number: project.number, reportId, reportedOn: input.reportedOn, changes: plan.changes },
    });
  }
}

/** The state a report is planned against. */
export function stateOf(p: repo.TrackedProject, lines: readonly BudgetLine[]) {
  return { number: p.number, status: p.status, statusReason: p.statusReason, physicalTenths: p.physicalTenths, investmentCode: p.investmentCode, reportedOn: p.reportedOn, lines };
}

/** Refuses an investment code another project of the process already has. */
export function investmentCodeOwner(projects: readonly repo.TrackedProject[], projectId: string, code: string | null): repo.TrackedProject | null {
  if (!code) return null;
  return projects.find((p) => p.id !== projectId && p.investmentCode === code) ?? null;
}

/** An administrator reports a project's progress: status, physical %, executed per source, investment code. */
export async function report(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, projectId: string, input: ReportInput): Promise<{ project: ProjectView; warnings: ReportWarning[] }> {
  const warnings = await handle.db.transaction().execute(async (trx) => {
    const project = await openProject(trx, handle.dialect, municipalityId, processId, projectId, actor.userId);
    const lines = (await repo.linesOf(trx, municipalityId, [project.id])).get(project.id) ?? [];
    const plan = planReport(stateOf(project, lines), input, localDate());
    refuse(plan);
    if (!changesSomething(plan.changes)) throw new AppError('EXECUTION_NOTHING_CHANGES', { number: project.number });
    if (plan.changes.investmentCode) {
      const owner = investmentCodeOwner(await repo.allProjects(trx, municipalityId, processId), project.id, plan.changes.investmentCode.to);
      if (owner) throw new AppError('EXECUTION_INVESTMENT_CODE_TAKEN', { code: plan.changes.investmentCode.to, number: owner.number }, 'investmentCode');
    }
    await writeReport(trx, handle.dialect, municipalityId, project, input, plan, { actorId: actor.userId, importId: null, at: now() });
    return plan.warnings;
  }).catch(async (err: unknown) => {
    // Two reports giving one code to two projects at once: the unique key lets the first in.
    if (!input.investmentCode || !violatesKey(err, INVESTMENT_CODE_KEY)) throw err;
    const owner = investmentCodeOwner(await repo.allProjects(handle.db, municipalityId, processId), projectId, input.investmentCode);
    throw new AppError('EXECUTION_INVESTMENT_CODE_TAKEN', { code: input.investmentCode, number: owner?.number ?? '—' }, 'investmentCode');
  });
  return { project: await projectView(handle.db, municipalityId, processId, projectId), warnings };
}

export interface MilestoneInput {
  name: string;
  plannedOn: string;
  actualOn: string | null;
}

async function recordMilestoneChange(trx: Executor, dialect: Dialect, municipalityId: string, project: repo.TrackedProject, actorId: string, milestoneId: string, action: 'execution.add_milestone' | 'execution.update_milestone', changes: Record<string, unknown>, reason: string | null): Promise<void> {
  const at = now();
  await repo.appendReport(trx, municipalityId, { id: newId(), projectId: project.id, kind: 'milestone', reportedOn: localDate(at), changes, reason, importId: null, at, by: actorId });
  await repo.updateProjectState(trx, municipalityId, project.id, { ...project, updatedAt: at });
  await appendAudit(trx, dialect, {
    scope: municipalityId, actorId, action, entityType: 'execution_milestone', entityId: milestoneId, reason,
    data: { processId: project.processId, projectId: project.id, number: project.number, ...changes },
  });
}

/** An administrator adds a milestone (name, planned date, and the actual date when it is already reached). */
export async function addMilestone(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, projectId: string, input: MilestoneInput): Promise<ProjectView> {
  if (input.actualOn && input.actualOn > localDate()) throw new AppError('EXECUTION_ACTUAL_LATER', { date: input.actualOn }, 'actualOn');
  await handle.db.transaction().execute(async (trx) => {
    const project = await openProject(trx, handle.dialect, municipalityId, processId, projectId, actor.userId);
    const id = newId();
    await repo.insertMilestone(trx, municipalityId, { id, projectId: project.id, ...input, createdAt: now(), createdBy: actor.userId });
    await recordMilestoneChange(trx, handle.dialect, municipalityId, project, actor.userId, id, 'execution.add_milestone', { milestone: { id, ...input } }, null);
  });
  return projectView(handle.db, municipalityId, processId, projectId);
}

/** An administrator changes a milestone (its actual date once reached, or a new planned date), saying why. */
export async function updateMilestone(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, projectId: string, milestoneId: string, input: MilestoneInput & { reason: string }): Promise<ProjectView> {
  if (input.actualOn && input.actualOn > localDate()) throw new AppError('EXECUTION_ACTUAL_LATER', { date: input.actualOn }, 'actualOn');
  await handle.db.transaction().execute(async (trx) => {
    const project = await openProject(trx, handle.dialect, municipalityId, processId, projectId, actor.userId);
    const before = (await repo.milestonesOf(trx, municipalityId, [project.id])).get(project.id)?.find((m) => m.id === milestoneId);
    if (!before) throw new AppError('NOT_FOUND', { what: `milestone ${milestoneId}` });
    const to = { name: input.name, plannedOn: input.plannedOn, actualOn: input.actualOn };
    await repo.updateMilestone(trx, municipalityId, milestoneId, to);
    await recordMilestoneChange(trx, handle.dialect, municipalityId, project, actor.userId, milestoneId, 'execution.update_milestone',
      { milestone: { id: milestoneId, from: { name: before.name, plannedOn: before.plannedOn, actualOn: before.actualOn }, to } }, input.reason);
  });
  return projectView(handle.db, municipalityId, processId, projectId);
}

/** An administrator adds a photo or document (uploaded through the files area); from then on it is public. */
export async function addDocument(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, projectId: string, input: { fileId: string; kind: 'photo' | 'document'; caption: string }): Promise<ProjectView> {
  await handle.db.transaction().execute(async (trx) => {
    const project = await openProject(trx, handle.dialect, municipalityId, processId, projectId, actor.userId);
    if (!(await fileExists(trx, municipalityId, input.fileId))) throw new AppError('UNKNOWN_REFERENCE', { what: 'file', value: input.fileId }, 'fileId');
    if ((await repo.documentsOf(trx, municipalityId, project.id)).some((d) => d.fileId === input.fileId)) {
      throw new AppError('EXECUTION_DOCUMENT_TWICE', { number: project.number }, 'fileId');
    }
    const id = newId();
    const at = now();
    await repo.insertDocument(trx, municipalityId, { id, projectId: project.id, ...input, addedAt: at, addedBy: actor.userId });
    await repo.appendReport(trx, municipalityId, { id: newId(), projectId: project.id, kind: 'document', reportedOn: localDate(at), changes: { document: { id, ...input } }, reason: null, importId: null, at, by: actor.userId });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'execution.add_document', entityType: 'execution_project', entityId: project.id, reason: null,
      data: { processId, number: project.number, documentId: id, ...input },
    });
  });
  return projectView(handle.db, municipalityId, processId, projectId);
}

// --- Read by other areas ---

export interface TrackedProjectState extends ProjectSummary {
  /** What the participatory budget puts into the project (its `pp` budget line): what the municipality must budget. */
  participatoryBudgetCents: number;
}

/** Every tracked project of a process, in order of number, with its state today; none before Execution. */
export async function trackedProjects(db: Executor, municipalityId: string, processId: string, today = localDate()): Promise<TrackedProjectState[]> {
  const projects = await repo.allProjects(db, municipalityId, processId);
  const ids = projects.map((p) => p.id);
  const [lines, milestones] = await Promise.all([repo.linesOf(db, municipalityId, ids), repo.milestonesOf(db, municipalityId, ids)]);
  return projects.map((p) => {
    const l = lines.get(p.id) ?? [];
    return { ...summary(p, l, milestones.get(p.id) ?? [], today), participatoryBudgetCents: l.filter((x) => x.kind === 'participatory_budget').reduce((s, x) => s + x.budgetedCents, 0) };
  }).sort((a, b) => a.number - b.number);
}

/** One tracked project of a process, or null (another process's, or none). */
export async function findTrackedProject(db: Executor, municipalityId: string, processId: string, projectId: string): Promise<{ id: string; number: number; title: string } | null> {
  const p = await repo.findProject(db, municipalityId, projectId);
  return p && p.processId === processId ? { id: p.id, number: p.number, title: p.title } : null;
}
