import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { hashPassword, hashingLoad, HASHING_CONCURRENCY } from '../../src/accounts/password.ts';
import { loadConfig } from '../../src/config.ts';

const signin = (login: string, password: string, from: string) => ({
  method: 'POST' as const, url: '/api/auth/signin', remoteAddress: '10.0.0.1',
  headers: { 'x-forwarded-for': from }, payload: { login, password },
});

describe('client addresses and sign-in limits', () => {
  it('does not believe X-Forwarded-For unless TRUST_PROXY says so: rotating it does not escape the limit', async () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    const t = await createTestApp('sqlite', { config: { signInPerMinute: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await t.app.inject(signin('admin@ilo.gob.pe', 'wrong-wrong-wrong', `203.0.113.${i}`))).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429, 429]);
    } finally { await t.close(); }
  });

  it('locks an account after its failures, from whatever address, even for the right password', async () => {
    const t = await createTestApp('sqlite', { config: { trustProxy: true, signInFailuresPerAccount: 4 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await t.app.inject(signin('admin@ilo.gob.pe', 'wrong-wrong-wrong', `203.0.113.${i}`))).statusCode);
      const right = await t.app.inject(signin('ADMIN@ilo.gob.pe', 'ilo-demo-2026', '198.51.100.7'));
      expect(codes).toEqual([401, 401, 401, 401]);
      expect(right.statusCode).toBe(429);
      expect(right.json().error.code).toBe('TOO_MANY_REQUESTS');
      // Another account is not affected.
      expect((await t.app.inject(signin('facilitador@ilo.gob.pe', 'ilo-demo-2026', '198.51.100.7'))).statusCode).toBe(200);
    } finally { await t.close(); }
  });

  it('limits sign-ups per address', async () => {
    const t = await createTestApp('sqlite', { config: { signUpPerHour: 2 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        codes.push((await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { name: `Persona ${i}`, email: `p${i}@example.pe`, password: 'una-clave-larga' } })).statusCode);
      }
      expect(codes).toEqual([201, 201, 429]);
    } finally { await t.close(); }
  });
});

describe('password hashing under load', () => {
  it(`runs at most ${HASHING_CONCURRENCY} hashes at a time; the others wait their turn`, async () => {
    let most = 0;
    let waited = 0;
    const sample = setInterval(() => {
      const load = hashingLoad();
      most = Math.max(most, load.active);
      waited = Math.max(waited, load.waiting);
    }, 1);
    try {
      await Promise.all(Array.from({ length: 8 }, (_, i) => hashPassword(`clave-${i}`, 14)));
    } finally { clearInterval(sample); }
    expect(most).toBeLessThanOrEqual(HASHING_CONCURRENCY);
    expect(most).toBeGreaterThan(0);
    expect(waited).toBeGreaterThan(0);
  });
});

describe('security headers', () => {
  const dist = path.join(import.meta.dirname, '../../web/dist');

  it('answers the API and the app with a CSP without inline script, no framing, nosniff and a referrer policy', async () => {
    const t = await createTestApp('sqlite', { seed: false, config: { webDist: fs.existsSync(path.join(dist, 'index.html')) ? dist : null } });
    try {
      const urls = ['/api/health', ...(fs.existsSync(path.join(dist, 'index.html')) ? ['/', '/m/ilo'] : [])];
      if (process.env.CI === 'true') expect(urls.length).toBe(3);
      for (const url of urls) {
        const res = await t.app.inject({ method: 'GET', url });
        const csp = String(res.headers['content-security-policy']);
        expect(csp, url).toContain("script-src 'self'");
        expect(csp, url).not.toContain("script-src 'self' 'unsafe-inline'");
        expect(csp, url).toContain("frame-ancestors 'none'");
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['x-frame-options'], url).toBe('DENY');
        expect(res.headers['referrer-policy'], url).toBe('same-origin');
        expect(res.headers['strict-transport-security'], url).toBeUndefined();
      }
      if (urls.length > 1) {
        const maps = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.map'));
        expect(maps.length).toBeGreaterThan(0);
        expect((await t.app.inject({ method: 'GET', url: `/assets/${maps[0]}` })).statusCode).toBe(404);
      }
    } finally { await t.close(); }
  });

  it('adds HSTS when served over HTTPS (COOKIE_SECURE=1)', async () => {
    const t = await createTestApp('sqlite', { seed: false, config: { cookieSecure: true } });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    } finally { await t.close(); }
  });
});
