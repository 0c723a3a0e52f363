import { followImportJob } from '../../lib/import-job';
import { apiRequest } from '../../lib/api';
import { processPath as p, query } from '../../lib/paths';
import type { Language } from '../../i18n';
import type {
  ExecutionDocumentBody, ExecutionImportJob, ExecutionImportReport, ExecutionList, ExecutionMilestoneBody, ExecutionMilestoneUpdateBody,
  ExecutionProject, ExecutionReportAnswer, ExecutionReportBody,
} from '../../lib/api-types';

export type ExecutionStatus = ExecutionProject['status'];
export type ExecutionImportMode = ExecutionImportJob['mode'];

/** The statuses of a tracked project, in the order works go. */
export const EXECUTION_STATUSES: readonly ExecutionStatus[] = ['in_design', 'tendering', 'in_execution', 'completed', 'suspended', 'cancelled'];

const base = (slug: string, processId: string) => `${p(slug, processId)}/execution`;
const project = (slug: string, processId: string, projectId: string) => `${base(slug, processId)}/projects/${encodeURIComponent(projectId)}`;

export interface ListFilters {
  status?: ExecutionStatus | '';
  zoneId?: string;
  page?: number;
  pageSize?: number;
}

/** Execution: the tracked projects (everyone); reports, milestones, documents and the CSV import (administrators). */
export const executionApi = {
  list: (slug: string, processId: string, filters: ListFilters, lang: Language, signal?: AbortSignal) =>
    apiRequest<ExecutionList>(`${base(slug, processId)}${query({ ...filters, status: filters.status || undefined, zoneId: filters.zoneId || undefined, lang })}`, { signal }),
  project: (slug: string, processId: string, projectId: string, lang: Language, signal?: AbortSignal) =>
    apiRequest<ExecutionProject>(`${project(slug, processId, projectId)}${query({ lang })}`, { signal }),
  report: (slug: string, processId: string, projectId: string, body: ExecutionReportBody) =>
    apiRequest<ExecutionReportAnswer>(`${project(slug, processId, projectId)}/reports`, { method: 'POST', body }),
  addMilestone: (slug: string, processId: string, projectId: string, body: ExecutionMilestoneBody) =>
    apiRequest<ExecutionProject>(`${project(slug, processId, projectId)}/milestones`, { method: 'POST', body }),
  updateMilestone: (slug: string, processId: string, projectId: string, milestoneId: string, body: ExecutionMilestoneUpdateBody) =>
    apiRequest<ExecutionProject>(`${project(slug, processId, projectId)}/milestones/${encodeURIComponent(milestoneId)}`, { method: 'PUT', body }),
  addDocument: (slug: string, processId: string, projectId: string, body: ExecutionDocumentBody) =>
    apiRequest<ExecutionProject>(`${project(slug, processId, projectId)}/documents`, { method: 'POST', body }),
  startImport: (slug: string, processId: string, file: Blob, mode: ExecutionImportMode) =>
    apiRequest<ExecutionImportJob>(`${base(slug, processId)}/import-jobs${query({ mode })}`, { method: 'POST', body: file, contentType: 'text/csv' }),
  importJob: (slug: string, processId: string, jobId: string, signal?: AbortSignal) =>
    apiRequest<ExecutionImportJob>(`${base(slug, processId)}/import-jobs/${encodeURIComponent(jobId)}`, { signal }),
};

/** Runs an import as a job, telling its progress at each poll, and answers its report (or throws its error). */
export function runExecutionImport(
  slug: string, processId: string, file: Blob, mode: ExecutionImportMode, onProgress: (progress: ExecutionImportJob['progress']) => void, signal?: AbortSignal,
): Promise<ExecutionImportReport> {
  return followImportJob(executionApi.startImport(slug, processId, file, mode), (id, s) => executionApi.importJob(slug, processId, id, s), onProgress, signal);
}
