import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { detectSeparator, firstNonUtf8Line, parseAgentsCsv, planAgentImport, recordPieces, SLICE_ROWS, type CsvProgress } from '../../src/registration/csv-import.ts';
import type { AgentRefs } from '../../src/registration/agent-registration.ts';
import { AppError } from '../../src/shared/errors.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name));
const text = (s: string) => Buffer.from(s, 'utf-8');

const refs: AgentRefs = {
  zones: ['Cercado de Ilo', 'Pampa Inalámbrica', 'Alto Ilo', 'Miramar', 'Villa del Mar', 'Nuevo Ilo', 'Valle de Ilo (zona rural)']
    .map((name, i) => ({ id: `z${i + 1}`, code: `Z0${i + 1}`, name })),
  organizations: [
    { id: 'o1', name: 'Comité Vecinal Miramar', type: 'neighbourhood_committee', registryNumber: '11012345', status: 'approved' },
    { id: 'o2', name: 'Club de Madres', type: 'womens_group', registryNumber: '22000001', status: 'pending' },
  ],
  takenDnis: new Set(['40567890']),
};

async function thrown(fn: () => Promise<unknown>): Promise<AppError> {
  try { await fn(); } catch (e) { return e as AppError; }
  throw new Error('did not throw');
}

describe('parseAgentsCsv: file-level checks', () => {
  it('reads a comma file with every column', async () => {
    const csv = await parseAgentsCsv(fixture('good.csv'));
    expect(csv.columns).toEqual(['dni', 'nombres', 'sexo', 'rango_edad', 'zona', 'telefono', 'correo', 'partida_organizacion']);
    expect(csv.records.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(csv.records[0]!.fields[1]).toBe('María Ñahui Quispe');
  });

  it('reads a semicolon file from Excel: BOM, CRLF, headers in any order and case, accents, a blank row', async () => {
    const csv = await parseAgentsCsv(fixture('semicolon.csv'));
    expect(csv.columns).toEqual(['nombres', 'dni', 'sexo', 'rango_edad', 'zona', 'telefono', 'correo']);
    expect(csv.records.map((r) => [r.line, r.fields[1]])).toEqual([[2, '43000001'], [4, '43000002']]);
  });

  it('honours an Excel "sep=;" first line and still counts lines from the top of the file', async () => {
    const csv = await parseAgentsCsv(text('sep=;\ndni;nombres;sexo;rango_edad;zona\n41234567;Ana, la del puerto;F;18-29;Z01\n'));
    expect(csv.records).toEqual([{ line: 3, fields: ['41234567', 'Ana, la del puerto', 'F', '18-29', 'Z01'] }]);
  });

  it('refuses a Latin-1 file with the line of the first bad byte', async () => {
    expect(firstNonUtf8Line(fixture('latin1.csv'))).toBe(3);
    const e = await thrown(() => parseAgentsCsv(fixture('latin1.csv')));
    expect(e).toMatchObject({ code: 'CSV_ENCODING', params: { line: 3 } });
  });

  it('refuses wrong columns, listing expected, missing and unexpected', async () => {
    const e = await thrown(() => parseAgentsCsv(fixture('wrong-columns.csv')));
    expect(e.code).toBe('CSV_COLUMNS');
    expect(e.params).toMatchObject({ missingColumns: ['nombres', 'rango_edad'], unexpectedColumns: ['nombre', 'edad', 'email'] });
    expect(e.params.expected).toBe('dni, nombres, sexo, rango_edad, zona, telefono, correo, partida_organizacion');
  });

  it('refuses a repeated column', async () => {
    const e = await thrown(() => parseAgentsCsv(text('dni,nombres,sexo,rango_edad,zona,DNI\n1,2,3,4,5,6\n')));
    expect(e).toMatchObject({ code: 'CSV_COLUMNS', params: { missingColumns: [], unexpectedColumns: ['DNI'] } });
  });

  it.each([
    ['an empty file', ''],
    ['a header only', 'dni,nombres,sexo,rango_edad,zona\n'],
    ['blank rows only', 'dni;nombres;sexo;rango_edad;zona\r\n;;;;\r\n\r\n'],
  ])('refuses %s with CSV_EMPTY', async (_what, content) => {
    expect((await thrown(() => parseAgentsCsv(text(content)))).code).toBe('CSV_EMPTY');
  });

  it('refuses an unclosed quote with CSV_MALFORMED', async () => {
    expect((await thrown(() => parseAgentsCsv(text('dni,nombres,sexo,rango_edad,zona\n1,"Ana,F,18-29,Z01\n')))).code).toBe('CSV_MALFORMED');
  });

  it('detects the separator from the header line', async () => {
    expect(detectSeparator('dni;nombres;sexo')).toBe(';');
    expect(detectSeparator('dni,nombres,sexo')).toBe(',');
  });
});

describe('planAgentImport: every bad row, with its line and column', () => {
  it('accepts every row of the good file', async () => {
    const plan = await planAgentImport(await parseAgentsCsv(fixture('good.csv')), refs);
    expect(plan.issues).toEqual([]);
    expect(plan.rows.map((r) => [r.line, r.draft.zoneId, r.draft.sex, r.draft.organizationId])).toEqual([
      [2, 'z2', 'female', null], [3, 'z2', 'male', null], [4, 'z7', 'female', null], [5, 'z1', 'male', 'o1'],
    ]);
  });

  it('reports each bad row of the bad file, with lines as in the file', async () => {
    const plan = await planAgentImport(await parseAgentsCsv(fixture('bad-rows.csv')), refs);
    expect(plan.total).toBe(15);
    expect(plan.rows.map((r) => r.line)).toEqual([10, 13, 16]);
    expect(plan.rows[1]!.draft.fullName).toBe('Sara Luna');
    expect(plan.invalidLines).toBe(12);
    expect(plan.issues.map((i) => [i.line, i.field, i.code])).toEqual([
      [2, 'dni', 'VALIDATION'],
      [3, 'sexo', 'VALIDATION'],
      [4, 'rango_edad', 'VALIDATION'],
      [5, 'zona', 'UNKNOWN_REFERENCE'],
      [6, 'telefono', 'VALIDATION'],
      [7, 'correo', 'VALIDATION'],
      [8, 'telefono', 'CONTACT_REQUIRED'],
      [9, 'partida_organizacion', 'ORGANIZATION_NOT_APPROVED'],
      [11, 'dni', 'CSV_DUPLICATE_DNI'],
      [12, 'dni', 'DNI_ALREADY_REGISTERED'],
      [15, null, 'CSV_ROW_COLUMNS'],
      [17, 'partida_organizacion', 'ORGANIZATION_NOT_APPROVED'],
    ]);
    expect(plan.issues.find((i) => i.line === 11)!.params).toEqual({ dni: '42000008', firstLine: 10 });
    expect(plan.issues.find((i) => i.line === 17)!.params).toEqual({ name: 'Club de Madres' });
  });
});

describe('a long file goes in slices, handing the event loop back between them', () => {
  /** 5,000 rows; every 7th name is quoted and spans two lines, every 11th holds an escaped quote. */
  function longFile(rows = 5000): string {
    const lines = ['dni;nombres;sexo;rango_edad;zona'];
    for (let i = 0; i < rows; i++) {
      const name = i % 7 === 0 ? `"Ana María\nPaz ${i}"` : i % 11 === 0 ? `"Rosa ""la del puerto"" ${i}"` : `Luis Gil ${i}`;
      lines.push(`${40_000_000 + i};${name};F;18-29;Z01`);
    }
    return lines.join('\n') + '\n';
  }

  it('cuts the text only between records, so the pieces parse to the records of the whole', () => {
    const whole = longFile();
    const pieces = [...recordPieces(whole, 100)];
    expect(pieces.length).toBeGreaterThan(50);
    expect([...recordPieces(whole, Infinity, 4096)].length).toBeGreaterThan(20);
    expect(pieces.map((p) => p.text).join('')).toBe(whole);
    const records = pieces.flatMap((p) => parse(p.text, { delimiter: ';', record_delimiter: '\n' }) as string[][]);
    expect(records).toEqual(parse(whole, { delimiter: ';', record_delimiter: '\n' }));
  });

  it('numbers lines as in the file across slices, and names the line of an unclosed quote deep in it', async () => {
    const csv = await parseAgentsCsv(text(longFile()));
    expect(csv.records).toHaveLength(5000);
    // Row i starts on line 2 + i + (rows before it with a two-line name).
    const lineOf = (i: number) => 2 + i + Math.ceil(i / 7);
    for (const i of [0, 1, 7, 8, 2999, 4999]) expect(csv.records[i]!.line).toBe(lineOf(i));
    expect(csv.records[7]!.fields[1]).toBe('Ana María\nPaz 7');
    expect(csv.records[11]!.fields[1]).toBe('Rosa "la del puerto" 11');
    const broken = longFile().replace('40004000;', '40004000;"');
    expect(await thrown(() => parseAgentsCsv(text(broken)))).toMatchObject({ code: 'CSV_MALFORMED' });
  });

  it('awaits its checkpoint at least every SLICE_ROWS rows while parsing and validating', async () => {
    const seen: CsvProgress[] = [];
    const checkpoint = async (p: CsvProgress) => { seen.push(p); };
    const csv = await parseAgentsCsv(text(longFile()), checkpoint);
    const parsed = seen.map((p) => p.parsed!);
    expect(parsed.at(-1)).toBe(5000);
    for (const [i, n] of parsed.entries()) expect(n - (parsed[i - 1] ?? 0)).toBeLessThanOrEqual(SLICE_ROWS);
    seen.length = 0;
    await planAgentImport(csv, refs, checkpoint);
    expect(seen.map((p) => p.validated)).toEqual(Array.from({ length: 5000 / SLICE_ROWS }, (_, i) => (i + 1) * SLICE_ROWS));
  });
});
