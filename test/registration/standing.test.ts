import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/db.ts';
import { as } from '../support/app.ts';
import { createWorld, get, newProcess, orgPayload, patch, post, url, type World } from './helpers.ts';

describe.each(testDialects())('organizations’ proof of standing on %s', (dialect) => {
  let w: World;
  beforeAll(async () => { w = await createWorld(dialect); });
  afterAll(async () => { await w.t.close(); });

  async function upload(): Promise<string> {
    const boundary = 'x-boundary';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="libro-de-actas.txt"\r\nContent-Type: text/plain\r\n\r\nActa de constitución del comité.\r\n--${boundary}--\r\n`;
    const res = await w.t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/files', headers: { ...as(w.facilitator), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  it('registers an organization with its proof of standing and document, kept for staff; refuses a document without its kind or unknown', async () => {
    const processId = await newProcess(w);
    const fileId = await upload();
    const noKind = await post(w, w.facilitator, url(processId, '/organizations/in-person'), orgPayload(w, { standingFileId: fileId }));
    expect([noKind.statusCode, noKind.json().error.code, noKind.json().error.field]).toEqual([400, 'STANDING_KIND_REQUIRED', 'standingKind']);
    const unknown = await post(w, w.facilitator, url(processId, '/organizations/in-person'), orgPayload(w, { standingKind: 'minute_book', standingFileId: 'nope' }));
    expect([unknown.statusCode, unknown.json().error.field]).toEqual([404, 'standingFileId']);
    const ok = await post(w, w.facilitator, url(processId, '/organizations/in-person'), orgPayload(w, { standingKind: 'minute_book', standingFileId: fileId }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().standing).toEqual({ kind: 'minute_book', fileId });
    expect((await get(w, null, `/api/municipalities/ilo/files/${fileId}`)).statusCode).toBe(404);
    const corrected = await patch(w, w.facilitator, url(processId, `/organizations/${ok.json().id}`), { standingKind: 'sunarp' });
    expect(corrected.json().standing).toEqual({ kind: 'sunarp', fileId });
  });
});
