/** What other areas may read of prioritization: the latest provisional ranked list of a process (Coordination and the vote start from it). */
export { latestProvisionalList, type ProvisionalList } from './prioritization.service.ts';
export type { Entry, EntryStatus, Pool, Prioritization } from './prioritization.ts';
export { MUNICIPALITY_POOL, poolsOf } from './prioritization.ts';
