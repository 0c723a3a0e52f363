import type { DatabaseHandle } from '../../src/db/database.ts';
import { createProcessFixture, insertPlan, municipalityId, zoneIds } from '../support/fixtures.ts';
import { insertAgent } from '../training/registrations.ts';
import { newId, now } from '../../src/shared/clock.ts';
import type { Entry, Prioritization } from '../../src/prioritization/prioritization.queries.ts';

/** A project of the fixture: its proposal, and where the provisional list put it. */
export interface FixtureProject { id: string; number: number; status: Entry['status']; costCents: number }

/**
 * A process in Coordination whose provisional list (written straight into the database, as Concertation would have
 * kept it) funds `pistas` (S/ 150,000, with a community pledge of S/ 10,000 in kind) and `aulas` (S/ 90,000), keeps
 * `agua` (S/ 120,000) as an alternate, and leaves `muro` out as not viable.
 */
/** Sends a staff member's POST (through app.inject, or fetch against a running server). */
export type StaffPost = (url: string, payload: object) => Promise<{ status: number; body: string }>;

export async function coordinationFixture(db: DatabaseHandle, post: StaffPost, staffUserId: string): Promise<{ processId: string; iloId: string; projects: Record<string, FixtureProject> }> {
  const iloId = await municipalityId(db);
  const zones = await zoneIds(db);
  const plan = await insertPlan(db, iloId, `C${newId().slice(0, 4)}`);
  const { processId } = await createProcessFixture(db, { phase: 'concertation' });
  const author = await insertAgent(db, { municipalityId: iloId, processId, zoneId: zones[0]!.id, fullName: 'Rosa Quispe Apaza', source: 'in_person' });
  const plans: [string, number, string, Entry['status'], { funderKind: string; funderName: string; contribution: string; amountCents: number }[]][] = [
    ['pistas', 150_000, zones[0]!.id, 'funded', [{ funderKind: 'community', funderName: 'Vecinos del sector 3', contribution: 'in_kind', amountCents: 10_000_00 }]],
    ['aulas', 90_000, zones[1]!.id, 'funded', []],
    ['agua', 120_000, zones[0]!.id, 'alternate', []],
    ['muro', 60_000, zones[1]!.id, 'not_viable', []],
  ];
  const projects: Record<string, FixtureProject> = {};
  for (const [name, soles, zoneId, status, pledges] of plans) {
    const res = await post(`/api/municipalities/ilo/processes/${processId}/proposals/paper`, {
        title: `Proyecto ${name} del sector`, description: 'Obra pedida por la junta vecinal en el taller de su zona.', zoneId,
        axisId: plan.axisId, objectiveId: plan.objectiveId, problem: 'El sector no tiene este servicio.', beneficiariesCount: 500,
        beneficiaryGroups: 'familias del sector', costCents: soles * 100, location: 'Sector de la zona', agentId: author.id, pledges,
    });
    if (res.status !== 201) throw new Error(res.body);
    const created = JSON.parse(res.body) as { id: string; number: number };
    projects[name] = { id: created.id, number: created.number, status, costCents: soles * 100 };
  }
  const entry = (name: string, rank: number | null): Entry => {
    const p = projects[name]!;
    return {
      proposalId: p.id, number: p.number, title: `Proyecto ${name} del sector`, zoneId: zones[0]!.id, zoneName: zones[0]!.name, status: p.status, rank,
      requestedCostCents: p.costCents, costCents: p.costCents, technicalScore: 70, workshopVotes: 0, workshopScore: null, score: 70, evaluators: [], reasons: [],
    };
  };
  const result: Prioritization = {
    settings: { workshopShare: 0, ties: 'declared' },
    pools: [{ key: 'municipality', zoneName: null, budgetCents: 420_000_00, spentCents: 240_000_00, tieBreaks: [], entries: [entry('pistas', 1), entry('aulas', 2), entry('agua', 3), entry('muro', null)] }],
  };
  await db.db.insertInto('provisional_lists').values({
    municipality_id: iloId, id: newId(), process_id: processId, seq: 1, computed_at: now(), computed_by: staffUserId,
    reason: 'lista priorizada del taller', inputs_digest: 'fixture', result: JSON.stringify(result),
  }).execute();
  await db.db.updateTable('processes').set({ phase: 'coordination' }).where('id', '=', processId).execute();
  return { processId, iloId, projects };
}
