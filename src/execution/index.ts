import { defineArea } from '../kernel/area.ts';
import { ACTIONS } from './execution.policy.ts';
import { MESSAGES } from './execution.messages.ts';
import { isExecutionFile } from './execution.repository.ts';
import { EXECUTION_DEMO } from './execution.demo.ts';
import './execution.tables.ts';
import { executionRoutes } from './execution.routes.ts';

/**
 * Execution: every funded project becomes a tracked project by itself once the process is in Execution; its status,
 * physical and financial progress, milestones, photos and documents, updated by hand or from the budget system's CSV.
 */
export const executionArea = defineArea({
  name: 'execution',
  tables: ['execution_projects', 'execution_budget_lines', 'execution_milestones', 'execution_documents', 'execution_reports'],
  routes: executionRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  demo: EXECUTION_DEMO,
  publicFiles: isExecutionFile,
});
