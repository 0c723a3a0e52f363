import { parse } from 'csv-parse/sync';
import { PDFDocument } from 'pdf-lib';
import type { LightMyRequestResponse } from 'fastify';
import { pdfText } from '../acta/pdf-text.ts';

/** A CSV download: checks its BOM and media type, and answers its header row and its rows. */
export function csvOf(res: LightMyRequestResponse): { head: string[]; rows: string[][] } {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode}: ${res.body}`);
  if (!String(res.headers['content-type']).startsWith('text/csv')) throw new Error(`not CSV: ${res.headers['content-type']}`);
  const bytes = res.rawPayload;
  if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) throw new Error('no UTF-8 byte order mark');
  const [head, ...rows] = parse(bytes.subarray(3).toString('utf8')) as string[][];
  return { head: head!, rows };
}

/** A PDF download: parsed with pdf-lib; its pages and the text shown on them. */
export async function pdfOf(res: LightMyRequestResponse): Promise<{ pages: number; title: string | undefined; text: string[] }> {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode}: ${res.body}`);
  if (res.headers['content-type'] !== 'application/pdf') throw new Error(`not PDF: ${res.headers['content-type']}`);
  const doc = await PDFDocument.load(res.rawPayload);
  return { pages: doc.getPageCount(), title: doc.getTitle(), text: await pdfText(res.rawPayload) };
}
