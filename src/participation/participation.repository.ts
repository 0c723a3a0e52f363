import type { Executor } from '../db/database.ts';
import { zoneRefs } from '../plan/plan.queries.ts';
import { findProcess } from '../processes/process.queries.ts';
import { listProcessSummaries } from '../processes/process-summary.queries.ts';
import { agentGroups as registrationGroups, organizationGroups as registrationOrganizationGroups, registrationCountsByProcess } from '../registration/registration.queries.ts';
import { trainedAgentsQuery } from '../training/training.queries.ts';
import { countWorkshopAttendees, workshopAttendeesQuery } from '../workshops/workshops.queries.ts';
import type { AgentGroup, OrganizationGroup, TrainedGroup } from './participation.ts';

/**
 * Grouped counts for the participation figures, asked of the areas that own the data (registration groups them in
 * the database); every query is held to one municipality. Participation owns no table.
 */

export async function agentGroups(db: Executor, municipalityId: string, processId: string): Promise<AgentGroup[]> {
  return registrationGroups(db, municipalityId, processId);
}

export async function trainedGroups(db: Executor, municipalityId: string, processId: string, minSessions: number): Promise<TrainedGroup[]> {
  const rows = await registrationGroups(db, municipalityId, processId, { approvedAmong: trainedAgentsQuery(db, municipalityId, processId, minSessions) });
  return rows.map(({ status: _, ...group }) => group);
}

/** Approved agents who attended at least one workshop of the process, grouped like the trained ones. */
export async function workshopGroups(db: Executor, municipalityId: string, processId: string): Promise<TrainedGroup[]> {
  const rows = await registrationGroups(db, municipalityId, processId, { approvedAmong: workshopAttendeesQuery(db, municipalityId, processId) });
  return rows.map(({ status: _, ...group }) => group);
}

export async function organizationGroups(db: Executor, municipalityId: string, processId: string): Promise<OrganizationGroup[]> {
  return registrationOrganizationGroups(db, municipalityId, processId);
}

export async function zonesOf(db: Executor, municipalityId: string): Promise<{ id: string; name: string }[]> {
  return (await zoneRefs(db, municipalityId)).map((z) => ({ id: z.id, name: z.name }));
}

/** Every process of the municipality with the grouped counts of its history line. */
export async function historyRows(db: Executor, municipalityId: string) {
  const processes = await listProcessSummaries(db, municipalityId);
  const counts = await registrationCountsByProcess(db, municipalityId);
  const trained = new Map<string, number>();
  const inWorkshops = new Map<string, number>();
  for (const p of processes) {
    inWorkshops.set(p.id, await countWorkshopAttendees(db, municipalityId, p.id));
    const min = (await findProcess(db, municipalityId, p.id))!.rules.minTrainingSessions;
    const r = await db.selectFrom(trainedAgentsQuery(db, municipalityId, p.id, min).as('t'))
      .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    trained.set(p.id, Number(r.n));
  }
  return { processes: processes.map((p) => ({ id: p.id, fiscalYear: p.fiscalYear })), ...counts, trained, inWorkshops };
}
