import type { DatabaseHandle, Executor } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { userNames } from '../accounts/accounts.queries.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { fileSummaries, fileUploaders, type FileSummary } from '../files/files.queries.ts';
import { lockProcess } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { ensureTracked, findTrackedProject, trackedProjects, type TrackedProjectState } from '../execution/execution.queries.ts';
import { AppError } from '../shared/errors.ts';
import { localDate, newId, now } from '../shared/clock.ts';
import { MIN_WORKING_DAYS, addWorkingDays, isOverdue, piaFlag, requestOrder, type PiaFlag } from './oversight.ts';
import * as repo from './oversight.repository.ts';

/**
 * Use cases of the oversight committee's work on a process in Execution (or closed): the opening budget (PIA) the
 * administrator records per tracked project and the flags the committee reads from it, the committee's observations
 * (with photos) and requests for information, and the municipality's answers. Every write runs under the process
 * lock, checks the phase and what it names inside its transaction, and is audited there.
 */

const OPEN_PHASES: readonly Process['phase'][] = ['execution', 'closed'];

async function openProcess(trx: Executor, handle: DatabaseHandle, municipalityId: string, processId: string, mode: 'share' | 'update' = 'share'): Promise<Process> {
  const process = await lockProcess(trx, handle.dialect, municipalityId, processId, mode);
  if (!OPEN_PHASES.includes(process.phase)) throw new AppError('OVERSIGHT_NOT_OPEN', { phase: process.phase });
  return process;
}

async function requireProject(trx: Executor, municipalityId: string, processId: string, projectId: string, field: string) {
  const project = await findTrackedProject(trx, municipalityId, processId, projectId);
  if (!project) throw new AppError('OVERSIGHT_UNKNOWN_PROJECT', { field, value: projectId }, field);
  return project;
}

/** Files to attach must be the actor's own uploads (attaching makes them public); photos must be images. */
async function checkFiles(trx: Executor, municipalityId: string, actorId: string, fileIds: readonly string[], field: string, images: boolean): Promise<string[]> {
  const unique = [...new Set(fileIds)];
  const uploaders = await fileUploaders(trx, municipalityId, unique);
  for (const id of unique) {
    if (!uploaders.has(id)) throw new AppError('UNKNOWN_REFERENCE', { what: 'file', value: id }, field);
    if (uploaders.get(id) !== actorId) throw new AppError('OVERSIGHT_FILE_NOT_YOURS', { field, value: id }, field);
  }
  if (images) {
    for (const f of await fileSummaries(trx, municipalityId, unique)) {
      if (!f.contentType.startsWith('image/')) throw new AppError('OVERSIGHT_PHOTO_NOT_IMAGE', { filename: f.filename }, field);
    }
  }
  return unique;
}

// --- Reading ---

export interface ProjectOversight extends TrackedProjectState {
  /** What the agreement commits the municipality to budget: the participatory budget's share of the project. */
  agreedCents: number;
  /** What the opening budget assigns it; null when not recorded. */
  piaCents: number | null;
  piaFlag: PiaFlag;
  observations: number;
}

export interface ObservationView { id: string; projectId: string; projectNumber: number; projectTitle: string; text: string; filedAt: string; authorName: string; photos: FileSummary[] }

export interface RequestView {
  id: string;
  projectId: string | null;
  projectNumber: number | null;
  projectTitle: string | null;
  question: string;
  deadline: string;
  sentAt: string;
  authorName: string;
  answer: null | { text: string; answeredAt: string; answeredByName: string; documents: FileSummary[] };
  overdue: boolean;
}

export interface Workspace {
  process: Process;
  /** Whether the process is in Execution or closed: its projects are tracked and the committee may act. */
  open: boolean;
  today: string;
  /** The earliest deadline a request sent today may have, and the default. */
  earliestDeadline: string;
  minWorkingDays: number;
  projects: ProjectOversight[];
  pia: Record<PiaFlag, number>;
  observations: ObservationView[];
  /** Overdue first, then the unanswered by deadline, then the answered. */
  requests: RequestView[];
  requestCounts: { total: number; answered: number; pending: number; overdue: number };
}

/** Everything the committee's workspace and the public page show, as of `today` (a local date). */
export async function workspace(db: Executor, process: Process, today = localDate()): Promise<Workspace> {
  const municipalityId = process.municipalityId;
  const [projects, pia, observations, requests] = await Promise.all([
    trackedProjects(db, municipalityId, process.id, today), repo.piaOf(db, municipalityId, process.id),
    repo.observationsOf(db, municipalityId, process.id), repo.requestsOf(db, municipalityId, process.id),
  ]);
  const [photos, documents] = await Promise.all([
    repo.filesOf(db, municipalityId, 'observation', observations.map((o) => o.id)),
    repo.filesOf(db, municipalityId, 'answer', requests.filter((r) => r.answer !== null).map((r) => r.id)),
  ]);
  const files = new Map((await fileSummaries(db, municipalityId, [...photos.values(), ...documents.values()].flat())).map((f) => [f.id, f]));
  const names = await userNames(db, [...observations.map((o) => o.filedBy), ...requests.flatMap((r) => [r.sentBy, ...(r.answeredBy ? [r.answeredBy] : [])])]);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const counted = new Map<string, number>();
  for (const o of observations) counted.set(o.projectId, (counted.get(o.projectId) ?? 0) + 1);
  const pick = (ids: string[] | undefined) => (ids ?? []).flatMap((id) => (files.has(id) ? [files.get(id)!] : []));

  const views: ProjectOversight[] = projects.map((p) => {
    const piaCents = pia.get(p.id)?.piaCents ?? null;
    return { ...p, agreedCents: p.participatoryBudgetCents, piaCents, piaFlag: piaFlag(p.participatoryBudgetCents, piaCents), observations: counted.get(p.id) ?? 0 };
  });
  const piaCounts: Record<PiaFlag, number> = { included: 0, included_less: 0, missing: 0 };
  for (const v of views) piaCounts[v.piaFlag] += 1;
  const requestViews = requestOrder(requests, today).map((r): RequestView => {
    const p = r.projectId ? byId.get(r.projectId) : undefined;
    return {
      id: r.id, projectId: r.projectId, projectNumber: p?.number ?? null, projectTitle: p?.title ?? null, question: r.question, deadline: r.deadline, sentAt: r.sentAt,
      authorName: names.get(r.sentBy) ?? '',
      answer: r.answer !== null && r.answeredAt !== null && r.answeredBy !== null
        ? { text: r.answer, answeredAt: r.answeredAt, answeredByName: names.get(r.answeredBy) ?? '', documents: pick(documents.get(r.id)) }
        : null,
      overdue: isOverdue(r, today),
    };
  });
  return {
    process, open: OPEN_PHASES.includes(process.phase), today, earliestDeadline: addWorkingDays(today, MIN_WORKING_DAYS), minWorkingDays: MIN_WORKING_DAYS,
    projects: views, pia: piaCounts,
    observations: observations.map((o) => {
      const p = byId.get(o.projectId);
      return { id: o.id, projectId: o.projectId, projectNumber: p?.number ?? 0, projectTitle: p?.title ?? '', text: o.body, filedAt: o.filedAt, authorName: names.get(o.filedBy) ?? '', photos: pick(photos.get(o.id)) };
    }),
    requests: requestViews,
    requestCounts: {
      total: requestViews.length, answered: requestViews.filter((r) => r.answer).length,
      pending: requestViews.filter((r) => !r.answer).length, overdue: requestViews.filter((r) => r.overdue).length,
    },
  };
}

/** The workspace, after making sure every funded project is tracked (execution's read does the same). */
export async function readWorkspace(handle: DatabaseHandle, municipalityId: string, processId: string, actorId: string | null): Promise<Workspace> {
  const process = await ensureTracked(handle, municipalityId, processId, actorId);
  return workspace(handle.db, process);
}

// --- Writing ---

/**
 * Records what the opening budget (PIA) assigns to tracked projects (administrators): an amount replaces the one on
 * record; null clears it (not recorded). One audit entry with every change.
 */
export async function recordPia(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: { amounts: { projectId: string; piaCents: number | null }[]; reason: string }): Promise<Workspace> {
  await ensureTracked(handle, municipalityId, processId, actor.userId);
  const process = await handle.db.transaction().execute(async (trx) => {
    // Two administrators recording at once run one after the other (the amounts replace each other, never collide).
    const process = await openProcess(trx, handle, municipalityId, processId, 'update');
    const before = await repo.piaOf(trx, municipalityId, processId);
    const seen = new Set<string>();
    const changes: { projectId: string; number: number; from: number | null; to: number | null }[] = [];
    for (const [i, a] of input.amounts.entries()) {
      const project = await requireProject(trx, municipalityId, processId, a.projectId, `amounts.${i}.projectId`);
      if (seen.has(project.id)) throw new AppError('OVERSIGHT_PROJECT_TWICE', { number: project.number }, `amounts.${i}.projectId`);
      seen.add(project.id);
      const from = before.get(project.id)?.piaCents ?? null;
      if (from === a.piaCents) continue;
      if (a.piaCents === null) await repo.deletePia(trx, municipalityId, processId, project.id);
      else await repo.upsertPia(trx, municipalityId, processId, { projectId: project.id, piaCents: a.piaCents, recordedAt: now(), recordedBy: actor.userId, reason: input.reason });
      changes.push({ projectId: project.id, number: project.number, from, to: a.piaCents });
    }
    if (changes.length > 0) {
      await appendAudit(trx, handle.dialect, {
        scope: municipalityId, actorId: actor.userId, action: 'oversight.record_pia', entityType: 'process', entityId: processId, reason: input.reason, data: { changes },
      });
    }
    return process;
  });
  return workspace(handle.db, process);
}

/** A committee member files an observation on a tracked project, with photos they uploaded. */
export async function fileObservation(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: { projectId: string; observation: string; photoFileIds: string[] }): Promise<{ id: string; workspace: Workspace }> {
  await ensureTracked(handle, municipalityId, processId, actor.userId);
  const id = newId();
  const process = await handle.db.transaction().execute(async (trx) => {
    const process = await openProcess(trx, handle, municipalityId, processId);
    const project = await requireProject(trx, municipalityId, processId, input.projectId, 'projectId');
    const photos = await checkFiles(trx, municipalityId, actor.userId, input.photoFileIds, 'photoFileIds', true);
    await repo.insertObservation(trx, municipalityId, { id, processId, projectId: project.id, body: input.observation, filedAt: now(), filedBy: actor.userId });
    await repo.attachFiles(trx, municipalityId, 'observation', id, photos);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'oversight.observe', entityType: 'oversight_observation', entityId: id, reason: null,
      data: { processId, projectId: project.id, number: project.number, observation: input.observation, photos },
    });
    return process;
  });
  return { id, workspace: await workspace(handle.db, process) };
}

/**
 * A committee member sends a request for information about a project or the whole process; the deadline gives the
 * municipality at least MIN_WORKING_DAYS working days, and is that day when left out.
 */
export async function sendRequest(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: { projectId: string | null; question: string; deadline?: string | undefined }): Promise<{ id: string; workspace: Workspace }> {
  await ensureTracked(handle, municipalityId, processId, actor.userId);
  const id = newId();
  const at = now();
  const earliest = addWorkingDays(localDate(at), MIN_WORKING_DAYS);
  const deadline = input.deadline ?? earliest;
  if (deadline < earliest) throw new AppError('OVERSIGHT_DEADLINE_TOO_SOON', { deadline, days: MIN_WORKING_DAYS, earliest }, 'deadline');
  const process = await handle.db.transaction().execute(async (trx) => {
    const process = await openProcess(trx, handle, municipalityId, processId);
    const project = input.projectId === null ? null : await requireProject(trx, municipalityId, processId, input.projectId, 'projectId');
    await repo.insertRequest(trx, municipalityId, { id, processId, projectId: project?.id ?? null, question: input.question, deadline, sentAt: at, sentBy: actor.userId });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'oversight.request', entityType: 'oversight_request', entityId: id, reason: null,
      data: { processId, projectId: project?.id ?? null, number: project?.number ?? null, question: input.question, deadline },
    });
    return process;
  });
  return { id, workspace: await workspace(handle.db, process) };
}

/** The municipality answers a request once, with documents its staff uploaded; a second answer is refused. */
export async function answerRequest(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, requestId: string, input: { response: string; documentFileIds: string[] }): Promise<Workspace> {
  const process = await handle.db.transaction().execute(async (trx) => {
    const process = await openProcess(trx, handle, municipalityId, processId);
    const request = await repo.findRequest(trx, municipalityId, requestId);
    if (!request || request.processId !== processId) throw new AppError('NOT_FOUND', { what: `request ${requestId}` });
    if (request.answeredAt !== null) throw new AppError('OVERSIGHT_ALREADY_ANSWERED', { date: localDate(request.answeredAt) });
    const documents = await checkFiles(trx, municipalityId, actor.userId, input.documentFileIds, 'documentFileIds', false);
    const at = now();
    if (!(await repo.answerRequest(trx, municipalityId, requestId, { answer: input.response, answeredAt: at, answeredBy: actor.userId }))) {
      throw new AppError('OVERSIGHT_ALREADY_ANSWERED', { date: localDate(at) });
    }
    await repo.attachFiles(trx, municipalityId, 'answer', requestId, documents);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'oversight.answer', entityType: 'oversight_request', entityId: requestId, reason: null,
      data: { processId, answer: input.response, documents, deadline: request.deadline, late: isOverdue(request, localDate(at)) },
    });
    return process;
  });
  return workspace(handle.db, process);
}
