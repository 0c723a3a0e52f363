import { PDFDocument } from 'pdf-lib';
import { soles } from '../processes/process-settings.ts';
import { pdfWriter, printable } from '../shared/pdf.ts';
import type { ActaContent, ActaProject, ActaSource, SignatoryCapacity } from './acta.ts';

/**
 * The Acta de Acuerdos y Compromisos as PDF (pdf-lib, through shared/pdf.ts), built from an issued version's frozen
 * content only, never from live data, in Spanish: the Acta is a Peruvian legal document. Its SHA-256 and version
 * are printed under the heading and again at the end, and kept in the document's subject and keywords.
 * Pure: the same version gives the same bytes (the PDF's dates are the issue's).
 */

export const CAPACITY_LABELS: Record<SignatoryCapacity, string> = {
  mayor: 'Alcalde(sa)',
  participating_agent: 'Agente participante',
  technical_team: 'Equipo técnico',
  oversight_committee: 'Comité de vigilancia',
  other: 'Otro',
};

const KIND_LABELS: Record<string, string> = {
  municipality: 'municipalidad', regional_government: 'gobierno regional', provincial_municipality: 'municipalidad provincial',
  national_programme: 'programa nacional', ngo: 'ONG', company: 'empresa', community: 'comunidad', other: 'otro',
};

const REACH_LABELS: Record<string, string> = { district: 'distrital', provincial: 'provincial', regional: 'regional' };

function localDay(date: string): string {
  return new Intl.DateTimeFormat('es-PE', { timeZone: 'America/Lima', day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(date.length === 10 ? `${date}T12:00:00-05:00` : date));
}

function localTime(iso: string): string {
  return new Intl.DateTimeFormat('es-PE', { timeZone: 'America/Lima', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

function sourceLine(s: ActaSource): string {
  const who = s.source === 'participatory_budget' ? `Presupuesto participativo: ${s.party}`
    : `${s.source === 'pledge' ? 'Aporte comprometido' : 'Convenio'}: ${s.party}${s.partyKind ? ` (${KIND_LABELS[s.partyKind] ?? s.partyKind})` : ''}`;
  return s.conditions ? `${who}. Condiciones: ${s.conditions.replace(/\s+/g, ' ')}` : who;
}

function financingRows(p: ActaProject): string[][] {
  return p.financing.sources.map((s) => [sourceLine(s), s.contribution === 'money' ? 'Dinero' : 'En especie', soles(s.amountCents)]);
}

export function signatoryCapacity(s: { capacity: SignatoryCapacity; detail: string | null }): string {
  return s.detail ? `${CAPACITY_LABELS[s.capacity]}: ${s.detail}` : CAPACITY_LABELS[s.capacity];
}

export function actaTitle(c: Pick<ActaContent, 'process'>): string {
  return `Acta de Acuerdos y Compromisos: ${c.process.name}`;
}

export async function actaPdf(c: ActaContent, contentHash: string): Promise<Uint8Array> {
  const pdf = await pdfWriter({ title: actaTitle(c), author: c.municipality, date: new Date(c.issuedAt), language: 'es-PE' });
  const footprint = `Versión ${c.version}. Huella SHA-256 del contenido: ${contentHash}`;
  pdf.paragraph('Acta de Acuerdos y Compromisos', 'bold', 16);
  pdf.paragraph(`${c.municipality}. ${c.process.name} (año fiscal ${c.process.fiscalYear}).`, 'bold', 11);
  pdf.paragraph(footprint, 'regular', 7);
  if (c.correction) pdf.paragraph(`Esta versión corrige la versión ${c.version - 1}. Motivo: ${c.correction}`, 'regular', 9);
  pdf.space(4);
  pdf.paragraph(
    `En ${c.session.place}, el ${localDay(c.session.heldOn)}, de ${c.session.startTime} a ${c.session.endTime} horas, se reunieron los agentes participantes `
    + `y las autoridades en la sesión de formalización del Presupuesto Participativo, y acordaron lo que sigue.`, 'regular', 10);
  pdf.paragraph(
    `La votación de la lista de proyectos se cerró el ${localDay(c.vote.closedAt)} a las ${localTime(c.vote.closedAt)} horas: votaron ${c.vote.turnout.voted} `
    + `de ${c.vote.turnout.eligible} agentes habilitados (${c.vote.turnout.online} en línea, ${c.vote.turnout.paper} en papel; ${c.vote.turnout.blank} en blanco, `
    + `${c.vote.turnout.spoiled} nulos). Regla de resultados: ${c.vote.outcomeRule}.`, 'regular', 10);

  pdf.space(6);
  pdf.paragraph('Primero. Proyectos priorizados y su financiamiento', 'bold', 12);
  for (const e of c.envelopes) {
    pdf.space(4);
    pdf.paragraph(`${e.zoneName ?? 'Bolsa distrital'}: asignación ${soles(e.budgetCents)}, comprometido ${soles(e.spentCents)}.`, 'bold', 10);
    if (e.funded.length === 0) pdf.paragraph('Ningún proyecto financiado en esta bolsa.', 'regular', 9);
    for (const p of e.funded) {
      pdf.paragraph(`${p.priority}. Proyecto N.° ${p.number}: ${p.title} (${p.zoneName}; alcance ${REACH_LABELS[p.reach] ?? p.reach}; ${p.votes} votos). Costo: ${soles(p.costCents)}.`, 'regular', 9);
      pdf.table({ head: ['Fuente y compromiso', 'Aporte', 'Monto'], widths: [8, 2, 2.5], rows: financingRows(p) }, 8);
      pdf.space(3);
    }
  }

  pdf.space(6);
  pdf.paragraph('Segundo. Proyectos alternos', 'bold', 12);
  pdf.paragraph('Se ejecutan en este orden si un proyecto priorizado no puede ejecutarse o sobran recursos.', 'regular', 9);
  const alternates = c.envelopes.flatMap((e) => e.alternates.map((p) => ({ e, p })));
  if (alternates.length === 0) pdf.paragraph('Ninguno.', 'regular', 9);
  else {
    pdf.table({
      head: ['Bolsa', 'Prioridad', 'Proyecto', 'Costo', 'Financiamiento comprometido'], widths: [3, 1.5, 6, 2.5, 6],
      rows: alternates.map(({ e, p }) => [e.zoneName ?? 'Distrital', String(p.priority), `N.° ${p.number}: ${p.title}`, soles(p.costCents),
        p.financing.sources.length === 0 ? 'Ninguno' : p.financing.sources.map((s) => `${sourceLine(s)}: ${soles(s.amountCents)}`).join('; ')]),
    }, 8);
  }

  pdf.space(6);
  pdf.paragraph('Tercero. Comité de vigilancia', 'bold', 12);
  pdf.paragraph(`Elegido en ${c.committee.place} el ${localDay(c.committee.heldOn)}.`, 'regular', 9);
  pdf.table({
    head: ['N.º', 'Integrante', 'Organización'], widths: [1, 7, 7],
    rows: c.committee.members.map((m, i) => [String(i + 1), m.name, m.organization ?? '—']),
  }, 8);

  pdf.space(6);
  pdf.paragraph('Firmantes', 'bold', 12);
  pdf.table({
    head: ['Nombre', 'En calidad de', 'Firma'], widths: [5, 5, 5], grid: true, minRowHeight: 34,
    rows: c.signatories.map((s) => [s.name, signatoryCapacity(s), '']),
  }, 9);
  pdf.space(8);
  pdf.paragraph(`Emitida el ${localDay(c.issuedAt)}. ${footprint}`, 'regular', 8);
  pdf.paragraph('La huella se calcula sobre el contenido del acta en JSON canónico (claves ordenadas); cualquier cambio la altera.', 'regular', 7);

  // The hash also goes in the document's properties, where a reader finds it without reading the pages.
  const doc = await PDFDocument.load(await pdf.save(), { updateMetadata: false });
  doc.setSubject(printable(footprint));
  doc.setKeywords(['Acta de Acuerdos y Compromisos', `SHA-256 ${contentHash}`, `versión ${c.version}`]);
  return doc.save({ useObjectStreams: false });
}
