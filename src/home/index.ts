import { defineArea } from '../kernel/area.ts';
import { ACTIONS } from './home.policy.ts';
import { homeRoutes } from './home.routes.ts';

/**
 * Home: each person's starting point, read from the other areas (it owns no table): where they land after signing in,
 * the calls open to them, and each process's staff dashboard (where it stands, what is due by when, the next steps).
 */
export const homeArea = defineArea({
  name: 'home',
  tables: [],
  routes: homeRoutes,
  actions: ACTIONS,
});
