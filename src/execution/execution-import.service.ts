import { createHash } from 'node:crypto';
import type { DatabaseHandle, Executor } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { AppError, errorBody, ruleText, type ErrorBody } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { soles } from '../processes/process-settings.ts';
import { localDate, newId, now } from '../shared/clock.ts';
import { SLICE_ROWS, yieldToEventLoop, type Checkpoint } from '../registration/csv-import.ts';
import { parseExecutionCsv, planExecutionImport, type ExecutionImportPlan, type ImportTarget, type ParsedExecutionCsv } from './execution-csv.ts';
import type { ReportChanges } from './execution-report.ts';
import * as repo from './execution.repository.ts';
import { ensureTracked, isTracking, stateOf, trackIn, writeReport } from './execution.service.ts';

/**
 * The import of the budget system's progress CSV. `dry-run` reports every bad row (line, column, rule) and what each
 * good row would change, writing nothing; `all-or-nothing` writes every row's report in one transaction only when no
 * row is bad (else 422 EXECUTION_CSV_INVALID_ROWS with the same report), audited once with the file's SHA-256.
 *
 * A long file runs as a job: the request is answered with the job's id and the client polls its progress (the same
 * shape as registration's agent import, so the web app shows both with one component). Jobs live in this server's
 * memory; an import that writes leaves its audit entry (and each project's reports name it), so its outcome outlives
 * a restart, and one interrupted before its commit wrote nothing.
 */
export const EXECUTION_IMPORT_MODES = ['dry-run', 'all-or-nothing'] as const;
export type ExecutionImportMode = (typeof EXECUTION_IMPORT_MODES)[number];

export interface ImportProgress {
  stage: 'parsing' | 'validating' | 'writing' | 'finished';
  chars: number;
  charsParsed: number;
  total: number | null;
  parsed: number;
  validated: number;
  toWrite: number | null;
  written: number;
}

export function startingProgress(): ImportProgress {
  return { stage: 'parsing', chars: 0, charsParsed: 0, total: null, parsed: 0, validated: 0, toWrite: null, written: 0 };
}

export interface ImportRowError { line: number; column: string | null; code: string; message: string }
export interface ImportRowChange { line: number; projectId: string; number: number; title: string; reportedOn: string; changes: ReportChanges; warnings: string[] }

export interface ExecutionImportReport {
  mode: ExecutionImportMode;
  sha256: string;
  total: number;
  valid: number;
  invalid: number;
  written: number;
  errors: ImportRowError[];
  /** What each good row changes (or would change, in a dry run); rows that change nothing are left out. */
  changes: ImportRowChange[];
}

async function reportOf(mode: ExecutionImportMode, sha256: string, plan: ExecutionImportPlan, written: number, lang: Lang): Promise<ExecutionImportReport> {
  const issues = [...plan.issues].sort((a, b) => a.line - b.line);
  const errors: ImportRowError[] = [];
  for (const [n, i] of issues.entries()) {
    if (n > 0 && n % SLICE_ROWS === 0) await yieldToEventLoop({});
    errors.push({ line: i.line, column: i.column, code: i.code, message: errorBody(new AppError(i.code as never, i.params, i.column ?? undefined), lang).error.message });
  }
  const changes = plan.rows.filter((r) => Object.keys(r.plan.changes).length > 0 || r.plan.warnings.length > 0).map((r) => ({
    line: r.line, projectId: r.project.id, number: r.project.number, title: r.project.title, reportedOn: r.input.reportedOn, changes: r.plan.changes,
    warnings: r.plan.warnings.map((w) => ruleText(w.rule, { code: w.params.code, executed: soles(w.params.executedCents), budgeted: soles(w.params.budgetedCents) }, lang)),
  }));
  return { mode, sha256, total: plan.total, valid: plan.total - plan.invalidLines, invalid: plan.invalidLines, written, errors, changes };
}

async function targetsOf(db: Executor, municipalityId: string, processId: string): Promise<ImportTarget[]> {
  const projects = await repo.allProjects(db, municipalityId, processId);
  const lines = await repo.linesOf(db, municipalityId, projects.map((p) => p.id));
  return projects.map((p) => ({ id: p.id, title: p.title, ...stateOf(p, lines.get(p.id) ?? []) }));
}

/** The plan, plus the rule the rows cannot see alone: an investment code belongs to one project of the process. */
async function planImport(csv: ParsedExecutionCsv, targets: ImportTarget[], checkpoint: Checkpoint): Promise<ExecutionImportPlan> {
  const plan = await planExecutionImport(csv, targets, localDate(), checkpoint);
  const owner = new Map(targets.flatMap((t) => (t.investmentCode ? [[t.investmentCode, t] as const] : [])));
  for (const row of [...plan.rows]) {
    const code = row.plan.changes.investmentCode?.to;
    if (!code) continue;
    const other = owner.get(code);
    if (other && other.id !== row.project.id) {
      plan.issues.push({ line: row.line, column: 'codigo_inversion', code: 'EXECUTION_INVESTMENT_CODE_TAKEN', params: { code, number: other.number } });
      plan.rows.splice(plan.rows.indexOf(row), 1);
      plan.invalidLines += 1;
    } else {
      owner.set(code, row.project);
    }
  }
  return plan;
}

export interface ImportHooks {
  progress?: ImportProgress;
  importId?: string;
}

export async function importProgress(
  handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, file: Buffer, mode: ExecutionImportMode, lang: Lang, hooks: ImportHooks = {},
): Promise<ExecutionImportReport> {
  const progress = hooks.progress ?? startingProgress();
  const checkpoint: Checkpoint = async (p) => {
    Object.assign(progress, p);
    await yieldToEventLoop(p);
  };
  const sha256 = createHash('sha256').update(file).digest('hex');
  progress.stage = 'parsing';
  const csv = await parseExecutionCsv(file, checkpoint);
  Object.assign(progress, { stage: 'validating', total: csv.records.length });
  const importId = hooks.importId ?? newId();

  // A dry run reads outside any transaction (on SQLite a transaction would hold the one connection while it checks).
  const process = await ensureTracked(handle, municipalityId, processId, actor.userId);
  if (!isTracking(process)) throw new AppError('EXECUTION_NOT_OPEN', { phase: process.phase });
  if (mode === 'dry-run') {
    const plan = await planImport(csv, await targetsOf(handle.db, municipalityId, processId), checkpoint);
    progress.stage = 'finished';
    return reportOf(mode, sha256, plan, 0, lang);
  }

  return handle.db.transaction().execute(async (trx) => {
    // Checked again in the transaction that writes, against the projects as they are now, under the process lock.
    const locked = await trackIn(trx, handle.dialect, municipalityId, processId, actor.userId);
    if (!isTracking(locked)) throw new AppError('EXECUTION_NOT_OPEN', { phase: locked.phase });
    Object.assign(progress, { validated: 0 });
    const plan = await planImport(csv, await targetsOf(trx, municipalityId, processId), checkpoint);
    if (plan.issues.length > 0) {
      throw new AppError('EXECUTION_CSV_INVALID_ROWS', { count: plan.invalidLines, report: await reportOf(mode, sha256, plan, 0, lang) });
    }
    const toWrite = plan.rows.filter((r) => Object.keys(r.plan.changes).length > 0);
    Object.assign(progress, { stage: 'writing', toWrite: toWrite.length, written: 0 });
    const at = now();
    for (const [n, row] of toWrite.entries()) {
      const project = await repo.findProject(trx, municipalityId, row.project.id);
      if (!project) throw new AppError('NOT_FOUND', { what: `project ${row.project.id}` });
      await writeReport(trx, handle.dialect, municipalityId, project, row.input, row.plan, { actorId: actor.userId, importId, at });
      progress.written = n + 1;
      if ((n + 1) % SLICE_ROWS === 0) await yieldToEventLoop({});
    }
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'execution.import', entityType: 'execution_import', entityId: importId, reason: null,
      data: { processId, sha256, bytes: file.length, rows: plan.total, written: toWrite.length, projects: toWrite.map((r) => ({ number: r.project.number, line: r.line, changes: r.plan.changes })) },
    });
    progress.stage = 'finished';
    return reportOf(mode, sha256, plan, toWrite.length, lang);
  });
}

// --- Jobs ---

export interface ImportJob {
  id: string;
  mode: ExecutionImportMode;
  status: 'running' | 'done' | 'failed';
  progress: ImportProgress;
  report: ExecutionImportReport | null;
  error: ErrorBody['error'] | null;
  createdAt: string;
  finishedAt: string | null;
}

interface LiveJob {
  id: string;
  municipalityId: string;
  processId: string;
  mode: ExecutionImportMode;
  status: ImportJob['status'];
  progress: ImportProgress;
  report: ExecutionImportReport | null;
  failure: AppError | null;
  createdAt: string;
  finishedAt: string | null;
  finishedMs: number | null;
  settled: Promise<void>;
}

const KEPT_MS = 60 * 60 * 1000;

/** Imports running as jobs in this server, polled for their progress; finished ones are kept an hour. */
export class ExecutionImportJobs {
  private readonly live = new Map<string, LiveJob>();

  constructor(private readonly handle: DatabaseHandle, private readonly onUnexpected: (err: unknown) => void) {}

  start(actor: Actor, municipalityId: string, processId: string, file: Buffer, mode: ExecutionImportMode, lang: Lang): ImportJob {
    const before = Date.now() - KEPT_MS;
    for (const [id, job] of this.live) if (job.finishedMs !== null && job.finishedMs < before) this.live.delete(id);
    const job: LiveJob = {
      id: newId(), municipalityId, processId, mode, status: 'running', progress: startingProgress(), report: null, failure: null,
      createdAt: now(), finishedAt: null, finishedMs: null, settled: Promise.resolve(),
    };
    job.settled = this.run(job, actor, file, lang);
    this.live.set(job.id, job);
    return present(job, lang);
  }

  read(municipalityId: string, processId: string, id: string, lang: Lang): ImportJob {
    const job = this.live.get(id);
    if (!job || job.municipalityId !== municipalityId || job.processId !== processId) throw new AppError('NOT_FOUND', { what: `import ${id}` });
    return present(job, lang);
  }

  async settled(): Promise<void> {
    await Promise.all([...this.live.values()].map((j) => j.settled));
  }

  private async run(job: LiveJob, actor: Actor, file: Buffer, lang: Lang): Promise<void> {
    // The job starts after the answer that names it.
    await yieldToEventLoop({});
    try {
      job.report = await importProgress(this.handle, actor, job.municipalityId, job.processId, file, job.mode, lang, { progress: job.progress, importId: job.id });
      job.status = 'done';
    } catch (err) {
      if (!(err instanceof AppError)) this.onUnexpected(err);
      job.failure = err instanceof AppError ? err : new AppError('INTERNAL');
      job.status = 'failed';
    } finally {
      job.progress.stage = 'finished';
      job.finishedAt = now();
      job.finishedMs = Date.now();
    }
  }
}

function present(job: LiveJob, lang: Lang): ImportJob {
  return {
    id: job.id, mode: job.mode, status: job.status, progress: { ...job.progress }, report: job.report,
    error: job.failure ? errorBody(job.failure, lang).error : null, createdAt: job.createdAt, finishedAt: job.finishedAt,
  };
}
