import { defineArea } from '../kernel/area.ts';
import { ACTIONS } from './acta.policy.ts';
import { MESSAGES } from './acta.messages.ts';
import { ACTA_GATES } from './acta.gates.ts';
import { ACTA_DEMO } from './acta.demo.ts';
import './acta.tables.ts';
import { actaRoutes } from './acta.routes.ts';
import { isActaScan } from './acta.repository.ts';

/**
 * The Acta de Acuerdos y Compromisos of the formalization session: the session and signatories staff record, and
 * its issued versions (content frozen and hashed), public as a page and a PDF.
 */
export const actaArea = defineArea({
  name: 'acta',
  tables: ['acta_sessions', 'acta_signatories', 'acta_versions', 'acta_scans'],
  routes: actaRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  demo: ACTA_DEMO,
  phaseGates: ACTA_GATES,
  publicFiles: isActaScan,
});
