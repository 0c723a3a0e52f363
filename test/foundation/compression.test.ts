import fs from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app.ts';

const dist = path.join(import.meta.dirname, '../../web/dist');
const built = fs.existsSync(path.join(dist, 'index.html'));

describe('compressed answers for slow connections', () => {
  it('compresses API answers the client accepts compressed', async () => {
    const t = await createTestApp('sqlite');
    try {
      const plain = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
      const br = await t.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'br, gzip' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length);
      expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());
    } finally { await t.close(); }
  });

  it.skipIf(!built && process.env.CI !== 'true')('serves the built app precompressed, hashed assets cached for good', async () => {
    expect(built).toBe(true);
    const t = await createTestApp('sqlite', { seed: false, config: { webDist: dist } });
    try {
      const script = fs.readFileSync(path.join(dist, 'index.html'), 'utf8').match(/src="(\/assets\/[^"]+\.js)"/)![1]!;
      const res = await t.app.inject({ method: 'GET', url: script, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const original = fs.readFileSync(path.join(dist, script));
      expect(brotliDecompressSync(res.rawPayload).equals(original)).toBe(true);
      expect(res.rawPayload.length).toBeLessThan(original.length / 3);
      const gz = await t.app.inject({ method: 'GET', url: script, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
    } finally { await t.close(); }
  });
});
