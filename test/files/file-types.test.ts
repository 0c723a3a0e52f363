import { describe, expect, it } from 'vitest';
import { checkFileType, cleanFilename, contentDisposition, extensionOf } from '../../src/files/file-types.ts';
import { SAMPLES } from './multipart.ts';

describe('file types: extension and signature', () => {
  it.each([
    ['acta.pdf', SAMPLES.pdf, 'application/pdf'],
    ['foto.PNG', SAMPLES.png, 'image/png'],
    ['foto.jpg', SAMPLES.jpeg, 'image/jpeg'],
    ['foto.jpeg', SAMPLES.jpeg, 'image/jpeg'],
    ['mapa.webp', SAMPLES.webp, 'image/webp'],
    ['guia.docx', SAMPLES.zip, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['cuadro.xlsx', SAMPLES.zip, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['guia.odt', SAMPLES.zip, 'application/vnd.oasis.opendocument.text'],
    ['cuadro.ods', SAMPLES.zip, 'application/vnd.oasis.opendocument.spreadsheet'],
    ['notas.txt', Buffer.from('Capacitación, martes 18:00'), 'text/plain'],
    ['lista.csv', SAMPLES.csv, 'text/csv'],
  ])('accepts %s', (name, content, contentType) => {
    expect(checkFileType(name, content)).toEqual({ ok: true, extension: extensionOf(name), contentType });
  });

  it.each([
    ['an .exe renamed .pdf', 'acta.pdf', SAMPLES.exe, '.pdf / exe'],
    ['a PDF renamed .png', 'foto.png', SAMPLES.pdf, '.png / pdf'],
    ['a ZIP-less .docx', 'guia.docx', Buffer.from('hola'), '.docx / binary'],
    ['a binary .txt', 'notas.txt', SAMPLES.exe, '.txt / exe'],
    ['an .exe', 'setup.exe', SAMPLES.exe, '.exe'],
    ['a name without extension', 'LEEME', SAMPLES.csv, 'LEEME'],
    ['an HTML page', 'pagina.html', Buffer.from('<script>alert(1)</script>'), '.html'],
    ['a truncated PNG', 'foto.png', Buffer.from([0x89, 0x50]), '.png / binary'],
  ])('refuses %s', (_what, name, content, type) => {
    expect(checkFileType(name, content)).toEqual({ ok: false, type });
  });

  it('cleans a file name: last path segment, no control characters, accents kept, at most 200 characters', () => {
    expect(cleanFilename('C:\\fakepath\\Cronograma de capacitación.pdf')).toBe('Cronograma de capacitación.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('a\u0000b\nc.pdf')).toBe('abc.pdf');
    expect(cleanFilename('Cronograma de capacitacio\u0301n.pdf')).toBe('Cronograma de capacitación.pdf');
    const long = cleanFilename(`${'x'.repeat(300)}.xlsx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.xlsx')).toBe(true);
  });

  it('writes Content-Disposition with an ASCII fallback and the exact name per RFC 5987', () => {
    expect(contentDisposition('Cronograma de capacitación (2027).pdf')).toBe(
      `attachment; filename="Cronograma de capacitacion (2027).pdf"; filename*=UTF-8''Cronograma%20de%20capacitaci%C3%B3n%20%282027%29.pdf`,
    );
    expect(contentDisposition('a"b\\c.txt')).toBe(`attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`);
  });
});
