import type { Executor } from '../db/database.ts';
import { attendeesQuery, heldWithoutMinutes, votesByProposal } from './workshops.repository.ts';

/**
 * What other areas may ask of the workshops area: the votes each proposal got in the workshops (prioritization), who
 * attended a workshop (participation figures), and which held workshops still lack signed minutes (the phase gate).
 */

/** Proposal id -> total votes over all workshops of the process (proposals no workshop voted on are absent). */
export async function workshopVotesByProposal(db: Executor, municipalityId: string, processId: string): Promise<Map<string, number>> {
  return votesByProposal(db, municipalityId, processId);
}

/**
 * The ids of agents who attended at least one workshop of the process, as a subquery (`where('id', 'in', ...)`), to
 * count workshop attendance beside training in the participation figures. Attendance is only ever recorded for
 * approved agents of the process.
 */
export function workshopAttendeesQuery(db: Executor, municipalityId: string, processId: string) {
  return attendeesQuery(db, municipalityId, processId);
}

/** How many agents attended at least one workshop of the process. */
export async function countWorkshopAttendees(db: Executor, municipalityId: string, processId: string): Promise<number> {
  const r = await db.selectFrom(attendeesQuery(db, municipalityId, processId).as('t')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Workshops of the process whose time had passed by `asOf` (an ISO instant) and whose minutes are not signed. */
export async function workshopsWithoutMinutes(db: Executor, municipalityId: string, processId: string, asOf: string): Promise<{ id: string; title: string }[]> {
  return heldWithoutMinutes(db, municipalityId, processId, new Date(asOf).toISOString());
}
