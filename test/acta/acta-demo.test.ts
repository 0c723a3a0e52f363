import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { zoneIds } from '../support/fixtures.ts';
import { DemoState, type DemoAccount } from '../../src/kernel/area.ts';
import { DEMO_PROPOSALS } from '../../src/proposals/proposals.demo.ts';
import { ACTA_DEMO } from '../../src/acta/acta.demo.ts';
import { canonicalJson } from '../../src/audit/audit-log.ts';
import { issuedActa } from '../../src/acta/acta.queries.ts';
import { formalizationProcess } from './fixture.ts';

/**
 * The demo's Acta step, run on a process like the demo's 2007 one once its vote is closed: it records the session of
 * 30 June of the year before and issues version 1 with its audit entry; with the vote still open it writes nothing.
 */
describe.each(testDialects())('the demo step of the Acta on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
  });
  afterAll(async () => { await t.close(); });

  async function runStep(processId: string, municipalityId: string, fiscalYear: number): Promise<void> {
    const users = await t.db.db.selectFrom('users').select(['id', 'email', 'name', 'dni']).where('email', 'in', ['admin@ilo.gob.pe', 'tecnico@ilo.gob.pe']).execute();
    const account = (email: string): DemoAccount => { const u = users.find((x) => x.email === email)!; return { id: u.id, name: u.name, dni: u.dni ?? '' }; };
    const accounts = new Map([['administrator', account('admin@ilo.gob.pe')], ['technical_team', account('tecnico@ilo.gob.pe')]]);
    await t.db.db.transaction().execute(async (trx) => {
      const state = new DemoState();
      state.set(DEMO_PROPOSALS, { processId, fiscalYear, ids: [] });
      await ACTA_DEMO.municipality!({ handle: t.db, trx, full: true, passwordLogN: 10, state, municipalityId, accounts });
    });
  }

  it('does nothing while the vote is not closed', async () => {
    const p = await formalizationProcess(t.app, t.db, admin, (await zoneIds(t.db))[0]!, 2026);
    await p.electCommittee();
    await runStep(p.processId, p.municipalityId, 2026);
    expect(await t.db.db.selectFrom('acta_sessions').select('process_id').where('process_id', '=', p.processId).execute()).toEqual([]);
    expect(await t.db.db.selectFrom('acta_versions').select('version').where('process_id', '=', p.processId).execute()).toEqual([]);
  });

  it('issues version 1 of the session of 30 June once the vote is closed, hashed and audited like the issue route', async () => {
    const p = await formalizationProcess(t.app, t.db, admin, (await zoneIds(t.db))[0]!, 2027);
    await p.closeVote();
    await p.electCommittee();
    await runStep(p.processId, p.municipalityId, 2027);
    const acta = await issuedActa(t.db.db, p.municipalityId, p.processId);
    expect(acta).toMatchObject({ version: 1, reason: null, issuedByName: 'Rosa Quispe Mamani' });
    expect(acta.content.session).toEqual({ heldOn: '2026-06-30', place: 'Auditorio de la Municipalidad Provincial de Ilo', startTime: '09:00', endTime: '13:30' });
    expect(acta.content.municipality).toBe('Municipalidad Provincial de Ilo');
    expect(acta.content.signatories.map((s) => s.capacity)).toEqual(['mayor', 'technical_team', 'oversight_committee', 'oversight_committee', 'other']);
    expect(acta.content.envelopes.flatMap((e) => e.funded)).not.toHaveLength(0);
    expect(acta.contentHash).toBe(createHash('sha256').update(canonicalJson(acta.content)).digest('hex'));
    const audit = await t.db.db.selectFrom('audit_log').select(['data', 'actor_id']).where('action', '=', 'acta.issue').where('entity_id', '=', p.processId).execute();
    expect(audit.map((a) => JSON.parse(a.data))).toEqual([{ version: 1, contentHash: acta.contentHash }]);
  });
});
