import { defineArea } from '../kernel/area.ts';
import { ACTIONS } from './voting.policy.ts';
import { MESSAGES } from './voting.messages.ts';
import { VOTING_GATES, VOTING_LOCKS } from './voting.gates.ts';
import { VOTING_DEMO } from './voting.demo.ts';
import './voting.tables.ts';
import { votingRoutes } from './voting.routes.ts';

/** Voting: the vote of Formalization (online and at polling tables), its count at the close and the results. */
export const votingArea = defineArea({
  name: 'voting',
  tables: ['votes', 'polling_tables', 'polling_table_facilitators', 'vote_voters', 'online_ballots', 'paper_entries', 'ballot_log', 'vote_idempotency'],
  routes: votingRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  phaseGates: VOTING_GATES,
  settingsLocks: VOTING_LOCKS,
  demo: VOTING_DEMO,
});
