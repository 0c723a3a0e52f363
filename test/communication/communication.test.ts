import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { createProcessFixture, municipalityId } from '../support/fixtures.ts';
import { enqueueToContact, listOutbox } from '../../src/communication/outbox.ts';
import { dispatchPending } from '../../src/communication/dispatcher.ts';
import { LogAdapter, type DeliveryAdapter } from '../../src/communication/adapters.ts';

describe.each(testDialects())('announcements and notifications on %s', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let processId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signIn(t.app, 'admin@ilo.gob.pe');
    processId = (await createProcessFixture(t.db)).processId;
  });
  afterAll(async () => { await t.close(); });

  const url = () => `/api/municipalities/ilo/processes/${processId}/announcements`;

  it('publishes the call on the public page of the process, keeps drafts to those who manage them', async () => {
    const call = await t.app.inject({ method: 'POST', url: url(), headers: as(admin), payload: { title: 'Convocatoria al Presupuesto Participativo 2027', body: 'Inscríbase como agente participante hasta el 11 de diciembre.', startsOn: '2026-11-02', endsOn: '2026-12-11' } });
    expect(call.statusCode).toBe(201);
    expect(call.json().publishedAt).not.toBeNull();
    const draft = await t.app.inject({ method: 'POST', url: url(), headers: as(admin), payload: { title: 'Resultados (borrador)', body: '...', startsOn: '2026-12-20', endsOn: '2026-12-31', publish: false } });
    expect(draft.statusCode).toBe(201);
    const pub = (await t.app.inject({ method: 'GET', url: url() })).json().announcements;
    expect(pub.map((a: { title: string }) => a.title)).toEqual(['Convocatoria al Presupuesto Participativo 2027']);
    const staff = (await t.app.inject({ method: 'GET', url: url(), headers: as(admin) })).json().announcements;
    expect(staff).toHaveLength(2);
    const withdrawn = await t.app.inject({ method: 'PUT', url: `${url()}/${call.json().id}`, headers: as(admin), payload: { title: 'Convocatoria', body: 'x', startsOn: '2026-11-02', endsOn: '2026-12-11', publish: false, reason: 'fecha corregida' } });
    expect(withdrawn.json().publishedAt).toBeNull();
  });

  it('refuses bad dates, a file of nobody, and non-administrators', async () => {
    const bad = await t.app.inject({ method: 'POST', url: url(), headers: as(admin), payload: { title: 'Fechas', body: 'x', startsOn: '2026-12-11', endsOn: '2026-11-02' } });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION', field: 'endsOn' });
    const file = await t.app.inject({ method: 'POST', url: url(), headers: as(admin), payload: { title: 'Adjunto', body: 'x', startsOn: '2026-11-02', endsOn: '2026-11-03', attachmentIds: ['ghost'] } });
    expect(file.json().error).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'attachmentIds' });
    const fac = await signIn(t.app, 'facilitador@ilo.gob.pe');
    expect((await t.app.inject({ method: 'POST', url: url(), headers: as(fac), payload: { title: 'Aviso', body: 'x', startsOn: '2026-11-02', endsOn: '2026-11-03' } })).statusCode).toBe(403);
  });

  it('queues messages to email or SMS, delivers them through an adapter, retries failures', async () => {
    const mId = await municipalityId(t.db);
    expect(await enqueueToContact(t.db.db, mId, {}, { subject: 's', body: 'b', topic: 'test' })).toBeNull();
    await enqueueToContact(t.db.db, mId, { email: 'ana@example.pe', phone: '987654321' }, { subject: 'Inscripción aprobada', body: 'Bienvenida', topic: 'registration.decision', relatedId: 'a1' });
    await enqueueToContact(t.db.db, mId, { phone: '987654321' }, { subject: 'Capacitación', body: 'El sábado', topic: 'training.scheduled' });
    const lines: unknown[] = [];
    const failing: DeliveryAdapter = { name: 'flaky', deliver: async (item) => { if (item.channel === 'sms') throw new Error('gateway down'); } };
    expect(await dispatchPending(t.db.db, failing)).toEqual({ sent: 1, failed: 1 });
    expect(await dispatchPending(t.db.db, new LogAdapter({ info: (o: unknown) => { lines.push(o); } } as never))).toEqual({ sent: 1, failed: 0 });
    expect(lines).toHaveLength(1);
    const outbox = await listOutbox(t.db.db, mId);
    expect(outbox.map((o) => [o.channel, o.status, o.sentVia, o.attempts])).toEqual(expect.arrayContaining([['email', 'sent', 'flaky', 1], ['sms', 'sent', 'log', 2]]));
    const api = await t.app.inject({ method: 'GET', url: '/api/municipalities/ilo/notifications?topic=training.scheduled', headers: as(admin) });
    expect(api.json().notifications).toEqual([expect.objectContaining({ recipient: '987654321', status: 'sent', lastError: null })]);
    const agent = await signIn(t.app, 'agente@ilo.gob.pe');
    expect((await t.app.inject({ method: 'GET', url: '/api/municipalities/ilo/notifications', headers: as(agent) })).statusCode).toBe(403);
  });
});
