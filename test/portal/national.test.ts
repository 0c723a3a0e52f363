import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import { insertAgent, insertZone } from '../training/registrations.ts';
import { insertJurisdiction, insertMunicipality } from '../../src/territory/territory.repository.ts';
import { newId, now } from '../../src/shared/clock.ts';

/**
 * The national view against hand-counted fixtures. The installation (demo territory plus two rows here):
 *   Moquegua / Ilo:            Ilo (provincial), El Algarrobal, Pacocha
 *   Moquegua / Mariscal Nieto: Moquegua (provincial)
 *   Tacna / Tacna:             Tacna (provincial), Alto de la Alianza
 * Processes: Ilo 2026 and 2027, Pacocha 2027, Tacna 2027. Approved agents (pending and rejected never count):
 *   Ilo 2026: 1 woman, 1 man;  Ilo 2027: 2 women, 1 man;  Pacocha 2027: 1 man;  Tacna 2027: 2 women.
 * Envelopes (S/): Ilo 420,000 of 2,800,000 each year; Pacocha 100,000 of 400,000; Tacna 1,000,000 of 5,000,000.
 */
describe.each(testDialects())('the national view on %s', (dialect) => {
  let t: TestApp;
  let ids: Record<string, string>;

  async function get(url: string, lang: 'es' | 'en' = 'es') {
    return t.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
  }

  async function place(key: string, parent: string | null, level: 'region' | 'province' | 'district', name: string, ubigeo: string): Promise<string> {
    const id = newId();
    await insertJurisdiction(t.db.db, { id, parentId: parent, level, name, ubigeo });
    ids[key] = id;
    return id;
  }

  async function municipality(slug: string, jurisdictionId: string, name: string, kind: 'provincial' | 'district'): Promise<string> {
    const id = newId();
    await insertMunicipality(t.db.db, { id, jurisdictionId, slug, name, kind, createdAt: now() });
    return id;
  }

  async function withEnvelope(processId: string, envelopeCents: number, investmentCents: number) {
    await t.db.db.updateTable('processes').set({ envelope_cents: envelopeCents, investment_budget_cents: investmentCents }).where('id', '=', processId).execute();
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ids = {};
    const moquegua = (await t.db.db.selectFrom('jurisdictions').select('id').where('ubigeo', '=', '18').executeTakeFirstOrThrow()).id;
    ids.moquegua = moquegua;
    ids.iloProvince = (await t.db.db.selectFrom('jurisdictions').select('id').where('ubigeo', '=', '1803').executeTakeFirstOrThrow()).id;
    const mn = await place('mariscalNieto', moquegua, 'province', 'Mariscal Nieto', '1801');
    await municipality('moquegua', await place('moqueguaDistrict', mn, 'district', 'Moquegua', '180101'), 'Municipalidad Provincial de Mariscal Nieto', 'provincial');
    const tacnaRegion = await place('tacna', null, 'region', 'Tacna', '23');
    const tacnaProvince = await place('tacnaProvince', tacnaRegion, 'province', 'Tacna', '2301');
    const tacnaId = await municipality('tacna', await place('tacnaDistrict', tacnaProvince, 'district', 'Tacna', '230101'), 'Municipalidad Provincial de Tacna', 'provincial');
    await municipality('alto-de-la-alianza', await place('altoDistrict', tacnaProvince, 'district', 'Alto de la Alianza', '230102'), 'Municipalidad Distrital de Alto de la Alianza', 'district');

    const iloId = await municipalityId(t.db);
    const [z1] = await zoneIds(t.db);
    const ilo2026 = (await createProcessFixture(t.db, { fiscalYear: 2026, phase: 'closed' })).processId;
    const ilo2027 = (await createProcessFixture(t.db, { fiscalYear: 2027 })).processId;
    const pacocha = await createProcessFixture(t.db, { slug: 'pacocha', fiscalYear: 2027 });
    const tacna = await createProcessFixture(t.db, { slug: 'tacna', fiscalYear: 2027 });
    await withEnvelope(pacocha.processId, 100_000_00, 400_000_00);
    await withEnvelope(tacna.processId, 1_000_000_00, 5_000_000_00);
    const pz = await insertZone(t.db, pacocha.municipalityId, 'P01', 'Pacocha');
    const tz = await insertZone(t.db, tacnaId, 'T01', 'Cercado');

    const ilo = (processId: string) => ({ municipalityId: iloId, processId, zoneId: z1!.id });
    await insertAgent(t.db, { ...ilo(ilo2026), sex: 'female' });
    await insertAgent(t.db, { ...ilo(ilo2026), sex: 'male' });
    await insertAgent(t.db, { ...ilo(ilo2027), sex: 'female' });
    await insertAgent(t.db, { ...ilo(ilo2027), sex: 'female' });
    await insertAgent(t.db, { ...ilo(ilo2027), sex: 'male' });
    await insertAgent(t.db, { ...ilo(ilo2027), sex: 'female', status: 'pending' });
    await insertAgent(t.db, { ...ilo(ilo2027), sex: 'male', status: 'rejected' });
    await insertAgent(t.db, { municipalityId: pacocha.municipalityId, processId: pacocha.processId, zoneId: pz, sex: 'male' });
    await insertAgent(t.db, { municipalityId: tacnaId, processId: tacna.processId, zoneId: tz, sex: 'female' });
    await insertAgent(t.db, { municipalityId: tacnaId, processId: tacna.processId, zoneId: tz, sex: 'female' });
    await insertAgent(t.db, { municipalityId: tacnaId, processId: tacna.processId, zoneId: tz, sex: 'male', status: 'pending' });
  });
  afterAll(async () => { await t.close(); });

  it('counts, per year, the municipalities running PB, their envelopes and the women among approved agents', async () => {
    const res = await get('/api/portal/national');
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.year).toBe(2027);
    expect(v.years).toEqual([
      { fiscalYear: 2026, running: 1, envelopeCents: 420_000_00, investmentBudgetCents: 2_800_000_00, envelopeShare: 0.15, approved: 2, women: 1, womenShare: 0.5 },
      { fiscalYear: 2027, running: 3, envelopeCents: 1_520_000_00, investmentBudgetCents: 8_200_000_00, envelopeShare: 0.1854, approved: 6, women: 4, womenShare: 0.6667 },
    ]);
  });

  it('groups a year by region, and a region by province, counting the municipalities that did not run PB too', async () => {
    const byRegion = (await get('/api/portal/national?year=2027')).json();
    expect(byRegion.groupedBy).toBe('region');
    expect(byRegion.groups).toEqual([
      { id: ids.moquegua, name: 'Moquegua', level: 'region', municipalities: 4, running: 2, envelopeCents: 520_000_00, investmentBudgetCents: 3_200_000_00, envelopeShare: 0.1625, approved: 4, women: 2, womenShare: 0.5 },
      { id: ids.tacna, name: 'Tacna', level: 'region', municipalities: 2, running: 1, envelopeCents: 1_000_000_00, investmentBudgetCents: 5_000_000_00, envelopeShare: 0.2, approved: 2, women: 2, womenShare: 1 },
    ]);
    const byProvince = (await get(`/api/portal/national?year=2027&region=${ids.moquegua}`)).json();
    expect(byProvince.groupedBy).toBe('province');
    expect(byRegion.places).toEqual({ regions: [{ id: ids.moquegua, name: 'Moquegua' }, { id: ids.tacna, name: 'Tacna' }], provinces: [] });
    expect(byProvince.places.provinces).toEqual([{ id: ids.iloProvince, name: 'Ilo' }, { id: ids.mariscalNieto, name: 'Mariscal Nieto' }]);
    expect(byProvince.groups.map((g: { name: string; municipalities: number; running: number; approved: number }) => [g.name, g.municipalities, g.running, g.approved]))
      .toEqual([['Ilo', 3, 2, 4], ['Mariscal Nieto', 1, 0, 0]]);
    expect(byProvince.groups[1]).toMatchObject({ envelopeCents: 0, envelopeShare: null, womenShare: null });
    // 2026: only Ilo ran PB.
    const y2026 = (await get('/api/portal/national?year=2026')).json();
    expect(y2026.groups.map((g: { name: string; running: number; approved: number }) => [g.name, g.running, g.approved])).toEqual([['Moquegua', 1, 2], ['Tacna', 0, 0]]);
  });

  it('pages the municipalities on the server, in place order, each with its process of the year', async () => {
    const first = (await get('/api/portal/national?year=2027&limit=2')).json();
    expect(first.municipalities).toMatchObject({ total: 6, limit: 2, offset: 0 });
    expect(first.municipalities.rows.map((m: { slug: string }) => m.slug)).toEqual(['ilo', 'el-algarrobal']);
    expect(first.municipalities.rows[0]).toMatchObject({
      region: { id: ids.moquegua, name: 'Moquegua' }, province: { id: ids.iloProvince, name: 'Ilo' },
      process: { envelopeCents: 420_000_00, envelopeShare: 0.15, approved: 3, women: 2, womenShare: 0.6667 },
    });
    expect(first.municipalities.rows[1].process).toBeNull();
    const rest = (await get('/api/portal/national?year=2027&limit=2&offset=2')).json();
    expect(rest.municipalities.rows.map((m: { slug: string }) => m.slug)).toEqual(['pacocha', 'moquegua']);
    const last = (await get('/api/portal/national?year=2027&limit=2&offset=4')).json();
    expect(last.municipalities.rows.map((m: { slug: string }) => m.slug)).toEqual(['tacna', 'alto-de-la-alianza']);
    expect(last.municipalities.rows[0].process).toMatchObject({ approved: 2, women: 2, womenShare: 1, envelopeShare: 0.2 });
  });

  it('searches by the municipality name, and narrows to a region or a province', async () => {
    const q = (await get('/api/portal/national?year=2027&q=PACOCHA')).json();
    expect(q.municipalities.total).toBe(1);
    expect(q.municipalities.rows[0].slug).toBe('pacocha');
    expect(q.years).toEqual([expect.objectContaining({ fiscalYear: 2027, running: 1, approved: 1, women: 0, womenShare: 0 })]);
    const wildcard = (await get(`/api/portal/national?q=${encodeURIComponent('%')}`)).json();
    expect(wildcard.municipalities.total).toBe(0);
    const tacna = (await get(`/api/portal/national?region=${ids.tacna}`)).json();
    expect(tacna.municipalities.rows.map((m: { slug: string }) => m.slug)).toEqual(['tacna', 'alto-de-la-alianza']);
    expect(tacna.years.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([2027]);
    const mn = (await get(`/api/portal/national?province=${ids.mariscalNieto}`)).json();
    expect(mn.municipalities.rows.map((m: { slug: string }) => m.slug)).toEqual(['moquegua']);
    expect(mn.years).toEqual([]);
  });

  it('refuses bad query parameters with a coded 400, naming the field', async () => {
    for (const query of ['year=dos-mil', 'year=1800', 'limit=0', 'limit=101', 'offset=-1', 'colour=red', 'q=ilo%0Apacocha', `q=${'x'.repeat(101)}`]) {
      const res = await get(`/api/portal/national?${query}`, 'en');
      expect([res.statusCode, res.json().error.code], query).toEqual([400, 'VALIDATION']);
    }
  });

  it("gives a municipality's history: its processes with the envelope as a share of the investment budget; 404 for an unknown one", async () => {
    const res = await get('/api/municipalities/ilo/portal/history');
    expect(res.statusCode).toBe(200);
    expect(res.json().processes.map((p: { fiscalYear: number; envelopeShare: number; phase: string }) => [p.fiscalYear, p.envelopeShare, p.phase]))
      .toEqual([[2026, 0.15, 'closed'], [2027, 0.15, 'preparation']]);
    expect((await get('/api/municipalities/tacna/portal/history')).json().processes).toHaveLength(1);
    const unknown = await get('/api/municipalities/atlantida/portal/history');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await get('/api/municipalities/atlantida/open-data')).statusCode).toBe(404);
  });
});
