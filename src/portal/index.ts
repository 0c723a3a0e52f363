import { defineArea } from '../kernel/area.ts';
import { MESSAGES } from './portal.messages.ts';
import { portalRoutes } from './portal.routes.ts';

/**
 * The transparency portal (no account, read only, owns no table): the national view across municipalities, each
 * municipality's history, each process's proposals with everything public about them, and the open data (CSV, JSON,
 * a bulk zip per municipality) under the versioned schema concerta.open-data/1. Nothing personal leaves it.
 */
export const portalArea = defineArea({
  name: 'portal',
  tables: [],
  routes: portalRoutes,
  messages: MESSAGES,
});
