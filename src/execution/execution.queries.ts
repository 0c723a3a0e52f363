/**
 * What other areas may read of execution (the oversight committee's reports, the next year's account of past
 * agreements): each tracked project of a process with its status, physical and financial progress.
 */
export {
  listTracked, ensureTracked, trackedProjects, findTrackedProject, type ProjectSummary, type TrackedList, type TrackedProjectState,
} from './execution.service.ts';
export { EXECUTION_STATUSES, type ExecutionStatus } from './execution.ts';
