import { defineArea } from '../kernel/area.ts';
import { PROCESSES_DEMO } from './processes.demo.ts';
import { findProcess } from './process.repository.ts';
import { ACTIONS } from './processes.policy.ts';
import { MESSAGES } from './processes.messages.ts';
import './processes.tables.ts';
import { processRoutes } from './process.routes.ts';

/** Processes: the yearly process, its settings, calendar, bodies and the moves between phases. */
export const processesArea = defineArea({
  name: 'processes',
  tables: ['processes', 'process_phases', 'process_phase_moves', 'process_zone_envelopes', 'bodies'],
  routes: processRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  scopeParams: { processId: { what: 'process', resolve: findProcess } },
  demo: PROCESSES_DEMO,
});
