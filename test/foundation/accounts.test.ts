import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, sessionCookie, signIn, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { hashPassword, verifyPassword, DEFAULT_LOG_N } from '../../src/accounts/password.ts';

async function countUsers(t: TestApp): Promise<number> {
  const r = await t.db.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe.each(testDialects())('accounts on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  it('signs up with an email, then with a DNI, each opening a session', async () => {
    const a = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { name: 'Ana Torres', email: 'Ana@Example.pe', password: 'una-clave-larga' } });
    expect(a.statusCode).toBe(201);
    expect(a.json().user).toMatchObject({ name: 'Ana Torres', email: 'ana@example.pe', dni: null, roles: [] });
    const b = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { name: 'Juan Pari', dni: '45678901', password: 'otra-clave-larga' } });
    expect(b.statusCode).toBe(201);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: sessionCookie(b) } });
    expect(me.json().user.dni).toBe('45678901');
    expect(me.json().csrfToken).toEqual(expect.any(String));
  });

  it.each([
    ['a DNI of 7 digits', { name: 'X Y', dni: '1234567', password: 'una-clave-larga' }, 400, 'VALIDATION', 'dni', /8 dígitos/],
    ['an email without @', { name: 'X Y', email: 'ana.example.pe', password: 'una-clave-larga' }, 400, 'VALIDATION', 'email', /correo/],
    ['an unknown field', { name: 'X Y', email: 'x@y.pe', password: 'una-clave-larga', admin: true }, 400, 'VALIDATION', 'admin', /desconocido/],
    ['a wrong type', { name: 42, email: 'x@y.pe', password: 'una-clave-larga' }, 400, 'VALIDATION', 'name', /tipo/],
    ['a missing field', { email: 'x@y.pe', password: 'una-clave-larga' }, 400, 'VALIDATION', 'name', /obligatorio/],
    ['a short password', { name: 'X Y', email: 'x@y.pe', password: 'corta' }, 400, 'VALIDATION', 'password', /10 caracteres/],
    ['the name as password', { name: 'Rosa Quispe Mamani', dni: '45454545', password: 'rosa quispe mamani' }, 400, 'VALIDATION', 'password', /no puede ser tu nombre/],
    ['the email as password', { name: 'X Y', email: 'larga.direccion@ilo.pe', password: 'Larga.Direccion@ilo.pe' }, 400, 'VALIDATION', 'password', /no puede ser tu nombre/],
    ['neither email nor DNI', { name: 'X Y', password: 'una-clave-larga' }, 400, 'VALIDATION', 'email', /correo electrónico o un DNI/],
    ['a duplicate email', { name: 'Otra Ana', email: 'admin@ilo.gob.pe', password: 'una-clave-larga' }, 409, 'ACCOUNT_EXISTS', 'email', /ya existe una cuenta con ese correo o ese DNI/],
    ['a duplicate DNI', { name: 'Otra Rosa', dni: '40123456', password: 'una-clave-larga' }, 409, 'ACCOUNT_EXISTS', 'dni', /ya existe una cuenta con ese correo o ese DNI/],
  ])('refuses %s with a coded error naming the field, writing nothing', async (_what, payload, status, code, field, message) => {
    const before = await countUsers(t);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload });
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toMatchObject({ code, field });
    expect(res.json().error.message).toMatch(message);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    expect(await countUsers(t)).toBe(before);
  });

  it('speaks English when asked', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup', headers: { 'accept-language': 'en-GB,en;q=0.9' }, payload: { name: 'X Y', dni: '123', password: 'una-clave-larga' } });
    expect(res.json().error.message).toBe('Field "DNI" is not valid: a DNI has exactly 8 digits.');
    expect(res.json().error.field).toBe('dni');
  });

  it('refuses malformed JSON, a non-JSON body and an oversized body with 4xx codes', async () => {
    const before = await countUsers(t);
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/signup', headers: { 'content-type': 'application/json' }, payload: '{"name": "x",' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('MALFORMED_JSON');
    const text = await t.app.inject({ method: 'POST', url: '/api/auth/signup', headers: { 'content-type': 'text/plain' }, payload: 'hola' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await t.app.inject({ method: 'POST', url: '/api/auth/signup', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countUsers(t)).toBe(before);
  });

  it('signs in by email or DNI, refuses a wrong password with the same error as an unknown login', async () => {
    const byEmail = await t.app.inject({ method: 'POST', url: '/api/auth/signin', payload: { login: 'admin@ilo.gob.pe', password: 'ilo-demo-2026' } });
    expect(byEmail.statusCode).toBe(200);
    expect(byEmail.json().user.roles).toEqual([expect.objectContaining({ municipalitySlug: 'ilo', role: 'administrator' })]);
    const byDni = await t.app.inject({ method: 'POST', url: '/api/auth/signin', payload: { login: '40123456', password: 'ilo-demo-2026' } });
    expect(byDni.statusCode).toBe(200);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/signin', payload: { login: 'admin@ilo.gob.pe', password: 'nope-nope-nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/signin', payload: { login: 'nadie@ilo.gob.pe', password: 'nope-nope-nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('sets an HttpOnly SameSite session cookie and never reuses a session id from before sign-in', async () => {
    const first = await signIn(t.app, 'agente@ilo.gob.pe');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/signin', headers: as(first), payload: { login: 'agente@ilo.gob.pe', password: 'ilo-demo-2026' } });
    const c = res.cookies.find((x) => x.name === 'concerta_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    expect(`concerta_session=${c.value}`).not.toBe(first.cookie);
    const old = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: first.cookie } });
    expect(old.json().user).toBeNull();
    // A made-up cookie is not adopted either.
    const forged = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: 'concerta_session=chosen-by-attacker' } });
    expect(forged.json().user).toBeNull();
  });

  it('requires the CSRF token on cookie-authenticated writes and refuses a foreign Origin', async () => {
    const agent = await signIn(t.app, 'agente@ilo.gob.pe');
    const noToken = await t.app.inject({ method: 'POST', url: '/api/auth/signout', headers: { cookie: agent.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const foreign = await t.app.inject({ method: 'POST', url: '/api/auth/signin', headers: { origin: 'https://evil.example', host: 'concerta.local' }, payload: { login: 'agente@ilo.gob.pe', password: 'ilo-demo-2026' } });
    expect(foreign.statusCode).toBe(403);
    const still = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: agent.cookie } });
    expect(still.json().user).not.toBeNull();
  });

  it('signs out for real: the cookie no longer works afterwards', async () => {
    const agent = await signIn(t.app, 'agente@ilo.gob.pe');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/signout', headers: as(agent) });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: agent.cookie } });
    expect(after.json()).toEqual({ user: null, csrfToken: null });
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/signout', headers: as(agent) });
    expect(again.statusCode).toBe(401);
  });

  it('stores only scrypt hashes and the SHA-256 of session tokens', async () => {
    const agent = await signIn(t.app, 'facilitador@ilo.gob.pe');
    const user = await t.db.db.selectFrom('users').selectAll().where('email', '=', 'facilitador@ilo.gob.pe').executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
    const token = agent.cookie.split('=')[1]!;
    const stored = await t.db.db.selectFrom('sessions').select('id').where('id', '=', token).executeTakeFirst();
    expect(stored).toBeUndefined();
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 with a coded error past the limit per minute', async () => {
    const t = await createTestApp('sqlite', { config: { signInPerMinute: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/signin', payload: { login: 'admin@ilo.gob.pe', password: 'wrong-wrong-wrong' } });
        codes.push(res.statusCode);
        if (res.statusCode === 429) {
          expect(res.json().error.code).toBe('TOO_MANY_REQUESTS');
          expect(res.headers['retry-after']).toBeDefined();
        }
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally { await t.close(); }
  });
});

describe('password hashing', () => {
  it('uses scrypt at OWASP cost by default and verifies only the right password', async () => {
    expect(DEFAULT_LOG_N).toBeGreaterThanOrEqual(17);
    const h = await hashPassword('correct horse battery', 12);
    expect(await verifyPassword('correct horse battery', h)).toBe(true);
    expect(await verifyPassword('correct horse batterY', h)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});
