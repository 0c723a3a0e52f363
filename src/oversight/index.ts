import { defineArea } from '../kernel/area.ts';
import { ACTIONS } from './oversight.policy.ts';
import { MESSAGES } from './oversight.messages.ts';
import { isOversightFile } from './oversight.repository.ts';
import { OVERSIGHT_DEMO } from './oversight.demo.ts';
import './oversight.tables.ts';
import { oversightRoutes } from './oversight.routes.ts';

/**
 * Oversight by the committee (Comité de Vigilancia) of a process in Execution: the opening budget (PIA) check of the
 * agreed projects, observations with photos, requests for information and the municipality's answers, the
 * semi-annual vigilance report (PDF), and the account of past agreements over the municipality's history.
 */
export const oversightArea = defineArea({
  name: 'oversight',
  tables: ['oversight_pia', 'oversight_observations', 'oversight_requests', 'oversight_files'],
  routes: oversightRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  demo: OVERSIGHT_DEMO,
  publicFiles: isOversightFile,
});
