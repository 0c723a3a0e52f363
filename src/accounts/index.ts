import { defineArea } from '../kernel/area.ts';
import { ACCOUNTS_DEMO } from './accounts.demo.ts';
import { ACTIONS } from './accounts.policy.ts';
import { MESSAGES } from './accounts.messages.ts';
import './accounts.tables.ts';
import { accountsRoutes } from './accounts.routes.ts';
import { membershipRoutes } from './memberships.routes.ts';

/** Accounts: sign-up, sign-in, sessions, and the roles each person holds in a municipality. */
export const accountsArea = defineArea({
  name: 'accounts',
  tables: ['users', 'memberships', 'sessions'],
  routes: (ctx) => async (app) => {
    await app.register(accountsRoutes(ctx));
    await app.register(membershipRoutes(ctx));
  },
  actions: ACTIONS,
  messages: MESSAGES,
  demo: ACCOUNTS_DEMO,
});
