import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Agent } from '../support/app.ts';
import { testDialects } from '../support/db.ts';
import { approvedOrganization, auditCount, countRows, createWorld, fixture, newProcess, orgPayload, post, registerAgent, url, type World } from './helpers.ts';

describe.each(testDialects())('importing agents from a CSV on %s', (dialect) => {
  let w: World;
  beforeAll(async () => { w = await createWorld(dialect); });
  afterAll(async () => { await w.t.close(); });

  function upload(who: Agent, processId: string, body: Buffer | string, mode?: string, lang: 'es' | 'en' = 'es', contentType = 'text/csv; charset=utf-8') {
    return w.t.app.inject({
      method: 'POST', url: url(processId, `/agents/import${mode ? `?mode=${mode}` : ''}`),
      headers: { ...as(who, lang), 'content-type': contentType }, payload: body,
    });
  }

  /** A process with what the bad-rows file refers to: an approved organization 11012345, a pending one 22000001, DNI 40567890 registered. */
  async function badRowsProcess(): Promise<string> {
    const p = await newProcess(w);
    await approvedOrganization(w, p, { registryNumber: '11012345' });
    await post(w, w.facilitator, url(p, '/organizations/in-person'), orgPayload(w, { name: 'Club de Madres', registryNumber: '22000001' }));
    await registerAgent(w, p, { dni: '40567890' });
    return p;
  }

  async function agentsOf(processId: string) {
    return w.t.db.db.selectFrom('agents').selectAll().where('process_id', '=', processId).where('source', '=', 'import').orderBy('dni').execute();
  }

  it('dry-runs by default: reports every bad row with line, column and a message, and writes nothing', async () => {
    const p = await badRowsProcess();
    const [agents, audit] = [await countRows(w, 'agents'), await auditCount(w)];
    const res = await upload(w.facilitator, p, fixture('bad-rows.csv'));
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ mode: 'dry-run', total: 15, valid: 3, invalid: 12, written: 0 });
    expect(report.errors.map((e: { line: number; field: string | null; code: string }) => [e.line, e.field, e.code])).toEqual([
      [2, 'dni', 'VALIDATION'], [3, 'sexo', 'VALIDATION'], [4, 'rango_edad', 'VALIDATION'], [5, 'zona', 'UNKNOWN_REFERENCE'],
      [6, 'telefono', 'VALIDATION'], [7, 'correo', 'VALIDATION'], [8, 'telefono', 'CONTACT_REQUIRED'],
      [9, 'partida_organizacion', 'ORGANIZATION_NOT_APPROVED'], [11, 'dni', 'CSV_DUPLICATE_DNI'], [12, 'dni', 'DNI_ALREADY_REGISTERED'],
      [15, null, 'CSV_ROW_COLUMNS'], [17, 'partida_organizacion', 'ORGANIZATION_NOT_APPROVED'],
    ]);
    const byLine = (line: number) => report.errors.find((e: { line: number }) => e.line === line).message;
    expect(byLine(2)).toBe('El campo «DNI» no es válido: el DNI tiene exactamente 8 dígitos.');
    expect(byLine(11)).toBe('El DNI 42000008 se repite en el archivo (ya está en la línea 10).');
    expect(byLine(12)).toBe('El DNI 40567890 ya está inscrito en este proceso.');
    expect(byLine(17)).toMatch(/Club de Madres/);
    expect([await countRows(w, 'agents'), await auditCount(w)]).toEqual([agents, audit]);

    const en = (await upload(w.facilitator, p, fixture('bad-rows.csv'), 'dry-run', 'en')).json();
    expect(en.errors.find((e: { line: number }) => e.line === 15).message).toBe('The row has 6 values; 8 expected, one per column.');
  });

  it('all-or-nothing: writes nothing while one row is bad (422 with the same report)', async () => {
    const p = await badRowsProcess();
    const [agents, audit] = [await countRows(w, 'agents'), await auditCount(w)];
    const res = await upload(w.facilitator, p, fixture('bad-rows.csv'), 'all-or-nothing');
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err).toMatchObject({ code: 'CSV_INVALID_ROWS', message: 'Filas con errores: 12. No se importó nada.' });
    expect(err.details.report).toMatchObject({ mode: 'all-or-nothing', total: 15, valid: 3, invalid: 12, written: 0 });
    expect(err.details.report.errors).toHaveLength(12);
    expect([await countRows(w, 'agents'), await auditCount(w)]).toEqual([agents, audit]);
  });

  it('valid-rows: writes the good rows in one go, pending, traceable to the import', async () => {
    const p = await badRowsProcess();
    const file = fixture('bad-rows.csv');
    const res = await upload(w.facilitator, p, file, 'valid-rows');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'valid-rows', total: 15, valid: 3, invalid: 12, written: 3 });
    expect(res.json().errors).toHaveLength(12);
    const rows = await agentsOf(p);
    expect(rows.map((r) => [r.dni, r.full_name, r.status, r.source, r.submitted_by, r.user_id])).toEqual([
      ['42000008', 'Nora Paz', 'pending', 'import', w.facilitator.userId, null],
      ['42000009', 'Sara Luna', 'pending', 'import', w.facilitator.userId, null],
      ['42000011', 'Teo Gil', 'pending', 'import', w.facilitator.userId, null],
    ]);
    const entry = await w.t.db.db.selectFrom('audit_log').selectAll().where('scope', '=', w.mId).where('action', '=', 'registration.import').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    const data = JSON.parse(entry.data);
    expect(entry.actor_id).toBe(w.facilitator.userId);
    expect(data).toMatchObject({ processId: p, mode: 'valid-rows', total: 15, valid: 3, invalid: 12, written: 3, sha256: createHash('sha256').update(file).digest('hex') });
    expect([...data.agentIds].sort()).toEqual(rows.map((r) => r.id).sort());
    for (const r of rows) {
      const own = await w.t.db.db.selectFrom('audit_log').select('data').where('scope', '=', w.mId).where('entity_id', '=', r.id).executeTakeFirstOrThrow();
      expect(JSON.parse(own.data)).toMatchObject({ source: 'import', importId: entry.entity_id });
    }
    // The same file again: every good row is now a DNI already registered; nothing more is written.
    const again = (await upload(w.facilitator, p, file, 'valid-rows')).json();
    expect(again).toMatchObject({ valid: 0, written: 0 });
    expect(await agentsOf(p)).toHaveLength(3);
  });

  it('all-or-nothing writes a clean file whole, zones by code or name, delegates by registry number', async () => {
    const p = await newProcess(w);
    const org = await approvedOrganization(w, p, { registryNumber: '11012345' });
    const res = await upload(w.admin, p, fixture('good.csv'), 'all-or-nothing');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ mode: 'all-or-nothing', total: 4, valid: 4, invalid: 0, written: 4, errors: [] });
    const rows = await agentsOf(p);
    const zoneCode = (id: string) => w.zones.find((z) => z.id === id)!.code;
    expect(rows.map((r) => [r.full_name, r.sex, r.age_band, zoneCode(r.zone_id), r.phone, r.email, r.organization_id])).toEqual([
      ['María Ñahui Quispe', 'female', '30-44', 'Z02', '987654321', null, null],
      ['José Mamani Flores', 'male', '45-59', 'Z02', null, 'jose@example.pe', null],
      ['Rosa Apaza Condori', 'female', '60+', 'Z07', '481234', null, null],
      ['Luis Choque Ticona', 'male', '18-29', 'Z01', '952111222', 'luis@example.pe', org.id],
    ]);
  });

  it('reads a semicolon file saved by Excel (BOM, CRLF, headers in another order)', async () => {
    const p = await newProcess(w);
    const res = await upload(w.facilitator, p, fixture('semicolon.csv'), 'valid-rows');
    expect(res.json()).toMatchObject({ total: 2, valid: 2, written: 2 });
    expect((await agentsOf(p)).map((r) => r.full_name)).toEqual(['Ana Lucía Huanca', 'Carlos Ñique']);
  });

  it.each([
    ['a Latin-1 file', () => fixture('latin1.csv'), 'CSV_ENCODING', /UTF-8 \(línea 3\)/],
    ['wrong columns', () => fixture('wrong-columns.csv'), 'CSV_COLUMNS', /Faltan: nombres, rango_edad\. Sobran: nombre, edad, email\./],
    ['a file with no data rows', () => 'dni;nombres;sexo;rango_edad;zona\r\n', 'CSV_EMPTY', /no tiene filas/],
    ['an empty body', () => '', 'CSV_EMPTY', /no tiene filas/],
  ])('refuses %s before looking at any row, writing nothing', async (_what, body, code, message) => {
    const p = await newProcess(w);
    const [agents, audit] = [await countRows(w, 'agents'), await auditCount(w)];
    const res = await upload(w.facilitator, p, body(), 'valid-rows');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toMatch(message);
    expect([await countRows(w, 'agents'), await auditCount(w)]).toEqual([agents, audit]);
  });

  it('lists the columns in the request language and in details', async () => {
    const res = await upload(w.facilitator, await newProcess(w), fixture('wrong-columns.csv'), 'dry-run', 'en');
    expect(res.json().error.message).toBe('Wrong columns. Expected: dni, nombres, sexo, rango_edad, zona, telefono, correo, partida_organizacion. Missing: nombres, rango_edad. Unexpected: nombre, edad, email.');
    expect(res.json().error.details).toMatchObject({ missingColumns: ['nombres', 'rango_edad'], unexpectedColumns: ['nombre', 'edad', 'email'] });
  });

  it('takes the file only as text/csv, up to 5 MB, and only from staff who import', async () => {
    const p = await newProcess(w);
    const json = await w.t.app.inject({ method: 'POST', url: url(p, '/agents/import'), headers: as(w.facilitator), payload: { dni: '1' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await upload(w.facilitator, p, 'dni,nombres,sexo,rango_edad,zona\n' + '41234567,Ana Paz,F,18-29,Z01\n'.repeat(200_000));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const bigButFine = await upload(w.facilitator, p, 'dni,nombres,sexo,rango_edad,zona,telefono\n' + '41234567,Ana Paz,F,18-29,Z01,987654321\n'.repeat(50_000));
    expect(bigButFine.statusCode).toBe(200);
    expect(bigButFine.json()).toMatchObject({ total: 50_000, valid: 1, invalid: 49_999 });
    expect((await upload(w.agent, p, fixture('good.csv'))).statusCode).toBe(403);
    const tecnico = await (await import('../support/app.ts')).signIn(w.t.app, 'tecnico@ilo.gob.pe');
    expect((await upload(tecnico, p, fixture('good.csv'))).statusCode).toBe(403);
    const badMode = await upload(w.facilitator, p, fixture('good.csv'), 'everything');
    expect(badMode.statusCode).toBe(400);
    expect(badMode.json().error.field).toBe('mode');
  });

  it('refuses an import after the deadline', async () => {
    const p = await newProcess(w, { deadlineInDays: -1 });
    const res = await upload(w.facilitator, p, fixture('good.csv'), 'all-or-nothing');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('REGISTRATION_CLOSED');
  });
});
