import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, municipalityId } from '../support/fixtures.ts';
import { fileExists, fileSummaries } from '../../src/files/files.repository.ts';
import { MAX_FILE_BYTES } from '../../src/files/file-types.ts';
import { newId, now } from '../../src/shared/clock.ts';
import { SAMPLES, multipartBody } from './multipart.ts';

const URL = '/api/municipalities/ilo/files';

async function countFiles(t: TestApp): Promise<number> {
  const r = await t.db.db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe.each(testDialects())('files on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let facilitator: Agent;
  let iloId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    iloId = await municipalityId(t.db);
  });
  afterAll(async () => { await t.close(); });

  const upload = (who: Agent, parts: Parameters<typeof multipartBody>[0], lang: 'es' | 'en' = 'es') => {
    const { payload, headers } = multipartBody(parts);
    return t.app.inject({ method: 'POST', url: URL, payload, headers: { ...as(who, lang), ...headers } });
  };

  it('stores an upload, answers its summary, audits it, and serves it back to staff with the right headers', async () => {
    const name = 'Guía de capacitación (2027).pdf';
    const res = await upload(facilitator, [{ name: 'file', filename: name, content: SAMPLES.pdf, contentType: 'application/pdf' }]);
    expect(res.statusCode).toBe(201);
    const sha256 = createHash('sha256').update(SAMPLES.pdf).digest('hex');
    const body = res.json();
    expect(body).toEqual({ id: expect.any(String), filename: name, contentType: 'application/pdf', sizeBytes: SAMPLES.pdf.length, sha256 });

    const audit = await t.db.db.selectFrom('audit_log').selectAll().where('scope', '=', iloId).where('action', '=', 'file.upload')
      .where('entity_id', '=', body.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(facilitator.userId);
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ filename: name, sha256, sizeBytes: SAMPLES.pdf.length });

    const got = await t.app.inject({ method: 'GET', url: `${URL}/${body.id}`, headers: as(facilitator) });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(SAMPLES.pdf)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers.etag).toBe(`"${sha256}"`);
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Guia de capacitacion (2027).pdf"; filename*=UTF-8''Gu%C3%ADa%20de%20capacitaci%C3%B3n%20%282027%29.pdf`,
    );
    const cached = await t.app.inject({ method: 'GET', url: `${URL}/${body.id}`, headers: { ...as(facilitator), 'if-none-match': `"${sha256}"` } });
    expect(cached.statusCode).toBe(304);
    expect(cached.rawPayload.length).toBe(0);
  });

  it('serves a text file as UTF-8 and lists uploads to staff only', async () => {
    const res = await upload(admin, [{ name: 'file', filename: 'asistentes.csv', content: SAMPLES.csv }]);
    expect(res.statusCode).toBe(201);
    const got = await t.app.inject({ method: 'GET', url: `${URL}/${res.json().id}`, headers: as(admin) });
    expect(got.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(got.body).toBe(SAMPLES.csv.toString());
    const list = await t.app.inject({ method: 'GET', url: URL, headers: as(admin) });
    expect(list.statusCode).toBe(200);
    expect(list.json().files[0]).toMatchObject({ id: res.json().id, filename: 'asistentes.csv', uploadedByName: 'Rosa Quispe Mamani', url: `${URL}/${res.json().id}` });
    const agent = await signIn(t.app, 'agente@ilo.gob.pe');
    expect((await t.app.inject({ method: 'GET', url: URL, headers: as(agent) })).statusCode).toBe(403);
  });

  it.each([
    ['a file over 10 MB', [{ name: 'file', filename: 'grande.pdf', content: Buffer.concat([SAMPLES.pdf, Buffer.alloc(MAX_FILE_BYTES)]) }], 413, 'FILE_TOO_LARGE', /10 MB/],
    ['an .exe renamed .pdf', [{ name: 'file', filename: 'acta.pdf', content: SAMPLES.exe, contentType: 'application/pdf' }], 415, 'FILE_TYPE_NOT_ALLOWED', /\.pdf \/ exe.*PDF, PNG/],
    ['an .exe', [{ name: 'file', filename: 'setup.exe', content: SAMPLES.exe }], 415, 'FILE_TYPE_NOT_ALLOWED', /\.exe/],
    ['an empty file', [{ name: 'file', filename: 'vacio.txt', content: Buffer.alloc(0) }], 400, 'FILE_EMPTY', /vacío/],
    ['two files', [{ name: 'file', filename: 'a.pdf', content: SAMPLES.pdf }, { name: 'file', filename: 'b.pdf', content: SAMPLES.pdf }], 400, 'FILE_COUNT', /exactamente un archivo/],
    ['a file under another field name', [{ name: 'documento', filename: 'a.pdf', content: SAMPLES.pdf }], 400, 'FILE_COUNT', /«file»/],
    ['a text field beside the file', [{ name: 'titulo', value: 'x' }, { name: 'file', filename: 'a.pdf', content: SAMPLES.pdf }], 400, 'FILE_COUNT', /nada más/],
    ['no part at all', [], 400, 'FILE_COUNT', /exactamente/],
  ] as const)('refuses %s with a coded error and stores nothing', async (_what, parts, status, code, message) => {
    const before = await countFiles(t);
    const auditBefore = await t.db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await upload(admin, parts as unknown as Parameters<typeof multipartBody>[0]);
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toMatchObject({ code, field: 'file' });
    expect(res.json().error.message).toMatch(message);
    expect(await countFiles(t)).toBe(before);
    const auditAfter = await t.db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
  });

  it('says so in English when asked', async () => {
    const res = await upload(admin, [{ name: 'file', filename: 'setup.exe', content: SAMPLES.exe }], 'en');
    expect(res.json().error.message).toBe('File type not allowed (.exe). Allowed: PDF, PNG, JPEG, WebP, DOCX, XLSX, ODT, ODS, TXT, CSV.');
  });

  it('refuses a JSON body with 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: URL, headers: as(admin), payload: { file: 'x' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('lets only the administrator, facilitators, participating agents (to attach to a proposal) and the oversight committee (photos of an observation) of the municipality upload', async () => {
    const before = await countFiles(t);
    const parts = [{ name: 'file', filename: 'a.pdf', content: SAMPLES.pdf }];
    const { payload, headers } = multipartBody(parts);
    const anon = await t.app.inject({ method: 'POST', url: URL, payload, headers });
    expect(anon.statusCode).toBe(401);
    for (const login of ['tecnico@ilo.gob.pe']) {
      const who = await signIn(t.app, login);
      const res = await upload(who, parts);
      expect(res.statusCode, login).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const { payload: p2, headers: h2 } = multipartBody(parts);
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/municipalities/pacocha/files', payload: p2, headers: { ...as(admin), ...h2 } });
    expect(elsewhere.statusCode).toBe(403);
    expect(await countFiles(t)).toBe(before);
    const agent = await signIn(t.app, 'agente@ilo.gob.pe');
    expect((await upload(agent, parts)).statusCode).toBe(201);
    const member = await signIn(t.app, 'vigilancia@ilo.gob.pe');
    expect((await upload(member, parts)).statusCode).toBe(201);
    expect(await countFiles(t)).toBe(before + 2);
  });

  it('serves a file to the public only once something public shows it', async () => {
    const up = await upload(facilitator, [{ name: 'file', filename: 'borrador.pdf', content: SAMPLES.pdf, contentType: 'application/pdf' }]);
    const id = up.json().id as string;
    const publicGet = () => t.app.inject({ method: 'GET', url: `${URL}/${id}` });
    expect((await publicGet()).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `${URL}/${id}`, headers: as(await signIn(t.app, 'agente@ilo.gob.pe')) })).statusCode).toBe(404);
    const staff = await t.app.inject({ method: 'GET', url: `${URL}/${id}`, headers: as(facilitator) });
    expect(staff.statusCode).toBe(200);
    expect(staff.headers['cache-control']).toBe('private, no-store');

    const { processId } = await createProcessFixture(t.db, { fiscalYear: 2090 });
    const announcements = `/api/municipalities/ilo/processes/${processId}/announcements`;
    const draft = { title: 'Borrador de convocatoria', body: 'Texto.', startsOn: '2026-01-01', endsOn: '2026-12-31', attachmentIds: [id], publish: false };
    const created = await t.app.inject({ method: 'POST', url: announcements, headers: as(admin), payload: draft });
    expect(created.statusCode).toBe(201);
    expect((await publicGet()).statusCode).toBe(404);
    const published = await t.app.inject({ method: 'PUT', url: `${announcements}/${created.json().id}`, headers: as(admin), payload: { ...draft, publish: true } });
    expect(published.statusCode).toBe(200);
    const open = await publicGet();
    expect(open.statusCode).toBe(200);
    expect(open.headers['cache-control']).toBe('public, max-age=300');
  });

  it('never serves a file through another municipality, and answers 404 for an unknown one', async () => {
    const pacochaId = await municipalityId(t.db, 'pacocha');
    const id = newId();
    await t.db.db.insertInto('files').values({
      municipality_id: pacochaId, id, filename: 'pacocha.pdf', content_type: 'application/pdf', size_bytes: SAMPLES.pdf.length,
      sha256: 'x'.repeat(64), content: SAMPLES.pdf, uploaded_at: now(), uploaded_by: admin.userId,
    }).execute();
    // Pacocha's staff reach it there (the admin of Ilo is given a role in Pacocha for this).
    await t.db.db.insertInto('memberships').values({ municipality_id: pacochaId, user_id: admin.userId, role: 'facilitator', granted_at: now(), granted_by: null }).execute();
    expect((await t.app.inject({ method: 'GET', url: `/api/municipalities/pacocha/files/${id}`, headers: as(admin) })).statusCode).toBe(200);
    const cross = await t.app.inject({ method: 'GET', url: `${URL}/${id}`, headers: as(admin) });
    expect(cross.statusCode).toBe(404);
    expect(cross.json().error.code).toBe('NOT_FOUND');
    expect((await t.app.inject({ method: 'GET', url: `${URL}/${newId()}` })).statusCode).toBe(404);
    expect(await fileExists(t.db.db, iloId, id)).toBe(false);
    expect(await fileExists(t.db.db, pacochaId, id)).toBe(true);
  });

  it('gives other modules summaries of their own files only, in the order asked', async () => {
    const a = (await upload(admin, [{ name: 'file', filename: 'a.png', content: SAMPLES.png }])).json();
    const b = (await upload(admin, [{ name: 'file', filename: 'b.webp', content: SAMPLES.webp }])).json();
    const pacochaId = await municipalityId(t.db, 'pacocha');
    expect(await fileSummaries(t.db.db, iloId, [b.id, 'nope', a.id, b.id])).toEqual([b, a]);
    expect(await fileSummaries(t.db.db, pacochaId, [a.id])).toEqual([]);
    expect(await fileSummaries(t.db.db, iloId, [])).toEqual([]);
  });
});
