import { defineArea } from '../kernel/area.ts';
import { ACTIONS } from './files.policy.ts';
import { MESSAGES } from './files.messages.ts';
import './files.tables.ts';
import { filesRoutes } from './files.routes.ts';

/** Files: uploads (materials, attachments), checked by type and size, served back. */
export const filesArea = defineArea({
  name: 'files',
  tables: ['files'],
  routes: filesRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
});
