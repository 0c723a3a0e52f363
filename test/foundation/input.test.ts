import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { cleanFilename } from '../../src/files/file-types.ts';

describe.each(testDialects())('text input on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  const signup = (payload: string) => t.app.inject({ method: 'POST', url: '/api/auth/signup', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, payload });

  it('refuses a NUL byte in the path or the query with a coded 400, signed out, instead of a database error', async () => {
    const path = await t.app.inject({ method: 'GET', url: '/api/municipalities/il%00o' });
    expect(path.statusCode).toBe(400);
    expect(path.json().error).toMatchObject({ code: 'VALIDATION', field: 'slug' });
    const query = await t.app.inject({ method: 'GET', url: '/api/municipalities/ilo/audit?entityType=a%00b' });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.field).toBe('entityType');
  });

  it.each([
    ['a NUL byte', '"Ana\\u0000 Torres"'],
    ['a right-to-left override', '"Ana \\u202eserroT"'],
    ['an unpaired surrogate', '"Ana \\ud800 Torres"'],
    ['a C1 control', '"Ana \\u0085 Torres"'],
  ])('refuses a name holding %s, naming the field, and creates nothing', async (_what, name) => {
    const res = await signup(`{"name":${name},"email":"control@example.pe","password":"una-clave-larga"}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect(res.json().error.message).toMatch(/control characters/);
    expect(await t.db.db.selectFrom('users').select('id').where('email', '=', 'control@example.pe').executeTakeFirst()).toBeUndefined();
  });

  it('refuses bytes that are not UTF-8', async () => {
    const body = Buffer.concat([Buffer.from('{"name":"Ana '), Buffer.from([0xff, 0xfe]), Buffer.from(' Torres","email":"bytes@example.pe","password":"una-clave-larga"}')]);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup', headers: { 'content-type': 'application/json' }, payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it('refuses a line break in a single-line field', async () => {
    const res = await signup('{"name":"Ana\\nTorres","email":"lines@example.pe","password":"una-clave-larga"}');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect(res.json().error.message).toMatch(/single line/);
  });

  it('stores text NFC-normalized: a name typed with a combining accent is the same name', async () => {
    const res = await signup('{"name":"Jose\\u0301 Quispe","email":"nfc@example.pe","password":"una-clave-larga"}');
    expect(res.statusCode).toBe(201);
    const row = await t.db.db.selectFrom('users').select('name').where('email', '=', 'nfc@example.pe').executeTakeFirstOrThrow();
    expect(row.name).toBe('José Quispe');
    expect(row.name.length).toBe(11);
  });
});

describe('file names', () => {
  it('lose direction overrides and control characters', () => {
    expect(cleanFilename('acta\u202egpj.exe')).toBe('actagpj.exe');
    expect(cleanFilename('a\u0000b\u0085c.pdf')).toBe('abc.pdf');
  });
});

describe('oversized requests', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => { await t.close(); });

  it('answers a long URL with the coded error, in the request language', async () => {
    const res = await fetch(`${base}/api/municipalities/ilo?q=${'a'.repeat(5000)}`, { headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(414);
    expect((await res.json()).error).toMatchObject({ code: 'URL_TOO_LONG' });
  });

  it('answers what Node refuses itself (a URL past 16 KB) with the coded error too, not a bare 431', async () => {
    const { connect } = await import('node:net');
    const url = new URL(base);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(`GET /api/municipalities/ilo?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
      });
      let data = '';
      socket.on('data', (d) => { data += d.toString(); });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(body.error).toMatchObject({ code: 'HEADERS_TOO_LARGE' });
  });
});

describe.each(testDialects())('dates out of range on %s', (dialect) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof import('../support/app.ts').signIn>>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await (await import('../support/app.ts')).signIn(t.app, 'admin@ilo.gob.pe');
  });
  afterAll(async () => { await t.close(); });

  it('refuses a process calendar starting in year 0000, naming the phase', async () => {
    const { iloDefaultRules } = await import('../../src/processes/process-rules.ts');
    const calendar = [
      { phase: 'preparation', startsOn: '0000-01-01', endsOn: '2026-03-13' },
      { phase: 'concertation', startsOn: '2026-03-16', endsOn: '2026-05-15' },
      { phase: 'coordination', startsOn: '2026-05-18', endsOn: '2026-06-05' },
      { phase: 'formalization', startsOn: '2026-06-08', endsOn: '2026-06-30' },
      { phase: 'execution', startsOn: '2027-01-01', endsOn: '2027-12-31' },
    ];
    const res = await t.app.inject({
      method: 'POST', url: '/api/municipalities/ilo/processes', headers: { ...(await import('../support/app.ts')).as(admin, 'en') },
      payload: { name: 'PP 2027', fiscalYear: 2027, envelopeCents: 1, investmentBudgetCents: 2, calendar, rules: iloDefaultRules('2026-03-06') },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'calendar.preparation' });
    expect(res.json().error.message).toMatch(/between January 1, 2000 and December 31, 2100/);
  });

  it('refuses a training on 9999-12-31, or one that lasts days, and invites nobody', async () => {
    const { as } = await import('../support/app.ts');
    const { createProcessFixture } = await import('../support/fixtures.ts');
    const { processId } = await createProcessFixture(t.db, { fiscalYear: 2080 });
    const url = `/api/municipalities/ilo/processes/${processId}/trainings`;
    const base = { topic: 'Taller', place: 'Local comunal', facilitatorName: 'Lucía Condori' };
    const before = await t.db.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const far = await t.app.inject({ method: 'POST', url, headers: as(admin, 'en'), payload: { ...base, startsAt: '9999-12-31T15:00:00-05:00', endsAt: '9999-12-31T18:00:00-05:00' } });
    expect(far.statusCode).toBe(400);
    expect(far.json().error).toMatchObject({ code: 'VALIDATION', field: 'startsAt' });
    const soon = new Date(Date.now() + 86_400_000).toISOString();
    const long = await t.app.inject({ method: 'POST', url, headers: as(admin, 'en'), payload: { ...base, startsAt: soon, endsAt: new Date(Date.now() + 5 * 86_400_000).toISOString() } });
    expect(long.json().error).toMatchObject({ code: 'VALIDATION', field: 'endsAt' });
    const after = await t.db.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses an announcement shown from 0001 or until 9999', async () => {
    const { as } = await import('../support/app.ts');
    const { createProcessFixture } = await import('../support/fixtures.ts');
    const { processId } = await createProcessFixture(t.db, { fiscalYear: 2081 });
    const res = await t.app.inject({
      method: 'POST', url: `/api/municipalities/ilo/processes/${processId}/announcements`, headers: as(admin, 'en'),
      payload: { title: 'Convocatoria', body: 'Texto.', startsOn: '2026-12-01', endsOn: '9999-12-31', attachmentIds: [], publish: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'endsOn' });
  });
});

describe.each(testDialects())('what the router and the guard refuse on %s', (dialect) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof import('../support/app.ts').signIn>>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await (await import('../support/app.ts')).signIn(t.app, 'admin@ilo.gob.pe');
  });
  afterAll(async () => { await t.close(); });

  it('refuses a body nested past 32 levels with a coded 400 naming where, and writes nothing', async () => {
    const { as } = await import('../support/app.ts');
    const deep = JSON.parse('['.repeat(3000) + ']'.repeat(3000)) as unknown;
    const before = await t.db.db.selectFrom('thematic_axes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const payload of [deep, { code: 'E9', name: 'Eje nuevo', description: '', reason: deep }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/plan/axes', headers: as(admin, 'en'), payload: payload as object });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: { rule: 'too_deep', max: 32 } });
      expect(res.json().error.message).toContain('more than 32 levels deep');
    }
    const after = await t.db.db.selectFrom('thematic_axes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('answers an overlong id with the coded validation error naming the parameter', async () => {
    const { as } = await import('../support/app.ts');
    const res = await t.app.inject({ method: 'GET', url: `/api/municipalities/ilo/processes/${'a'.repeat(300)}/agents`, headers: as(admin, 'en') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'processId' });
    const slug = await t.app.inject({ method: 'GET', url: `/api/municipalities/${'ñ'.repeat(300)}` });
    expect([slug.statusCode, slug.json().error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('answers a path that is not percent-encoded UTF-8 with a coded 400', async () => {
    for (const bad of ['%zz', '%', '%C0%AF', '%ED%A0%80']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/municipalities/${bad}/processes`, headers: { 'accept-language': 'en' } });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code, bad).toMatch(/^(BAD_REQUEST|VALIDATION)$/);
      expect(typeof res.json().error.message).toBe('string');
    }
  });
});
