import { pdfWriter } from '../shared/pdf.ts';
import { nameOf } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { localDate } from '../shared/clock.ts';
import { soles } from '../processes/process-settings.ts';
import { semester, type Half } from './oversight.ts';
import type { Workspace } from './oversight.service.ts';

/**
 * The semi-annual vigilance report (PDF): every tracked project's state (status, physical and financial progress,
 * behind schedule) and its place in the opening budget (PIA), the observations filed in the semester, and the
 * requests for information sent in it or still unanswered, with their answers or the overdue flag as of the day the
 * report is drawn.
 */
const TEXT = {
  es: {
    title: 'Informe de vigilancia del presupuesto participativo',
    semester: (year: number, half: Half) => `${half === 1 ? 'Primer' : 'Segundo'} semestre de ${year} (${semester(year, half).from} al ${semester(year, half).to})`,
    process: (year: number, name: string) => `Proceso ${name} (año fiscal ${year})`,
    asOf: (date: string) => `Situación al ${date}. Comité de Vigilancia del Presupuesto Participativo.`,
    projects: 'Proyectos acordados: estado, avance y presupuesto institucional de apertura (PIA)',
    head: ['N.°', 'Proyecto', 'Estado', 'Físico', 'Financiero', 'Atraso', 'Acordado', 'PIA', 'En el PIA'],
    yes: 'sí', no: 'no', none: 'sin registrar',
    observations: 'Observaciones del comité',
    noObservations: 'No se registraron observaciones en el semestre.',
    obsHead: ['Fecha', 'Proyecto', 'Autor', 'Observación', 'Fotos'],
    requests: 'Pedidos de información',
    noRequests: 'No hay pedidos de información del semestre ni pendientes.',
    reqHead: ['Enviado', 'Sobre', 'Pedido', 'Plazo', 'Respuesta'],
    wholeProcess: 'el proceso',
    overdue: 'VENCIDO: sin respuesta en plazo',
    pending: 'pendiente, en plazo',
    answered: (date: string, by: string, text: string) => `${date}, ${by}: ${text}`,
    summary: (c: Workspace['requestCounts']) => `${c.total} pedidos: ${c.answered} respondidos, ${c.pending} sin respuesta, de ellos ${c.overdue} vencidos.`,
  },
  en: {
    title: 'Participatory budget vigilance report',
    semester: (year: number, half: Half) => `${half === 1 ? 'First' : 'Second'} semester of ${year} (${semester(year, half).from} to ${semester(year, half).to})`,
    process: (year: number, name: string) => `Process ${name} (fiscal year ${year})`,
    asOf: (date: string) => `State as of ${date}. Participatory Budget Oversight Committee.`,
    projects: 'Agreed projects: status, progress and opening budget (PIA)',
    head: ['No.', 'Project', 'Status', 'Physical', 'Financial', 'Behind', 'Agreed', 'PIA', 'In the PIA'],
    yes: 'yes', no: 'no', none: 'not recorded',
    observations: "The committee's observations",
    noObservations: 'No observations were filed in the semester.',
    obsHead: ['Date', 'Project', 'Author', 'Observation', 'Photos'],
    requests: 'Requests for information',
    noRequests: 'No requests for information of the semester, and none pending.',
    reqHead: ['Sent', 'About', 'Request', 'Deadline', 'Answer'],
    wholeProcess: 'the process',
    overdue: 'OVERDUE: no answer in time',
    pending: 'pending, in time',
    answered: (date: string, by: string, text: string) => `${date}, ${by}: ${text}`,
    summary: (c: Workspace['requestCounts']) => `${c.total} requests: ${c.answered} answered, ${c.pending} unanswered, ${c.overdue} of them overdue.`,
  },
} as const;

export async function vigilanceReportPdf(ws: Workspace, municipalityName: string, year: number, half: Half, lang: Lang): Promise<Uint8Array> {
  const t = TEXT[lang];
  const { from, to } = semester(year, half);
  const pdf = await pdfWriter({ title: `${t.title} - ${municipalityName}`, author: municipalityName, date: new Date(`${ws.today}T12:00:00Z`), language: lang === 'es' ? 'es-PE' : 'en' });
  pdf.paragraph(municipalityName, 'bold', 14);
  pdf.paragraph(t.title, 'bold', 13);
  pdf.paragraph(t.semester(year, half), 'regular', 11);
  pdf.paragraph(t.process(ws.process.fiscalYear, ws.process.name), 'regular', 10);
  pdf.paragraph(t.asOf(ws.today), 'regular', 9);
  pdf.space(6);

  pdf.paragraph(t.projects, 'bold', 11);
  pdf.table({
    head: [...t.head],
    widths: [5, 24, 11, 8, 9, 7, 12, 12, 12],
    rows: ws.projects.map((p) => [
      String(p.number), p.title, nameOf(p.status, lang), `${p.physicalPercent} %`, `${p.financialPercent} %`, p.behindSchedule ? t.yes : t.no,
      soles(p.agreedCents), p.piaCents === null ? t.none : soles(p.piaCents), nameOf(`oversight_${p.piaFlag}`, lang),
    ]),
  }, 8);
  pdf.space(10);

  const inSemester = (instant: string) => { const d = localDate(instant); return d >= from && d <= to; };
  const observations = ws.observations.filter((o) => inSemester(o.filedAt)).reverse();
  pdf.paragraph(t.observations, 'bold', 11);
  if (observations.length === 0) pdf.paragraph(t.noObservations, 'regular', 9);
  else {
    pdf.table({
      head: [...t.obsHead], widths: [10, 22, 16, 46, 6],
      rows: observations.map((o) => [localDate(o.filedAt), `${o.projectNumber}. ${o.projectTitle}`, o.authorName, o.text, String(o.photos.length)]),
    }, 8);
  }
  pdf.space(10);

  const requests = ws.requests.filter((r) => inSemester(r.sentAt) || (r.answer === null && localDate(r.sentAt) < from));
  pdf.paragraph(t.requests, 'bold', 11);
  pdf.paragraph(t.summary(ws.requestCounts), 'regular', 9);
  if (requests.length === 0) pdf.paragraph(t.noRequests, 'regular', 9);
  else {
    pdf.table({
      head: [...t.reqHead], widths: [10, 18, 30, 10, 32],
      rows: requests.map((r) => [
        localDate(r.sentAt), r.projectNumber === null ? t.wholeProcess : `${r.projectNumber}. ${r.projectTitle}`, r.question, r.deadline,
        r.answer ? t.answered(localDate(r.answer.answeredAt), r.answer.answeredByName, r.answer.text) : r.overdue ? t.overdue : t.pending,
      ]),
    }, 8);
  }
  return pdf.save();
}
