import type { DatabaseHandle } from '../db/database.ts';
import { requireProcess } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { AppError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { aggregateHistory, aggregateParticipation, type HistoryYear, type ParticipationFigures } from './participation.ts';
import * as repo from './participation.repository.ts';

/** The participation figures of one process (public). */
export async function processFigures(handle: DatabaseHandle, municipalityId: string, processId: string, lang: Lang): Promise<{ process: Process; figures: ParticipationFigures }> {
  const db = handle.db;
  const process = await requireProcess(db, municipalityId, processId);
  const [agents, trained, inWorkshops, organizations, zones] = await Promise.all([
    repo.agentGroups(db, municipalityId, process.id),
    repo.trainedGroups(db, municipalityId, process.id, process.rules.minTrainingSessions),
    repo.workshopGroups(db, municipalityId, process.id),
    repo.organizationGroups(db, municipalityId, process.id),
    repo.zonesOf(db, municipalityId),
  ]);
  return { process, figures: aggregateParticipation({ agents, trained, inWorkshops, organizations, zones, lang }) };
}

/** Participation per fiscal year of the municipality's processes (public). */
export async function participationHistory(handle: DatabaseHandle, municipalityId: string): Promise<HistoryYear[]> {
  return aggregateHistory(await repo.historyRows(handle.db, municipalityId));
}
