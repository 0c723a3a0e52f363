import { createHash } from 'node:crypto';
import type { DatabaseHandle } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { AppError, errorBody, type ErrorBody } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { localDate, newId, now } from '../shared/clock.ts';
import { registrationWindowError } from './registration-window.ts';
import { requireProcess } from '../processes/process.queries.ts';
import {
  importAgents, startingProgress, type ImportMode, type ImportProgress, type ImportReport,
} from './registration-import.service.ts';
import * as repo from './registration.repository.ts';

/**
 * A CSV import run as a job: the request that sends the file is answered at once with the job's id, the import runs
 * on (in slices that leave the server responsive), and the client polls the job for its progress, then its report.
 *
 * Jobs live in this server's memory (progress, and the outcome for an hour). An import that writes is also a row of
 * `agent_imports`: written when the job is accepted, and given its report in the transaction that writes the agents,
 * so a finished import's outcome survives a restart; a row still running that no live job runs was interrupted before
 * its transaction committed, and nothing of it was written.
 */
export type ImportJobStatus = 'running' | 'done' | 'failed' | 'interrupted';

export interface ImportJob {
  id: string;
  mode: ImportMode;
  status: ImportJobStatus;
  progress: ImportProgress;
  report: ImportReport | null;
  error: ErrorBody['error'] | null;
  createdAt: string;
  finishedAt: string | null;
}

interface LiveJob {
  id: string;
  municipalityId: string;
  processId: string;
  mode: ImportMode;
  status: 'running' | 'done' | 'failed';
  progress: ImportProgress;
  report: ImportReport | null;
  failure: AppError | null;
  createdAt: string;
  finishedAt: string | null;
  finishedMs: number | null;
  settled: Promise<void>;
}

/** How long a finished job stays in memory (a writing job's outcome stays in the table). */
const KEPT_MS = 60 * 60 * 1000;

/** A failure as stored with a writing job: rendered again in the language of whoever reads it. */
interface StoredFailure {
  code: AppError['code'];
  params: Record<string, unknown>;
  field?: string;
}

export class ImportJobs {
  private readonly live = new Map<string, LiveJob>();

  constructor(
    private readonly handle: DatabaseHandle,
    /** Told about a failure that is not an expected, coded one (the job answers INTERNAL). */
    private readonly onUnexpected: (err: unknown) => void,
  ) {}

  /** Accepts a file: checks the process is open for registration, records a writing job, and starts the import. */
  async start(actor: Actor, municipalityId: string, processId: string, file: Buffer, mode: ImportMode, lang: Lang): Promise<ImportJob> {
    const process = await requireProcess(this.handle.db, municipalityId, processId);
    const closed = registrationWindowError(process, localDate());
    if (closed) throw closed;
    this.forgetOld();

    const id = newId();
    const createdAt = now();
    if (mode !== 'dry-run') {
      await repo.insertAgentImport(this.handle.db, {
        municipality_id: municipalityId, id, process_id: processId, mode, status: 'running',
        file_sha256: createHash('sha256').update(file).digest('hex'), file_bytes: file.length, outcome: null,
        created_by: actor.userId, created_at: createdAt, finished_at: null,
      });
    }
    const job: LiveJob = {
      id, municipalityId, processId, mode, status: 'running', progress: startingProgress(), report: null, failure: null,
      createdAt, finishedAt: null, finishedMs: null, settled: Promise.resolve(),
    };
    job.settled = this.run(job, actor, file, lang);
    this.live.set(id, job);
    return present(job, lang);
  }

  /** A job of this process: live, or a writing job from the table (finished, or interrupted by a restart). */
  async read(municipalityId: string, processId: string, id: string, lang: Lang): Promise<ImportJob> {
    const job = this.live.get(id);
    if (job && job.municipalityId === municipalityId && job.processId === processId) return present(job, lang);
    const row = await repo.findAgentImport(this.handle.db, municipalityId, processId, id);
    if (!row) throw new AppError('NOT_FOUND', { what: `import ${id}` });
    const progress = { ...startingProgress(), stage: 'finished' as const };
    if (row.status === 'done' && row.outcome) {
      const report = JSON.parse(row.outcome) as ImportReport;
      Object.assign(progress, { total: report.total, parsed: report.total, validated: report.total, toWrite: report.written, written: report.written });
      return { id, mode: row.mode, status: 'done', progress, report, error: null, createdAt: row.createdAt, finishedAt: row.finishedAt };
    }
    const failure = row.status === 'failed' && row.outcome ? storedFailure(row.outcome) : new AppError('IMPORT_INTERRUPTED');
    return {
      id, mode: row.mode, status: row.status === 'failed' ? 'failed' : 'interrupted', progress, report: null,
      error: errorBody(failure, lang).error, createdAt: row.createdAt, finishedAt: row.finishedAt,
    };
  }

  /** Resolves once every running job has ended (the server waits for them before it closes the database). */
  async settled(): Promise<void> {
    await Promise.all([...this.live.values()].map((j) => j.settled));
  }

  private async run(job: LiveJob, actor: Actor, file: Buffer, lang: Lang): Promise<void> {
    const writes = job.mode !== 'dry-run';
    try {
      job.report = await importAgents(this.handle, actor, job.municipalityId, job.processId, file, job.mode, lang, {
        progress: job.progress,
        importId: job.id,
        beforeCommit: writes
          ? (trx, report) => repo.finishAgentImport(trx, job.municipalityId, job.id, { status: 'done', outcome: JSON.stringify(report), at: now() })
          : undefined,
      });
      job.status = 'done';
    } catch (err) {
      if (!(err instanceof AppError)) this.onUnexpected(err);
      const failure = err instanceof AppError ? err : new AppError('INTERNAL');
      // Stored first, then shown: a client told "failed" finds the same in the table, whatever it reads next.
      if (writes) {
        const stored: StoredFailure = { code: failure.code, params: failure.params, ...(failure.field ? { field: failure.field } : {}) };
        await repo.finishAgentImport(this.handle.db, job.municipalityId, job.id, { status: 'failed', outcome: JSON.stringify(stored), at: now() })
          .catch((e: unknown) => this.onUnexpected(e));
      }
      job.failure = failure;
      job.status = 'failed';
    } finally {
      job.progress.stage = 'finished';
      job.finishedAt = now();
      job.finishedMs = Date.now();
    }
  }

  private forgetOld(): void {
    const before = Date.now() - KEPT_MS;
    for (const [id, job] of this.live) if (job.finishedMs !== null && job.finishedMs < before) this.live.delete(id);
  }
}

function storedFailure(outcome: string): AppError {
  const f = JSON.parse(outcome) as StoredFailure;
  return new AppError(f.code, f.params, f.field);
}

function present(job: LiveJob, lang: Lang): ImportJob {
  return {
    id: job.id, mode: job.mode, status: job.status, progress: { ...job.progress }, report: job.report,
    error: job.failure ? errorBody(job.failure, lang).error : null, createdAt: job.createdAt, finishedAt: job.finishedAt,
  };
}
