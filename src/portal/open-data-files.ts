import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import type { Executor } from '../db/database.ts';
import type { Process } from '../processes/process.ts';
import { hasIssuedActa, issuedActa } from '../acta/acta.queries.ts';
import { now } from '../shared/clock.ts';
import { AppError } from '../shared/errors.ts';
import { OPEN_DATA_FILES, OPEN_DATA_FORMATS, OPEN_DATA_SCHEMA, render, schemaMarkdown, type OpenDataFile, type OpenDataFormat, type OpenDataRow } from './open-data.ts';
import * as repo from './portal.repository.ts';
import { evaluationRows, processEverything, processRow, proposalRows, resultRows } from './portal.service.ts';

/** The open data of a process and of a municipality: the files' rows, rendered, and the bulk zip, streamed. */

interface Municipality { id: string; slug: string; name: string }
type ProcessRef = Pick<Process, 'id' | 'fiscalYear' | 'name' | 'phase' | 'envelopeCents' | 'investmentBudgetCents'>;

/**
 * Every file of one process, its rows (`results` null until the vote is closed), and the keys of the closed vote's
 * envelopes (each has its Pabulib ballots).
 */
async function processFiles(db: Executor, m: Municipality, p: ProcessRef): Promise<{ rows: Record<OpenDataFile, OpenDataRow[] | null>; envelopes: string[] }> {
  const everything = await processEverything(db, m.id, p.id);
  const w = { municipality: m, process: p };
  return {
    rows: {
      processes: [processRow(m, p, everything.results?.closedAt ?? null)],
      proposals: proposalRows(w, everything),
      evaluations: evaluationRows(w, everything),
      results: everything.results ? resultRows(w, everything.results) : null,
    },
    envelopes: (everything.results?.envelopes ?? []).map((e) => e.key),
  };
}

/** One file of one process. Results before the vote's close: OPEN_DATA_RESULTS_NOT_YET. */
export async function processFile(db: Executor, m: Municipality, p: Process, file: OpenDataFile, format: OpenDataFormat): Promise<string> {
  const rows = (await processFiles(db, m, p)).rows[file];
  if (rows === null) throw new AppError('OPEN_DATA_RESULTS_NOT_YET', { year: p.fiscalYear });
  return render(file, format, rows, { municipality: { slug: m.slug, name: m.name }, processId: p.id, generatedAt: now() });
}

/** One file over every process of the municipality, oldest first (results of closed votes only). */
export async function municipalityFile(db: Executor, m: Municipality, file: OpenDataFile, format: OpenDataFormat): Promise<string> {
  const processes = await repo.municipalityProcesses(db, m.id);
  const rows: OpenDataRow[] = [];
  for (const p of processes) rows.push(...((await processFiles(db, m, p)).rows[file] ?? []));
  return render(file, format, rows, { municipality: { slug: m.slug, name: m.name }, processId: null, generatedAt: now() });
}

/** The latest issued version of a process's Acta de Acuerdos y Compromisos (its SHA-256 and PDF), or null before it is issued. */
export async function actaLink(db: Executor, m: Municipality, processId: string, api: string): Promise<{ version: number; contentHash: string; pdfUrl: string } | null> {
  if (!(await hasIssuedActa(db, m.id, processId))) return null;
  const acta = await issuedActa(db, m.id, processId);
  return { version: acta.version, contentHash: acta.contentHash, pdfUrl: `${api}/municipalities/${m.slug}/processes/${processId}/acta/versions/${acta.version}/acta.pdf` };
}

/** What a process's or a municipality's open data holds: each file's address, by name and format. */
export function fileLinks(base: string): { file: OpenDataFile; format: OpenDataFormat; url: string }[] {
  return OPEN_DATA_FILES.flatMap((file) => OPEN_DATA_FORMATS.map((format) => ({ file, format, url: `${base}/${file}.${format}` })));
}

/**
 * Everything public of a municipality as one zip, streamed: each process's files are made and compressed one
 * process at a time and leave as they are compressed, so the whole archive is never held in memory.
 */
export function bulkZip(db: Executor, m: Municipality, api: string): Readable {
  const out = new PassThrough();
  const zip = new Zip((err, chunk, final) => {
    if (err) { out.destroy(err); return; }
    out.write(chunk);
    if (final) out.end();
  });
  // Waits while the client is slower than the archive (or until it goes away: a closed stream ends the work).
  const drained = () => out.writableNeedDrain && !out.destroyed
    ? new Promise<void>((resolve) => { out.once('drain', resolve); out.once('close', resolve); })
    : Promise.resolve();
  const add = async (name: string, text: string) => {
    if (out.destroyed) throw new Error('the download was abandoned');
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(text), true);
    await drained();
  };
  void (async () => {
    const generatedAt = now();
    const about = (processId: string | null) => ({ municipality: { slug: m.slug, name: m.name }, processId, generatedAt });
    const processes = await repo.municipalityProcesses(db, m.id);
    const processRows: OpenDataRow[] = [];
    const index: { fiscalYear: number; processId: string; files: string[]; pabulib: string[]; acta: string | null }[] = [];
    for (const p of processes) {
      const { rows: files, envelopes } = await processFiles(db, m, p);
      processRows.push(...files.processes!);
      const names: string[] = [];
      for (const file of OPEN_DATA_FILES) {
        const rows = files[file];
        if (file === 'processes' || rows === null) continue;
        for (const format of OPEN_DATA_FORMATS) {
          const name = `${p.fiscalYear}/${file}.${format}`;
          await add(name, render(file, format, rows, about(p.id)));
          names.push(name);
        }
      }
      index.push({
        fiscalYear: p.fiscalYear, processId: p.id, files: names,
        pabulib: envelopes.map((key) => `${api}/municipalities/${m.slug}/processes/${p.id}/vote/results/${key}.pb`),
        acta: (await actaLink(db, m, p.id, api))?.pdfUrl ?? null,
      });
    }
    for (const format of OPEN_DATA_FORMATS) await add(`processes.${format}`, render('processes', format, processRows, about(null)));
    await add('open-data.md', schemaMarkdown());
    await add('index.json', `${JSON.stringify({ schema: OPEN_DATA_SCHEMA, generatedAt, municipality: { slug: m.slug, name: m.name }, processes: index }, null, 1)}\n`);
    zip.end();
  })().catch((err: unknown) => { if (!out.destroyed) out.destroy(err as Error); });
  return out;
}
