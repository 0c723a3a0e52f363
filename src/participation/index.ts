import { defineArea } from '../kernel/area.ts';
import { participationRoutes } from './participation.routes.ts';

/** Participation: who took part, by sex, age, zone and year (public figures). */
export const participationArea = defineArea({
  name: 'participation',
  tables: [],
  routes: participationRoutes,
});
