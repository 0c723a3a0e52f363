import { defineArea } from '../kernel/area.ts';
import { TERRITORY_DEMO } from './territory.demo.ts';
import { MESSAGES } from './territory.messages.ts';
import './territory.tables.ts';
import { territoryRoutes } from './territory.routes.ts';

/** Territory: the jurisdiction tree and the municipalities, the tenants of an installation. */
export const territoryArea = defineArea({
  name: 'territory',
  tables: ['jurisdictions', 'municipalities'],
  routes: territoryRoutes,
  messages: MESSAGES,
  demo: TERRITORY_DEMO,
});
