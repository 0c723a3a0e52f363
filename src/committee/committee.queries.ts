/** What other areas may read of the oversight committee's election (the Acta): the seats, candidates, votes and members. */
export { committee, type Committee, type CandidateView } from './committee.service.ts';
export { ELECTION_RULE } from './committee.ts';
