import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/db.ts';
import { openDatabase } from '../../src/db/database.ts';
import { newId, now } from '../../src/shared/clock.ts';
import {
  agentPayload, auditCount, auditOf, citizen, countRows, createWorld, get, newProcess, nextDni, orgPayload, patch, post, staffOf, url,
  approvedOrganization, type World,
} from './helpers.ts';

describe.each(testDialects())('registering agents and organizations on %s', (dialect) => {
  let w: World;
  let processId: string;
  beforeAll(async () => {
    w = await createWorld(dialect);
    processId = await newProcess(w);
  });
  afterAll(async () => { await w.t.close(); });

  describe('who may register', () => {
    it('lets any signed-in person register themself online, once', async () => {
      const me = await citizen(w);
      const res = await post(w, me, url(processId, '/agents'), agentPayload(w, { fullName: '  Ana   Lucía Quispe ', phone: '+51 987 654 321', email: 'Ana@Example.pe' }));
      expect(res.statusCode).toBe(201);
      const a = res.json();
      expect(a).toMatchObject({ fullName: 'Ana Lucía Quispe', phone: '987654321', email: 'ana@example.pe', status: 'pending', source: 'online', mine: true, decisionReason: null });
      expect(a.zone).toEqual({ id: w.zones[1]!.id, code: 'Z02', name: 'Pampa Inalámbrica' });
      const row = await w.t.db.db.selectFrom('agents').select(['user_id', 'submitted_by']).where('id', '=', a.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ user_id: me.userId, submitted_by: me.userId });
      expect((await auditOf(w, a.id)).map((e) => [e.action, e.actor_id])).toEqual([['registration.register', me.userId]]);

      const mine = await get(w, me, url(processId, '/agents/mine'));
      expect(mine.json().agent.id).toBe(a.id);
      const again = await post(w, me, url(processId, '/agents'), agentPayload(w));
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('ALREADY_REGISTERED');
    });

    it('answers null for someone not registered yet', async () => {
      const res = await get(w, await citizen(w), url(processId, '/agents/mine'));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ agent: null });
    });

    it('keeps online registration personal: an account with a DNI registers that DNI only', async () => {
      const me = await citizen(w, { dni: '45500001' });
      const before = await countRows(w, 'agents');
      const res = await post(w, me, url(processId, '/agents'), agentPayload(w, { dni: '45500002' }));
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'DNI_NOT_OWN', field: 'dni' });
      expect(await countRows(w, 'agents')).toBe(before);
      expect((await post(w, me, url(processId, '/agents'), agentPayload(w, { dni: '45500001' }))).statusCode).toBe(201);
    });

    it('lets facilitators and administrators register others face to face, no one else', async () => {
      const byFacilitator = await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w));
      expect(byFacilitator.statusCode).toBe(201);
      expect(byFacilitator.json()).toMatchObject({ source: 'in_person', mine: false });
      const row = await w.t.db.db.selectFrom('agents').select(['user_id', 'submitted_by']).where('id', '=', byFacilitator.json().id).executeTakeFirstOrThrow();
      expect(row).toEqual({ user_id: null, submitted_by: w.facilitator.userId });
      expect((await post(w, w.admin, url(processId, '/agents/in-person'), agentPayload(w))).statusCode).toBe(201);

      const before = await countRows(w, 'agents');
      const byAgent = await post(w, w.agent, url(processId, '/agents/in-person'), agentPayload(w));
      expect(byAgent.statusCode).toBe(403);
      expect(byAgent.json().error.code).toBe('FORBIDDEN');
      expect((await post(w, null, url(processId, '/agents'), agentPayload(w))).statusCode).toBe(401);
      expect(await countRows(w, 'agents')).toBe(before);
    });
  });

  describe('bad input: a clear coded error, nothing written', () => {
    let pendingOrgId: string;
    beforeAll(async () => {
      pendingOrgId = (await post(w, w.facilitator, url(processId, '/organizations/in-person'), orgPayload(w, { name: 'Club de Madres Alto Ilo' }))).json().id;
    });

    it.each([
      ['an invalid DNI', { dni: '1234567' }, 400, 'VALIDATION', 'dni', /8 dígitos/],
      ['a DNI with letters', { dni: '4123456X' }, 400, 'VALIDATION', 'dni', /8 dígitos/],
      ['a DNI already registered', { dni: 'TAKEN' }, 409, 'DNI_ALREADY_REGISTERED', 'dni', /ya está inscrito/],
      ['an unknown zone', { zoneId: 'no-such-zone' }, 400, 'UNKNOWN_REFERENCE', 'zoneId', /no-such-zone/],
      ['a delegate of an unapproved organization', { organizationId: 'PENDING_ORG' }, 409, 'ORGANIZATION_NOT_APPROVED', 'organizationId', /Club de Madres Alto Ilo/],
      ['a delegate of an unknown organization', { organizationId: 'no-such-org' }, 409, 'ORGANIZATION_NOT_APPROVED', 'organizationId', /no está aprobada/],
      ['a phone of 8 digits', { phone: '98765432' }, 400, 'VALIDATION', 'phone', /9 dígitos/],
      ['no phone and no email', { phone: null }, 400, 'CONTACT_REQUIRED', 'phone', /teléfono o un correo/],
      ['a bad email', { email: 'ana.example.pe' }, 400, 'VALIDATION', 'email', /correo/],
      ['an unknown sex', { sex: 'x' }, 400, 'VALIDATION', 'sex', /female, male/],
      ['a short name', { fullName: 'A' }, 400, 'VALIDATION', 'fullName', /al menos 3/],
      ['an unknown field', { isAdmin: true }, 400, 'VALIDATION', 'isAdmin', /desconocido/],
    ])('refuses %s', async (_what, change, status, code, field, message) => {
      const taken = (await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w))).json().dni as string;
      const payload = agentPayload(w, change);
      if (payload.dni === 'TAKEN') payload.dni = taken;
      if (payload.organizationId === 'PENDING_ORG') payload.organizationId = pendingOrgId;
      const [agents, audit] = [await countRows(w, 'agents'), await auditCount(w)];
      const res = await post(w, w.facilitator, url(processId, '/agents/in-person'), payload);
      expect(res.statusCode).toBe(status);
      expect(res.json().error).toMatchObject({ code, field });
      expect(res.json().error.message).toMatch(message);
      expect([await countRows(w, 'agents'), await auditCount(w)]).toEqual([agents, audit]);
    });

    it('speaks English when asked', async () => {
      const res = await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w, { zoneId: 'nowhere' }), 'en');
      expect(res.json().error.message).toBe('Field "zone" names a zone that does not exist in this municipality: nowhere.');
      const dni = await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w, { dni: '123' }), 'en');
      expect(dni.json().error.message).toBe('Field "DNI" is not valid: a DNI has exactly 8 digits.');
    });

    it('lets the unique key settle two registrations of one DNI racing', async () => {
      const dni = nextDni();
      const [a, b] = await Promise.all([
        post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w, { dni })),
        post(w, w.admin, url(processId, '/agents/in-person'), agentPayload(w, { dni })),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('DNI_ALREADY_REGISTERED');
      const rows = await w.t.db.db.selectFrom('agents').select('id').where('dni', '=', dni).execute();
      expect(rows).toHaveLength(1);
    });

    it.runIf(dialect === 'postgres')('maps the unique key of a concurrent, not yet committed registration to DNI_ALREADY_REGISTERED', async () => {
      // A second connection inserts the DNI and holds its transaction open: the request's own check cannot see the
      // row, its insert waits on the unique index, and fails once the other transaction commits.
      const other = openDatabase(w.t.db.location);
      const dni = nextDni();
      let release!: () => void;
      const held = new Promise<void>((r) => { release = r; });
      let inserted!: () => void;
      const rowIn = new Promise<void>((r) => { inserted = r; });
      const otherTx = other.db.transaction().execute(async (trx) => {
        await trx.insertInto('agents').values({
          municipality_id: w.mId, id: newId(), process_id: processId, dni, full_name: 'Otra Jornada', sex: 'male', age_band: '30-44',
          zone_id: w.zones[0]!.id, phone: '987654321', email: null, organization_id: null, status: 'pending', decision_reason: null,
          decided_at: null, decided_by: null, user_id: null, submitted_by: null, source: 'in_person', created_at: now(), updated_at: now(),
        }).execute();
        inserted();
        await held;
      });
      await rowIn;
      const request = post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w, { dni }));
      await new Promise((r) => setTimeout(r, 300));
      release();
      await otherTx;
      const res = await request;
      await other.close();
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'DNI_ALREADY_REGISTERED', field: 'dni', details: { dni } });
      expect(await w.t.db.db.selectFrom('agents').select('full_name').where('dni', '=', dni).execute()).toEqual([{ full_name: 'Otra Jornada' }]);
    });

    it('accredits a delegate of an approved organization', async () => {
      const org = await approvedOrganization(w, processId, { name: 'Sindicato de Pescadores' });
      const res = await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w, { organizationId: org.id }));
      expect(res.statusCode).toBe(201);
      expect(res.json().organization).toEqual({ id: org.id, name: 'Sindicato de Pescadores', type: 'neighbourhood_committee' });
    });
  });

  describe('the registration window', () => {
    it('takes registrations until the deadline day, inclusive', async () => {
      const lastDay = await newProcess(w, { deadlineInDays: 0 });
      expect((await post(w, w.facilitator, url(lastDay, '/agents/in-person'), agentPayload(w))).statusCode).toBe(201);
    });

    it('refuses a registration after the deadline, and outside Preparation, writing nothing', async () => {
      const late = await newProcess(w, { deadlineInDays: -1 });
      const later = await newProcess(w, { phase: 'concertation' });
      const [agents, orgs] = [await countRows(w, 'agents'), await countRows(w, 'organizations')];
      const a = await post(w, await citizen(w), url(late, '/agents'), agentPayload(w));
      expect(a.statusCode).toBe(409);
      expect(a.json().error.code).toBe('REGISTRATION_CLOSED');
      expect(a.json().error.message).toMatch(/La inscripción cerró el \d{1,2} de [a-záéíóú]+ de \d{4}/);
      const o = await post(w, w.facilitator, url(late, '/organizations/in-person'), orgPayload(w));
      expect(o.json().error.code).toBe('REGISTRATION_CLOSED');
      const p = await post(w, w.facilitator, url(later, '/agents/in-person'), agentPayload(w));
      expect(p.statusCode).toBe(409);
      expect(p.json().error).toMatchObject({ code: 'PHASE_CLOSED', details: { expected: 'preparation', phase: 'concertation' } });
      expect([await countRows(w, 'agents'), await countRows(w, 'organizations')]).toEqual([agents, orgs]);
    });

    it('answers 404 for a process that does not exist', async () => {
      const res = await post(w, w.facilitator, url('no-such-process', '/agents/in-person'), agentPayload(w));
      expect(res.statusCode).toBe(404);
    });
  });

  describe('who sees and edits a registration', () => {
    let owner: Awaited<ReturnType<typeof citizen>>;
    let ownId: string;
    let inPersonId: string;
    beforeAll(async () => {
      owner = await citizen(w);
      ownId = (await post(w, owner, url(processId, '/agents'), agentPayload(w, { fullName: 'Teodora Búsqueda Única' }))).json().id;
      inPersonId = (await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w, { fullName: 'Eusebio Presencial' }))).json().id;
    });

    it('shows a registration to its owner and to staff, to no one else', async () => {
      expect((await get(w, owner, url(processId, `/agents/${ownId}`))).json()).toMatchObject({ id: ownId, mine: true });
      expect((await get(w, w.facilitator, url(processId, `/agents/${ownId}`))).json()).toMatchObject({ id: ownId, mine: false });
      const other = await get(w, await citizen(w), url(processId, `/agents/${ownId}`));
      expect(other.statusCode).toBe(403);
      expect((await get(w, w.agent, url(processId, `/agents/${inPersonId}`))).statusCode).toBe(403);
    });

    it('lists every registration to staff only, with filters and search by name or DNI', async () => {
      const tecnico = await (await import('../support/app.ts')).signIn(w.t.app, 'tecnico@ilo.gob.pe');
      expect((await get(w, tecnico, url(processId, '/agents'))).statusCode).toBe(403);
      expect((await get(w, w.agent, url(processId, '/agents'))).statusCode).toBe(403);
      const all = (await get(w, w.facilitator, url(processId, '/agents'))).json();
      expect(all.total).toBeGreaterThan(5);
      const byName = (await get(w, w.admin, url(processId, '/agents?q=búsqueda'))).json();
      expect(byName.agents.map((a: { id: string }) => a.id)).toEqual([ownId]);
      const dni = byName.agents[0].dni as string;
      expect((await get(w, w.admin, url(processId, `/agents?q=${dni}`))).json().agents.map((a: { id: string }) => a.id)).toEqual([ownId]);
      const online = (await get(w, w.admin, url(processId, '/agents?source=online&status=pending&limit=500'))).json();
      expect(online.agents.every((a: { source: string; status: string }) => a.source === 'online' && a.status === 'pending')).toBe(true);
      const z = w.zones[1]!.id;
      const inZone = (await get(w, w.admin, url(processId, `/agents?zoneId=${z}&limit=500`))).json();
      expect(inZone.agents.every((a: { zone: { id: string } }) => a.zone.id === z)).toBe(true);
      expect((await get(w, w.admin, url(processId, `/agents?zoneId=${w.zones[6]!.id}`))).json()).toEqual({ agents: [], total: 0 });
    });

    it('lets the owner correct a pending registration, re-checking every rule', async () => {
      const res = await patch(w, owner, url(processId, `/agents/${ownId}`), { zoneId: w.zones[4]!.id, email: 'teo@example.pe' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ zone: { code: 'Z05' }, email: 'teo@example.pe', fullName: 'Teodora Búsqueda Única' });
      expect((await auditOf(w, ownId)).map((e) => e.action)).toEqual(['registration.register', 'registration.update']);

      const taken = (await get(w, w.admin, url(processId, `/agents/${inPersonId}`))).json().dni;
      // Another person's DNI is refused as not the account's own: the answer says nothing of that DNI's registration.
      const dup = await patch(w, owner, url(processId, `/agents/${ownId}`), { dni: taken });
      expect(dup.json().error.code).toBe('DNI_NOT_OWN');
      expect(JSON.stringify(dup.json())).not.toContain(taken);
      expect((await patch(w, owner, url(processId, `/agents/${ownId}`), { zoneId: 'nowhere' })).json().error.code).toBe('UNKNOWN_REFERENCE');
      expect((await patch(w, owner, url(processId, `/agents/${ownId}`), { phone: null, email: null })).json().error.code).toBe('CONTACT_REQUIRED');
      expect((await patch(w, owner, url(processId, `/agents/${ownId}`), { status: 'approved' })).json().error).toMatchObject({ code: 'VALIDATION', field: 'status' });
      const after = (await get(w, owner, url(processId, `/agents/${ownId}`))).json();
      expect(after).toMatchObject({ zone: { code: 'Z05' }, email: 'teo@example.pe' });
    });

    it('refuses edits by anyone else; staff may correct only registrations without an owner', async () => {
      expect((await patch(w, await citizen(w), url(processId, `/agents/${ownId}`), { fullName: 'Otra Persona' })).statusCode).toBe(403);
      expect((await patch(w, w.facilitator, url(processId, `/agents/${ownId}`), { fullName: 'Otra Persona' })).statusCode).toBe(403);
      const fixed = await patch(w, w.facilitator, url(processId, `/agents/${inPersonId}`), { fullName: 'Eusebio Presencial Ramos' });
      expect(fixed.statusCode).toBe(200);
      expect(fixed.json().fullName).toBe('Eusebio Presencial Ramos');
    });

    it('refuses edits of a decided registration', async () => {
      await post(w, w.admin, url(processId, `/agents/${ownId}/decision`), { decision: 'approve' });
      const res = await patch(w, owner, url(processId, `/agents/${ownId}`), { fullName: 'Cambio Tardío' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'REGISTRATION_NOT_PENDING', details: { status: 'approved' } });
      expect((await get(w, owner, url(processId, `/agents/${ownId}`))).json().fullName).toBe('Teodora Búsqueda Única');
    });
  });

  describe('organizations', () => {
    it('registers an organization online and face to face; a registry number once per process', async () => {
      const me = await citizen(w);
      const res = await post(w, me, url(processId, '/organizations'), orgPayload(w, { name: 'ONG Labor Ilo', type: 'ngo', registryNumber: ' 11 004 567 ' }));
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ name: 'ONG Labor Ilo', type: 'ngo', registryNumber: '11 004 567', status: 'pending', source: 'online', mine: true });
      expect((await get(w, me, url(processId, '/organizations/mine'))).json().organizations.map((o: { id: string }) => o.id)).toEqual([res.json().id]);

      const before = await countRows(w, 'organizations');
      const dup = await post(w, w.facilitator, url(processId, '/organizations/in-person'), orgPayload(w, { registryNumber: '11 004 567' }));
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error).toMatchObject({ code: 'REGISTRY_NUMBER_TAKEN', field: 'registryNumber' });
      const badType = await post(w, w.facilitator, url(processId, '/organizations/in-person'), orgPayload(w, { type: 'party' }));
      expect(badType.json().error).toMatchObject({ code: 'VALIDATION', field: 'type' });
      const badZone = await post(w, w.facilitator, url(processId, '/organizations/in-person'), orgPayload(w, { zoneId: 'nowhere' }));
      expect(badZone.json().error).toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'zoneId' });
      expect(await countRows(w, 'organizations')).toBe(before);

      // The same registry number may register in another year's process.
      const nextYear = await newProcess(w);
      expect((await post(w, w.facilitator, url(nextYear, '/organizations/in-person'), orgPayload(w, { registryNumber: '11 004 567' }))).statusCode).toBe(201);
    });

    it('lets the submitter and staff see and correct a pending organization', async () => {
      const me = await citizen(w);
      const id = (await post(w, me, url(processId, '/organizations'), orgPayload(w))).json().id;
      expect((await get(w, await citizen(w), url(processId, `/organizations/${id}`))).statusCode).toBe(403);
      expect((await get(w, w.facilitator, url(processId, `/organizations/${id}`))).statusCode).toBe(200);
      const fixed = await patch(w, me, url(processId, `/organizations/${id}`), { name: 'Comité Vecinal Miramar Alto', contactPhone: '053481234'.slice(3) });
      expect(fixed.json()).toMatchObject({ name: 'Comité Vecinal Miramar Alto', contactPhone: '481234' });
      expect((await patch(w, w.facilitator, url(processId, `/organizations/${id}`), { name: 'Otro' })).statusCode).toBe(403);
      const list = (await get(w, w.admin, url(processId, '/organizations?q=miramar alto'))).json();
      expect(list.organizations.map((o: { id: string }) => o.id)).toEqual([id]);
    });
  });

  describe('tenant isolation', () => {
    it('keeps a staff member of another municipality out of Ilo registrations', async () => {
      const pacochaAdmin = await staffOf(w, 'pacocha', 'administrator');
      const someone = (await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w))).json().id;
      expect((await get(w, pacochaAdmin, url(processId, '/agents'))).statusCode).toBe(403);
      expect((await post(w, pacochaAdmin, url(processId, `/agents/${someone}/decision`), { decision: 'approve' })).statusCode).toBe(403);
      // Through their own municipality, Ilo's process is not found at all.
      const cross = await get(w, pacochaAdmin, url(processId, '/agents', 'pacocha'));
      expect(cross.statusCode).toBe(404);
      const crossDecide = await post(w, pacochaAdmin, url(processId, `/agents/${someone}/decision`, 'pacocha'), { decision: 'approve' });
      expect(crossDecide.statusCode).toBe(404);
      expect((await get(w, pacochaAdmin, url(processId, `/agents/${someone}`, 'pacocha'))).statusCode).toBe(404);
      expect((await get(w, w.admin, url(processId, `/agents/${someone}`))).json().status).toBe('pending');
    });
  });
});
