import { defineArea } from '../kernel/area.ts';
import { isPublishedAttachment } from './announcements.ts';
import { COMMUNICATION_DEMO } from './communication.demo.ts';
import { ACTIONS } from './communication.policy.ts';
import { MESSAGES } from './communication.messages.ts';
import './communication.tables.ts';
import { communicationRoutes } from './communication.routes.ts';

/** Communication: announcements of the call and the outbox of messages to participants. */
export const communicationArea = defineArea({
  name: 'communication',
  tables: ['announcements', 'announcement_attachments', 'notifications'],
  routes: communicationRoutes,
  publicFiles: isPublishedAttachment,
  actions: ACTIONS,
  messages: MESSAGES,
  demo: COMMUNICATION_DEMO,
});
