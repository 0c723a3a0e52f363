import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { municipalityId, rowCounts, zoneIds } from '../support/fixtures.ts';
import { accountWithRole } from '../training/registrations.ts';
import { canonicalJson } from '../../src/audit/audit-log.ts';
import { formalizationProcess } from './fixture.ts';
import { pdfText } from './pdf-text.ts';
import { SAMPLES, multipartBody } from '../files/multipart.ts';

const TABLES = ['acta_sessions', 'acta_signatories', 'acta_versions', 'acta_scans'] as const;

describe.each(testDialects())('the Acta de Acuerdos y Compromisos on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent, facilitator: Agent, citizen: Agent, foreignAdmin: Agent;
  let process: Awaited<ReturnType<typeof formalizationProcess>>;
  let base: string;

  const send = (method: 'GET' | 'POST' | 'PUT', who: Agent | null, url: string, payload?: object, lang: 'es' | 'en' = 'es') =>
    t.app.inject({ method, url, headers: who ? as(who, lang) : { 'accept-language': lang }, ...(payload ? { payload } : {}) });
  const draft = (over: Record<string, unknown> = {}) => ({
    heldOn: '2026-06-30', place: 'Auditorio de la Municipalidad Provincial de Ilo', startTime: '09:00', endTime: '13:30',
    signatories: [
      { name: 'Ernesto Valdivia Rivera', dni: '40999888', capacity: 'mayor', detail: 'Alcalde provincial' },
      { name: 'Ana Flores', dni: null, capacity: 'oversight_committee', detail: null },
      { name: 'CEOP Ilo', dni: null, capacity: 'other', detail: 'ONG cofinanciadora' },
    ],
    ...over,
  });
  async function unchanged(run: () => Promise<unknown>): Promise<void> {
    const before = await rowCounts(t.db, TABLES);
    await run();
    expect(await rowCounts(t.db, TABLES)).toEqual(before);
  }
  const gateCodes = async () => ((await send('GET', admin, `/api/municipalities/ilo/processes/${process.processId}/phase`)).json().failures as { code: string }[]).map((f) => f.code);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    facilitator = await signIn(t.app, 'facilitador@ilo.gob.pe');
    citizen = await signIn(t.app, 'agente@ilo.gob.pe');
    await accountWithRole(t.app, t.db, { name: 'Admin de Pacocha', email: 'admin@pacocha.gob.pe', role: 'administrator', municipalityId: await municipalityId(t.db, 'pacocha') });
    foreignAdmin = await signIn(t.app, 'admin@pacocha.gob.pe', 'una-clave-larga');
    const zone = (await zoneIds(t.db))[0]!;
    process = await formalizationProcess(t.app, t.db, admin, zone, 2027);
    base = `/api/municipalities/ilo/processes/${process.processId}/acta`;
  });
  afterAll(async () => { await t.close(); });

  it('is not public before it is issued, and refuses to issue naming everything missing, writing nothing', async () => {
    const early = await send('GET', null, base, undefined, 'en');
    expect([early.statusCode, early.json().error.code, early.json().error.message]).toEqual([404, 'ACTA_NOT_ISSUED_YET', 'The Acta de Acuerdos y Compromisos of this process has not been issued yet.']);
    expect((await send('GET', null, `${base}/versions/1/acta.pdf`)).json().error.code).toBe('ACTA_NOT_ISSUED_YET');
    expect(await gateCodes()).toContain('ACTA_NOT_ISSUED');

    await unchanged(async () => {
      const res = await send('POST', admin, `${base}/issue`, {}, 'en');
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('ACTA_NOT_READY');
      expect(res.json().error.details.failures.map((f: { code: string }) => f.code)).toEqual(['ACTA_VOTE_NOT_CLOSED', 'ACTA_COMMITTEE_NOT_ELECTED', 'ACTA_SESSION_NOT_RECORDED', 'ACTA_NO_SIGNATORIES']);
      expect(res.json().error.message).toBe('The Acta cannot be issued yet: the vote has not been closed and counted; the oversight committee has not been elected (0 of 6 members); '
        + 'the session (date, place, start and end time) has not been recorded; no signatories have been recorded.');
    });
    const staff = await send('GET', facilitator, `${base}/draft`, undefined, 'en');
    expect(staff.statusCode, staff.body).toBe(200);
    expect(staff.json()).toMatchObject({ session: null, signatories: [], versions: [] });
    expect(staff.json().missing).toHaveLength(4);
  });

  it('records the session and signatories (administrators and facilitators), refusing bad input with coded errors', async () => {
    await unchanged(async () => {
      const order = await send('PUT', admin, `${base}/draft`, draft({ startTime: '14:00', endTime: '13:00' }), 'en');
      expect([order.statusCode, order.json().error.code, order.json().error.field]).toEqual([400, 'ACTA_TIMES_ORDER', 'endTime']);
      const other = await send('PUT', admin, `${base}/draft`, draft({ signatories: [{ name: 'Alguien Sin Calidad', dni: null, capacity: 'other', detail: '' }] }), 'en');
      expect(other.json().error).toMatchObject({ code: 'ACTA_OTHER_NEEDS_DETAIL', field: 'signatories.0.detail', message: 'Signatory no. 1 signs as "other": say in what capacity.' });
      const time = await send('PUT', admin, `${base}/draft`, draft({ startTime: '9h' }), 'en');
      expect(time.json().error).toMatchObject({ code: 'VALIDATION', field: 'startTime' });
      expect(time.json().error.message).toContain('HH:MM');
      const dni = await send('PUT', admin, `${base}/draft`, draft({ signatories: [{ name: 'Con DNI Malo', dni: '123', capacity: 'mayor', detail: null }] }));
      expect(dni.json().error).toMatchObject({ code: 'VALIDATION', field: 'signatories.0.dni' });
      expect((await send('PUT', citizen, `${base}/draft`, draft())).statusCode).toBe(403);
      expect((await send('PUT', foreignAdmin, `${base}/draft`, draft())).statusCode).toBe(403);
      expect((await send('PUT', null, `${base}/draft`, draft())).statusCode).toBe(401);
    });
    const saved = await send('PUT', facilitator, `${base}/draft`, draft({ signatories: [] }));
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await send('PUT', admin, `${base}/draft`, draft());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      session: { heldOn: '2026-06-30', startTime: '09:00', endTime: '13:30' },
      signatories: [{ name: 'Ernesto Valdivia Rivera', dni: '40999888', capacity: 'mayor' }, { name: 'Ana Flores' }, { name: 'CEOP Ilo', detail: 'ONG cofinanciadora' }],
    });
    expect(res.json().missing.map((m: { code: string }) => m.code)).toEqual(['ACTA_VOTE_NOT_CLOSED', 'ACTA_COMMITTEE_NOT_ELECTED']);
    const audit = await t.db.db.selectFrom('audit_log').select(['actor_id', 'data']).where('action', '=', 'acta.prepare').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(admin.userId);
    expect(audit.data).not.toContain('40999888');
  });

  it('waits for the vote to close and the committee to be elected; a citizen, a facilitator or another municipality cannot issue', async () => {
    await process.closeVote();
    await unchanged(async () => {
      const res = await send('POST', admin, `${base}/issue`, {});
      expect(res.json().error.details.failures.map((f: { code: string }) => f.code)).toEqual(['ACTA_COMMITTEE_NOT_ELECTED']);
    });
    await process.electCommittee();
    await unchanged(async () => {
      expect((await send('POST', citizen, `${base}/issue`, {})).statusCode).toBe(403);
      expect((await send('POST', facilitator, `${base}/issue`, {})).statusCode).toBe(403);
      expect((await send('POST', foreignAdmin, `${base}/issue`, {})).statusCode).toBe(403);
      expect((await send('POST', null, `${base}/issue`, {})).statusCode).toBe(401);
      expect((await send('GET', null, `${base}/draft`)).statusCode).toBe(401);
    });
    expect((await send('GET', admin, `${base}/draft`)).json().missing).toEqual([]);
  });

  it('issues version 1: the content frozen, its SHA-256 over the canonical JSON, recorded in the audit log, public', async () => {
    const res = await send('POST', admin, `${base}/issue`, {});
    expect(res.statusCode, res.body).toBe(201);
    const acta = res.json();
    expect(acta).toMatchObject({ version: 1, reason: null, issuedByName: 'Rosa Quispe Mamani', versions: [{ version: 1 }] });
    expect(acta.contentHash).toBe(createHash('sha256').update(canonicalJson(acta.content)).digest('hex'));
    const stored = await t.db.db.selectFrom('acta_versions').select(['content', 'content_hash']).where('process_id', '=', process.processId).executeTakeFirstOrThrow();
    expect(stored.content_hash).toBe(acta.contentHash);
    expect(createHash('sha256').update(stored.content).digest('hex')).toBe(acta.contentHash);
    const audit = await t.db.db.selectFrom('audit_log').select(['actor_id', 'data', 'entity_id']).where('action', '=', 'acta.issue').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: admin.userId, entity_id: process.processId });
    expect(JSON.parse(audit[0]!.data)).toEqual({ version: 1, contentHash: acta.contentHash });

    // What the vote adopted, with every source of financing; the committee; the signatories without their DNI.
    const c = acta.content;
    expect(c).toMatchObject({ version: 1, correction: null, municipality: 'Municipalidad Provincial de Ilo', session: { place: 'Auditorio de la Municipalidad Provincial de Ilo' } });
    expect(c.vote.turnout).toMatchObject({ voted: 2, online: 2 });
    const zone = c.envelopes.find((e: { key: string }) => e.key !== 'municipality');
    expect(zone.funded.map((p: { number: number }) => p.number).sort()).toEqual([1, 3]);
    expect(zone.funded.find((p: { number: number }) => p.number === 1).financing.sources).toEqual([
      { source: 'participatory_budget', party: 'Municipalidad Provincial de Ilo', partyKind: null, contribution: 'money', amountCents: 60_000_00, conditions: null },
    ]);
    expect(zone.alternates.map((p: { number: number; priority: number }) => [p.number, p.priority])).toEqual([[2, 3]]);
    expect(c.committee.members).toHaveLength(6);
    expect(c.signatories).toEqual([
      { name: 'Ernesto Valdivia Rivera', capacity: 'mayor', detail: 'Alcalde provincial' },
      { name: 'Ana Flores', capacity: 'oversight_committee', detail: null },
      { name: 'CEOP Ilo', capacity: 'other', detail: 'ONG cofinanciadora' },
    ]);
    expect(JSON.stringify(c)).not.toContain('40999888');

    const pub = await send('GET', null, base);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ version: 1, contentHash: acta.contentHash, content: c });
    expect(await gateCodes()).not.toContain('ACTA_NOT_ISSUED');
  });

  it('prints the PDF from the frozen version, its hash and version on it', async () => {
    const acta = (await send('GET', null, base)).json();
    const res = await send('GET', null, acta.pdfUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const doc = await PDFDocument.load(res.rawPayload);
    expect(doc.getTitle()).toBe('Acta de Acuerdos y Compromisos: Presupuesto Participativo 2027');
    expect(doc.getSubject()).toContain(acta.contentHash);
    const text = (await pdfText(res.rawPayload)).join('\n');
    expect(text).toContain(`Versión 1. Huella SHA-256 del contenido: ${acta.contentHash}`);
    expect(text).toContain('Proyecto N.° 1: Proyecto 1');
    expect(text).toContain('Presupuesto participativo: Municipalidad Provincial de Ilo');
    expect(text).toContain('Ernesto Valdivia Rivera');
    expect(text).toContain('Alcalde(sa): Alcalde provincial');
    expect(text).toContain('Luis Mamani');
    // The same version always gives the same document.
    expect(Buffer.compare((await send('GET', null, acta.pdfUrl)).rawPayload, res.rawPayload)).toBe(0);
  });

  it('corrects the Acta only with a reason, as version 2, keeping version 1 readable and unchanged', async () => {
    const v1 = (await send('GET', null, base)).json();
    await unchanged(async () => {
      const edit = await send('PUT', admin, `${base}/draft`, draft({ place: 'Auditorio municipal de Ilo' }), 'en');
      expect(edit.json().error).toMatchObject({ code: 'ACTA_CORRECTION_NEEDS_REASON', field: 'reason' });
      const issue = await send('POST', admin, `${base}/issue`, {});
      expect([issue.statusCode, issue.json().error.code]).toEqual([400, 'ACTA_CORRECTION_NEEDS_REASON']);
    });
    expect((await send('PUT', admin, `${base}/draft`, draft({ place: 'Auditorio municipal de Ilo', reason: 'el lugar figuraba mal en el acta' }))).statusCode).toBe(200);
    const v2 = await send('POST', admin, `${base}/issue`, { reason: 'corrección del lugar de la sesión' });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, reason: 'corrección del lugar de la sesión', content: { version: 2, correction: 'corrección del lugar de la sesión', session: { place: 'Auditorio municipal de Ilo' } } });
    expect(v2.json().contentHash).not.toBe(v1.contentHash);
    expect(v2.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const old = await send('GET', null, `${base}/versions/1`);
    expect(old.json()).toMatchObject({ version: 1, contentHash: v1.contentHash, content: v1.content });
    expect((await send('GET', null, base)).json().version).toBe(2);
    const text = (await pdfText((await send('GET', null, `${base}/versions/1/acta.pdf`)).rawPayload)).join('\n');
    expect(text).toContain(v1.contentHash);
    expect((await send('GET', null, `${base}/versions/9`, undefined, 'en')).json().error).toMatchObject({ code: 'ACTA_VERSION_UNKNOWN', message: 'The Acta of this process has no version 9.' });
    const audit = await t.db.db.selectFrom('audit_log').select(['reason', 'data']).where('action', '=', 'acta.issue').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.reason).toBe('corrección del lugar de la sesión');
    expect(JSON.parse(audit.data)).toEqual({ version: 2, contentHash: v2.json().contentHash, replaces: { version: 1, contentHash: v1.contentHash } });
  });

  it('attaches the scan of the signed paper Acta to a version, public from then on; replacing it needs a reason', async () => {
    const upload = async (name: string) => {
      const up = multipartBody([{ name: 'file', filename: name, content: SAMPLES.pdf, contentType: 'application/pdf' }]);
      const res = await t.app.inject({ method: 'POST', url: '/api/municipalities/ilo/files', payload: up.payload, headers: { ...as(admin), ...up.headers } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const fileId = await upload('acta-firmada.pdf');
    // Not public while no Acta shows it.
    expect((await send('GET', null, `/api/municipalities/ilo/files/${fileId}`)).statusCode).not.toBe(200);
    await unchanged(async () => {
      expect((await send('PUT', citizen, `${base}/versions/1/scan`, { fileId })).statusCode).toBe(403);
      expect((await send('PUT', admin, `${base}/versions/7/scan`, { fileId })).json().error.code).toBe('ACTA_VERSION_UNKNOWN');
      expect((await send('PUT', admin, `${base}/versions/1/scan`, { fileId: 'no-such-file' })).json().error).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'fileId' });
    });
    const res = await send('PUT', facilitator, `${base}/versions/1/scan`, { fileId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, scan: { fileId, filename: 'acta-firmada.pdf', url: `/api/municipalities/ilo/files/${fileId}` } });
    expect((await send('GET', null, `/api/municipalities/ilo/files/${fileId}`)).statusCode).toBe(200);
    const latest = (await send('GET', null, base)).json();
    expect(latest.versions.map((v: { version: number; scan: { fileId: string } | null }) => [v.version, v.scan?.fileId ?? null])).toEqual([[2, null], [1, fileId]]);
    // The scan is beside the version, never in its frozen content: the hash does not move.
    expect((await send('GET', null, `${base}/versions/1`)).json().contentHash).toBe(latest.versions[1].contentHash);
    const other = await upload('acta-firmada-bis.pdf');
    await unchanged(async () => {
      expect((await send('PUT', admin, `${base}/versions/1/scan`, { fileId: other })).json().error).toMatchObject({ code: 'ACTA_SCAN_REPLACE_NEEDS_REASON', field: 'reason' });
    });
    const replaced = await send('PUT', admin, `${base}/versions/1/scan`, { fileId: other, reason: 'la primera imagen salió ilegible' });
    expect(replaced.json().scan.fileId).toBe(other);
    const audit = await t.db.db.selectFrom('audit_log').select(['reason', 'data']).where('action', '=', 'acta.attach_scan').orderBy('seq').execute();
    expect(audit.map((a) => [a.reason, JSON.parse(a.data)])).toEqual([
      [null, { version: 1, fileId }],
      ['la primera imagen salió ilegible', { version: 1, fileId: other, replaces: fileId }],
    ]);
  });

  it('keeps the Acta of another process apart', async () => {
    const other = await formalizationProcess(t.app, t.db, admin, (await zoneIds(t.db))[0]!, 2031);
    expect((await send('GET', null, `/api/municipalities/ilo/processes/${other.processId}/acta`)).statusCode).toBe(404);
    expect((await send('GET', null, `/api/municipalities/pacocha/processes/${process.processId}/acta`)).statusCode).toBe(404);
    // Before Formalization the Acta is not prepared.
    await t.db.db.updateTable('processes').set({ phase: 'coordination' }).where('id', '=', other.processId).execute();
    await unchanged(async () => {
      const early = await send('PUT', admin, `/api/municipalities/ilo/processes/${other.processId}/acta/draft`, draft(), 'en');
      expect([early.statusCode, early.json().error.code]).toEqual([409, 'ACTA_NOT_OPEN']);
      expect(early.json().error.message).toContain('current phase: Coordination');
    });
  });
});
