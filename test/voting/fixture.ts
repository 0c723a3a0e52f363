import type { FastifyInstance } from 'fastify';
import type { ProcessRules } from '@concerta/contracts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { insertList } from '../../src/prioritization/prioritization.repository.ts';
import type { Entry, Pool } from '../../src/prioritization/prioritization.ts';
import { newId, now } from '../../src/shared/clock.ts';
import { createProcessFixture } from '../support/fixtures.ts';
import { signIn, type Agent } from '../support/app.ts';
import { accountWithRole, insertAgent } from '../training/registrations.ts';

/**
 * A process in Formalization with a provisional list written straight into the database: a zone envelope of
 * S/ 100,000 (projects 1, 2, 3 at S/ 60,000, 50,000 and 30,000) and the district-wide rest of S/ 320,000 (projects 4 and
 * 5 at S/ 200,000 and 150,000; project 6 not viable, so not on the ballot).
 */
export async function votingProcess(db: DatabaseHandle, zone: { id: string; name: string }, adminId: string, rules: Partial<ProcessRules> = {}, fiscalYear = 2027) {
  const { processId, municipalityId } = await createProcessFixture(db, { phase: 'formalization', fiscalYear, rules });
  const entry = (number: number, zoneId: string, zoneName: string, costCents: number, status: Entry['status']): Entry => ({
    proposalId: newId(), number, title: `Proyecto ${number}`, zoneId, zoneName, status, rank: number, requestedCostCents: costCents, costCents,
    technicalScore: 80, workshopVotes: 0, workshopScore: 0, score: 80, evaluators: [], reasons: [],
  });
  const pools: Pool[] = [
    { key: zone.id, zoneName: zone.name, budgetCents: 100_000_00, spentCents: 0, tieBreaks: [], entries: [
      entry(1, zone.id, zone.name, 60_000_00, 'funded'), entry(2, zone.id, zone.name, 50_000_00, 'alternate'), entry(3, zone.id, zone.name, 30_000_00, 'funded'),
    ] },
    { key: 'municipality', zoneName: null, budgetCents: 320_000_00, spentCents: 0, tieBreaks: [], entries: [
      entry(4, 'z-other', 'Otra zona', 200_000_00, 'funded'), entry(5, 'z-other', 'Otra zona', 150_000_00, 'alternate'), entry(6, 'z-other', 'Otra zona', 10_000_00, 'not_viable'),
    ] },
  ];
  await insertList(db.db, municipalityId, {
    id: newId(), processId, seq: 1, computedAt: now(), computedBy: adminId, reason: 'lista provisional', inputsDigest: 'x',
    result: { settings: { workshopShare: 0, ties: 'declared' }, pools },
  });
  return { processId, municipalityId };
}

let seq = 0;

/** An approved agent of the process with an account, signed in; trained (one session attended) unless said otherwise. */
export async function voter(app: FastifyInstance, db: DatabaseHandle, p: { municipalityId: string; processId: string; zoneId: string; trained?: boolean; sessionId: string }): Promise<{ agent: Agent; id: string; dni: string; fullName: string }> {
  seq += 1;
  const email = `votante${seq}-${newId().slice(0, 6)}@correo.pe`;
  const userId = await accountWithRole(app, db, { name: `Votante ${seq}`, email });
  const a = await insertAgent(db, { municipalityId: p.municipalityId, processId: p.processId, zoneId: p.zoneId, fullName: `Votante ${seq} Quispe`, userId });
  if (p.trained !== false) {
    await db.db.insertInto('training_attendance').values({ municipality_id: p.municipalityId, session_id: p.sessionId, agent_id: a.id, method: 'facilitator', recorded_at: now(), recorded_by: userId }).execute();
  }
  return { ...a, agent: await signIn(app, email, 'una-clave-larga') };
}

/** A training session of the process, held yesterday. */
export async function trainingSession(db: DatabaseHandle, municipalityId: string, processId: string, by: string): Promise<string> {
  const id = newId();
  const day = 24 * 3600_000;
  await db.db.insertInto('training_sessions').values({
    municipality_id: municipalityId, id, process_id: processId, topic: 'Capacitación', place: 'Local comunal', starts_at: new Date(Date.now() - day).toISOString(),
    ends_at: new Date(Date.now() - day + 7200_000).toISOString(), facilitator_id: null, facilitator_name: 'ONG', zone_id: null, created_at: now(), created_by: by,
  }).execute();
  return id;
}
