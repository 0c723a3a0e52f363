import { ApiError } from './api';

/** What an import job answers while it runs, and once it ends (both imports' jobs have this shape). */
export interface ImportJobState<P, R> {
  id: string;
  status: string;
  progress: P;
  report?: R | null | undefined;
  error?: { code: string; message: string; messages: { es: string; en: string }; field?: string | undefined; details?: unknown } | null | undefined;
}

/** How often an import job is asked how far it got. */
const POLL_MS = 250;

/**
 * Follows an import job from its start: tells `onProgress` how far it got at each poll, until it ends. Resolves with
 * its report, or rejects with the ApiError the plain import would have answered (an AbortError once `signal` aborts).
 */
export async function followImportJob<P, R>(
  start: Promise<ImportJobState<P, R>>, poll: (jobId: string, signal?: AbortSignal) => Promise<ImportJobState<P, R>>,
  onProgress: (progress: P) => void, signal?: AbortSignal,
): Promise<R> {
  let job = await start;
  for (;;) {
    onProgress(job.progress);
    if (job.status === 'done' && job.report) return job.report;
    if (job.status !== 'running') {
      const error = job.error;
      if (!error) throw new ApiError(422, 'UNEXPECTED', { key: 'errors.unexpected' });
      throw new ApiError(422, error.code, error.messages, error.field, error.details);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (signal?.aborted) throw new DOMException('Import no longer followed', 'AbortError');
    job = await poll(job.id, signal);
  }
}
