import { writePabulib } from '@concerta/pb-rules';
import type { Executor } from '../db/database.ts';
import type { Process } from '../processes/process.ts';
import { AppError } from '../shared/errors.ts';
import { pdfWriter } from '../shared/pdf.ts';
import { closedBallots } from './voting.service.ts';
import { findVote } from './voting.repository.ts';
import { pabulibOf, type PaperContent, type PaperPool } from './voting.ts';

/**
 * The vote's documents: each envelope's anonymous ballots in Pabulib format, and a polling table's tally sheet as PDF.
 *
 * Pabulib: one file per envelope (the format holds one election per file), named `<envelope>.pb`; its META says the
 * municipality, the year, the envelope, the ballot kind and the outcome rule, so another tool recomputes the result.
 */
export async function pabulibExport(db: Executor, m: { id: string; name: string; slug: string }, process: Process, poolKey: string): Promise<{ name: string; text: string }> {
  const closed = await closedBallots(db, m.id, process.id);
  if (!closed) {
    const vote = await findVote(db, m.id, process.id);
    if (!vote) throw new AppError('VOTE_NOT_OPENED', {});
    throw new AppError('RESULTS_NOT_YET', { closesAt: vote.closesAt });
  }
  const pool = closed.vote.paper.find((p) => p.key === poolKey);
  if (!pool) throw new AppError('NOT_FOUND', { what: `envelope ${poolKey}` });
  const pb = pabulibOf(pool, closed.vote.settings, closed.ballots, {
    description: `${process.name}: ${pool.zoneName ?? 'bolsa distrital'}`, country: 'Peru', unit: m.name, instance: String(process.fiscalYear),
    currency: 'PEN', date_begin: closed.vote.openedAt.slice(0, 10), date_end: (closed.vote.closedAt ?? closed.vote.closesAt).slice(0, 10),
  });
  return { name: `${m.slug}_${process.fiscalYear}_${pool.key}.pb`, text: writePabulib(pb) };
}

export interface TallySheet {
  municipalityName: string;
  fiscalYear: number;
  table: { name: string; place: string; facilitators: { name: string }[] };
  voteStatus: 'open' | 'closed';
  envelopes: PaperPool[];
  voters: number;
  figures: { typed: number; counted: number; valid: number; blank: number; spoiled: number; mismatches: number; awaitingSecond: number };
  ballots: { serial: string; state: string; content: PaperContent | null }[];
  tally: { pool: string; projectId: string; votes: number }[] | null;
  at: Date;
}

/** The table's tally sheet (acta de escrutinio), in Spanish like every document the municipality prints. */
export async function tallySheetPdf(s: TallySheet): Promise<Uint8Array> {
  const pdf = await pdfWriter({ title: `Acta de escrutinio: ${s.table.name}`, author: s.municipalityName, date: s.at, language: 'es-PE' });
  pdf.paragraph(`Acta de escrutinio: ${s.table.name}`, 'bold', 15);
  pdf.paragraph(`${s.municipalityName}. Presupuesto Participativo ${s.fiscalYear}. Lugar: ${s.table.place}.`, 'regular', 10);
  pdf.paragraph(`Facilitadores: ${s.table.facilitators.map((f) => f.name).join(', ')}.`, 'regular', 10);
  pdf.space(6);
  pdf.table({
    head: ['Votantes registrados', 'Cédulas digitadas', 'Válidas', 'En blanco', 'Nulas', 'Discrepancias', 'Sin segunda digitación'],
    widths: [3, 3, 2, 2, 2, 3, 3],
    rows: [[s.voters, s.figures.typed, s.figures.valid, s.figures.blank, s.figures.spoiled, s.figures.mismatches, s.figures.awaitingSecond].map(String)],
  }, 9);
  pdf.space(6);
  if (s.tally) {
    for (const pool of s.envelopes) {
      pdf.paragraph(`Votos por proyecto: ${pool.zoneName ?? 'bolsa distrital'}`, 'bold', 11);
      pdf.table({
        head: ['N.º', 'Proyecto', 'Votos'], widths: [1, 8, 2],
        rows: pool.projects.map((p) => [String(p.number), p.title, String(s.tally!.find((t) => t.pool === pool.key && t.projectId === p.projectId)?.votes ?? 0)]),
      }, 9);
      pdf.space(4);
    }
  } else {
    pdf.paragraph('Los votos por proyecto se imprimen al cierre de la votación.', 'regular', 10);
  }
  pdf.space(10);
  pdf.table({ head: ['Facilitador', 'Firma'], widths: [5, 5], rows: s.table.facilitators.map((f) => [f.name, '']), minRowHeight: 30, grid: true }, 9);
  return pdf.save();
}
