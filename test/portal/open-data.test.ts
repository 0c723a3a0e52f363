import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'csv-parse/sync';
import { build } from '../../src/app.ts';
import { seedDemo } from '../../src/seed.ts';
import { listProposals } from '../../src/proposals/proposals.queries.ts';
import { voteResults } from '../../src/voting/voting.queries.ts';
import { FILES, OPEN_DATA_SCHEMA, schemaMarkdown } from '../../src/portal/open-data.ts';
import { as, signIn, testConfig, TEST_LOG_N, type Agent } from '../support/app.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/db.ts';
import { zoneIds } from '../support/fixtures.ts';
import { trainingSession, voter, votingProcess } from '../voting/fixture.ts';
import type { FastifyInstance } from 'fastify';

const HOUR = 3600_000;

/**
 * A process's everything page and the open data, on the full Ilo demo (its 2007 vote closed in the demo) and on a
 * process whose vote is opened and closed here.
 */
describe.each(testDialects())('the process page and the open data on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let iloId: string;
  let p2007: string;
  let current: string;
  let admin: Agent;

  const get = (url: string, lang: 'es' | 'en' = 'es') => app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
  const page = (processId: string, query = '') => get(`/api/municipalities/ilo/processes/${processId}/portal/proposals${query ? `?${query}` : ''}`);

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await seedDemo(db, { full: true, passwordLogN: TEST_LOG_N });
    app = await build({ db, config: testConfig(), passwordLogN: TEST_LOG_N, logger: false });
    await app.ready();
    iloId = (await db.db.selectFrom('municipalities').select('id').where('slug', '=', 'ilo').executeTakeFirstOrThrow()).id;
    const processes = await db.db.selectFrom('processes').select(['id', 'fiscal_year']).where('municipality_id', '=', iloId).orderBy('fiscal_year').execute();
    p2007 = processes.find((p) => Number(p.fiscal_year) === 2007)!.id;
    current = processes.at(-1)!.id;
    admin = await signIn(app, 'admin@ilo.gob.pe');
  });
  afterAll(async () => { await app.close(); await db.drop(); });

  it('lists every proposal of the 2007 process with its evaluation, workshop votes, vote result and status', async () => {
    const all = (await page(p2007, 'limit=100')).json();
    const { total, proposals } = await listProposals(db.db, iloId, { processId: p2007 });
    const results = (await voteResults(db.db, iloId, p2007))!;
    const funded = new Set(results.envelopes.flatMap((e) => e.funded.map((p) => p.proposalId)));
    const onBallot = new Set(results.envelopes.flatMap((e) => [...e.funded, ...e.alternates].map((p) => p.proposalId)));
    expect(all.voteClosed).toBe(true);
    expect(all.total).toBe(total);
    expect(all.proposals.map((p: { number: number }) => p.number)).toEqual(proposals.map((p) => p.number));
    expect(all.counts.funded).toBe(funded.size);
    expect(Object.values(all.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(total);
    for (const p of all.proposals) {
      expect(p.status === 'funded', p.title).toBe(funded.has(p.id));
      expect(p.vote !== null).toBe(onBallot.has(p.id));
      if (p.status === 'not_viable') expect(p.evaluation.viability).toBe('not_viable');
      if (p.status === 'funded') expect(p.vote.funded).toBe(true);
    }
    expect(all.proposals.some((p: { workshopVotes: number | null }) => p.workshopVotes !== null)).toBe(true);
  });

  it('pages on the server and filters by zone, axis, status and words', async () => {
    const all = (await page(p2007, 'limit=100')).json();
    const second = (await page(p2007, 'limit=5&offset=5')).json();
    expect(second).toMatchObject({ total: all.total, limit: 5, offset: 5 });
    expect(second.proposals.map((p: { id: string }) => p.id)).toEqual(all.proposals.slice(5, 10).map((p: { id: string }) => p.id));

    const zone = all.proposals[0].zone.id;
    const inZone = (await page(p2007, `zoneId=${zone}&limit=100`)).json();
    expect(inZone.total).toBe(all.proposals.filter((p: { zone: { id: string } }) => p.zone.id === zone).length);
    expect(inZone.proposals.every((p: { zone: { id: string } }) => p.zone.id === zone)).toBe(true);

    const axis = all.proposals[0].axis.id;
    const inAxis = (await page(p2007, `axisId=${axis}&limit=100`)).json();
    expect(inAxis.total).toBe(all.proposals.filter((p: { axis: { id: string } }) => p.axis.id === axis).length);

    const funded = (await page(p2007, 'status=funded&limit=100')).json();
    expect(funded.total).toBe(all.counts.funded);
    expect(funded.proposals.every((p: { status: string }) => p.status === 'funded')).toBe(true);
    // The counts per status stay those of the search, whatever status is chosen.
    expect(funded.counts).toEqual(all.counts);

    const byNumber = (await page(p2007, `q=${all.proposals[3].number}`)).json();
    expect(byNumber.proposals.map((p: { id: string }) => p.id)).toContain(all.proposals[3].id);

    for (const bad of ['status=ganador', 'limit=0', 'limit=500', 'offset=-2', 'sort=title']) {
      const res = await page(p2007, bad);
      expect([res.statusCode, res.json().error.code], bad).toEqual([400, 'VALIDATION']);
    }
    expect((await page('no-such-process')).statusCode).toBe(404);
    expect((await get(`/api/municipalities/pacocha/processes/${p2007}/portal/proposals`)).statusCode).toBe(404);
  });

  it('shows no vote result and gives no results file before the close, and both after it', async () => {
    const [zone] = await zoneIds(db);
    const { processId } = await votingProcess(db, zone!, admin.userId, {}, 2031);
    const base = `/api/municipalities/ilo/processes/${processId}`;
    const sessionId = await trainingSession(db, iloId, processId, admin.userId);
    const open = await app.inject({ method: 'POST', url: `${base}/vote/open`, headers: as(admin), payload: { closesAt: new Date(Date.now() + HOUR).toISOString(), allowChanges: false, reason: 'apertura de la votación' } });
    expect(open.statusCode, open.body).toBe(201);
    const v = await voter(app, db, { municipalityId: iloId, processId, zoneId: zone!.id, sessionId });
    // Project 0001 of the zone's envelope (the ballot names projects by their number).
    const cast = await app.inject({ method: 'POST', url: `${base}/vote/ballot`, headers: as(v.agent), payload: { parts: [{ pool: zone!.id, projects: ['0001'] }] } });
    expect(cast.statusCode, cast.body).toBe(201);

    for (const format of ['csv', 'json']) {
      const early = await get(`${base}/open-data/results.${format}`, 'en');
      expect([early.statusCode, early.json().error.code]).toEqual([409, 'OPEN_DATA_RESULTS_NOT_YET']);
      expect(early.json().error.message).toContain('2031');
    }
    const index = (await get(`${base}/open-data`)).json();
    expect(index).toMatchObject({ schema: OPEN_DATA_SCHEMA, voteClosed: false, pabulib: [], receiptCheckUrl: `/api${base.slice(4)}/vote/receipt` });
    const before = JSON.parse((await get('/api/municipalities/ilo/open-data/results.json')).body);
    expect(before.rows.some((r: { processId: string }) => r.processId === processId)).toBe(false);
    const processesBefore = JSON.parse((await get('/api/municipalities/ilo/open-data/processes.json')).body);
    expect(processesBefore.rows.find((r: { processId: string }) => r.processId === processId)).toMatchObject({ voteClosed: false, voteClosedAt: null, fiscalYear: 2031 });
    expect((await page(processId)).json()).toMatchObject({ voteClosed: false });

    await db.db.updateTable('votes').set({ closes_at: new Date(Date.now() - 1000).toISOString() }).where('process_id', '=', processId).execute();
    const close = await app.inject({ method: 'POST', url: `${base}/vote/close`, headers: as(admin), payload: { reason: 'cierre de la votación' } });
    expect(close.statusCode, close.body).toBe(200);

    const results = (await voteResults(db.db, iloId, processId))!;
    const csv = await get(`${base}/open-data/results.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.number, r.funded, r.votes])).toEqual(results.envelopes.flatMap((e) => [
      ...e.funded.map((p) => [String(p.number), 'true', String(p.votes)]), ...e.alternates.map((p) => [String(p.number), 'false', String(p.votes)]),
    ]));
    expect(rows.reduce((n, r) => n + Number(r.votes), 0)).toBe(1);
    const after = (await get(`${base}/open-data`)).json();
    expect(after.voteClosed).toBe(true);
    expect(after.pabulib.map((p: { url: string }) => p.url)).toEqual(results.envelopes.map((e) => `/api${base.slice(4)}/vote/results/${e.key}.pb`));
    expect((await get(after.pabulib[0].url)).statusCode).toBe(200);
    const municipality = JSON.parse((await get('/api/municipalities/ilo/open-data/results.json')).body);
    expect(municipality.rows.filter((r: { processId: string }) => r.processId === processId)).toHaveLength(rows.length);
  });

  it('shows no vote of a proposal while its vote is open: no votes, no funded status, no results in any file', async () => {
    // The demo's 2007 vote, as it stood before its close (its stored result stays, and must not leak).
    await db.db.updateTable('votes').set({ status: 'open' }).where('process_id', '=', p2007).execute();
    try {
      const open = (await page(p2007, 'limit=100')).json();
      expect(open.voteClosed).toBe(false);
      expect(open.counts.funded + open.counts.not_funded).toBe(0);
      expect(open.proposals.every((p: { vote: unknown }) => p.vote === null)).toBe(true);
      expect(open.counts.evaluated).toBeGreaterThan(0);
      const proposals = JSON.parse((await get(`/api/municipalities/ilo/processes/${p2007}/open-data/proposals.json`)).body);
      expect(new Set(proposals.rows.map((r: { status: string }) => r.status)).has('funded')).toBe(false);
      expect((await get(`/api/municipalities/ilo/processes/${p2007}/open-data/results.csv`)).statusCode).toBe(409);
      expect((await get(`/api/municipalities/ilo/processes/${p2007}/open-data`)).json()).toMatchObject({ voteClosed: false, pabulib: [] });
      const zip = unzipSync(new Uint8Array((await get('/api/municipalities/ilo/open-data/bulk.zip')).rawPayload));
      expect(Object.keys(zip).filter((name) => name.startsWith('2007/results'))).toEqual([]);
      expect(JSON.parse(strFromU8(zip['index.json']!)).processes.find((p: { fiscalYear: number }) => p.fiscalYear === 2007).pabulib).toEqual([]);
    } finally {
      await db.db.updateTable('votes').set({ status: 'closed' }).where('process_id', '=', p2007).execute();
    }
    expect((await page(p2007)).json().voteClosed).toBe(true);
  });

  it("links the issued Acta's PDF, and none before it is issued", async () => {
    const index = (await get(`/api/municipalities/ilo/processes/${p2007}/open-data`)).json();
    expect(index.acta).toMatchObject({ version: expect.any(Number), contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const pdf = await get(index.acta.pdfUrl);
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect((await get(`/api/municipalities/ilo/processes/${current}/open-data`)).json().acta).toBeNull();
    const zip = unzipSync(new Uint8Array((await get('/api/municipalities/ilo/open-data/bulk.zip')).rawPayload));
    const years = JSON.parse(strFromU8(zip['index.json']!)).processes as { fiscalYear: number; acta: string | null }[];
    expect(years.find((y) => y.fiscalYear === 2007)!.acta).toBe(index.acta.pdfUrl);
    expect(years.find((y) => y.fiscalYear === 2006)!.acta).toBeNull();
  });

  it('writes every file to its documented schema, and serves the schema at a stable address', async () => {
    expect(fs.readFileSync(path.join(import.meta.dirname, '../../docs/open-data.md'), 'utf8')).toBe(schemaMarkdown());
    const schema = await get('/api/open-data/schema/1');
    expect(schema.json()).toMatchObject({ schema: 'concerta.open-data/1', version: 1 });
    expect(schema.json().files.map((f: { name: string }) => f.name)).toEqual(['processes', 'proposals', 'evaluations', 'results']);
    const md = await get('/api/open-data/schema/1.md');
    expect([md.statusCode, md.headers['content-type'], md.body]).toEqual([200, 'text/markdown; charset=utf-8', schemaMarkdown()]);

    for (const file of ['processes', 'proposals', 'evaluations', 'results'] as const) {
      const fields = FILES[file].fields.map((f) => f.name);
      const url = file === 'processes' ? `/api/municipalities/ilo/open-data/${file}` : `/api/municipalities/ilo/processes/${p2007}/open-data/${file}`;
      const json = await get(`${url}.json`);
      expect(json.statusCode, url).toBe(200);
      const body = JSON.parse(json.body);
      expect(body).toMatchObject({ schema: OPEN_DATA_SCHEMA, file, municipality: { slug: 'ilo' } });
      expect(body.rows.length, file).toBeGreaterThan(0);
      for (const row of body.rows) expect(Object.keys(row)).toEqual(fields);
      for (const field of FILES[file].fields) {
        for (const row of body.rows) {
          const value = row[field.name];
          if (value === null) { expect(field.nullable, `${file}.${field.name}`).toBe(true); continue; }
          const type = { string: 'string', 'date-time': 'string', integer: 'number', number: 'number', boolean: 'boolean' }[field.type];
          expect(typeof value, `${file}.${field.name}`).toBe(type);
          if (field.type === 'integer') expect(Number.isInteger(value)).toBe(true);
        }
      }
      const csv = await get(`${url}.csv`);
      const [header, ...lines] = parse(csv.body) as string[][];
      expect(header).toEqual(fields);
      expect(lines).toHaveLength(body.rows.length);
    }
    const shares = JSON.parse((await get('/api/municipalities/ilo/open-data/processes.json')).body).rows;
    expect(shares.find((r: { fiscalYear: number }) => r.fiscalYear === 2000).envelopeShare).toBe(0.15);
    expect((await get('/api/municipalities/ilo/open-data/ballots.csv')).statusCode).toBe(400);
  });

  it('holds nothing personal: no DNI, email, phone or name of the seeded people in any download, the zip included', async () => {
    const agents = await db.db.selectFrom('agents').select(['dni', 'email', 'phone', 'full_name']).execute();
    const users = await db.db.selectFrom('users').select(['dni', 'email', 'name']).execute();
    const orgs = await db.db.selectFrom('organizations').select(['contact_email', 'contact_phone']).execute();
    const dnis = [...agents.map((a) => a.dni), ...users.map((u) => u.dni)].filter((x): x is string => !!x);
    const texts = [...agents.flatMap((a) => [a.email, a.phone, a.full_name]), ...users.flatMap((u) => [u.email, u.name]), ...orgs.flatMap((o) => [o.contact_email, o.contact_phone])]
      .filter((x): x is string => !!x && x.length > 4);
    expect(dnis.length).toBeGreaterThan(100);

    const downloads: [string, string][] = [];
    const processes = await db.db.selectFrom('processes').select('id').where('municipality_id', '=', iloId).execute();
    for (const p of processes) {
      for (const name of ['proposals.csv', 'proposals.json', 'evaluations.csv', 'evaluations.json', 'results.csv', 'results.json']) {
        const url = `/api/municipalities/ilo/processes/${p.id}/open-data/${name}`;
        const res = await get(url);
        if (res.statusCode === 200) downloads.push([url, res.body]);
        else expect(res.json().error.code, url).toBe('OPEN_DATA_RESULTS_NOT_YET');
      }
      downloads.push([`portal ${p.id}`, (await page(p.id, 'limit=100')).body]);
    }
    for (const name of ['processes', 'proposals', 'evaluations', 'results']) {
      for (const format of ['csv', 'json']) downloads.push([name, (await get(`/api/municipalities/ilo/open-data/${name}.${format}`)).body]);
    }
    const zip = await get('/api/municipalities/ilo/open-data/bulk.zip');
    expect([zip.statusCode, zip.headers['content-type']]).toEqual([200, 'application/zip']);
    const entries = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['processes.csv', 'processes.json', 'index.json', 'open-data.md', '2007/proposals.csv', '2007/results.json']));
    expect(Object.keys(entries)).not.toContain(`${(await db.db.selectFrom('processes').select('fiscal_year').where('id', '=', current).executeTakeFirstOrThrow()).fiscal_year}/results.csv`);
    for (const [name, data] of Object.entries(entries)) downloads.push([`zip ${name}`, strFromU8(data)]);
    const zipped = JSON.parse(strFromU8(entries['2007/proposals.json']!));
    expect(zipped.rows).toHaveLength((await page(p2007)).json().total);

    for (const [where, body] of downloads) {
      for (const dni of dnis) expect(new RegExp(`(?<![0-9])${dni}(?![0-9])`).test(body), `DNI ${dni} in ${where}`).toBe(false);
      for (const text of texts) expect(body.includes(text), `"${text}" in ${where}`).toBe(false);
    }
  });
});
