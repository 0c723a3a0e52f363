import type { DatabaseHandle } from '../db/database.ts';
import { listProcessSummaries, type ProcessSummary } from '../processes/process-summary.queries.ts';
import { ensureTracked, trackedProjects, type ExecutionStatus } from '../execution/execution.queries.ts';
import { pdfWriter } from '../shared/pdf.ts';
import { nameOf } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { localDate } from '../shared/clock.ts';
import { soles } from '../processes/process-settings.ts';
import { ACCOUNT_STATES, accountState, type AccountState } from './oversight.ts';

/**
 * The account of past agreements the mayor gives at each year's opening (rendición de cuentas), over the
 * municipality's whole participatory budgeting history: every process whose agreed projects are tracked (in Execution
 * or closed), newest first, each project done, in progress, not started or cancelled, with the reason on record.
 */

export interface AccountYear extends ProcessSummary {
  counts: Record<AccountState, number>;
  projects: {
    id: string; number: number; title: string; zoneName: string; status: ExecutionStatus; state: AccountState; reason: string | null;
    physicalPercent: number; financialPercent: number; costCents: number;
  }[];
}

export async function accountability(handle: DatabaseHandle, municipalityId: string, actorId: string | null): Promise<AccountYear[]> {
  const processes = (await listProcessSummaries(handle.db, municipalityId)).filter((p) => p.phase === 'execution' || p.phase === 'closed');
  const today = localDate();
  const years: AccountYear[] = [];
  for (const p of processes) {
    await ensureTracked(handle, municipalityId, p.id, actorId);
    const projects = (await trackedProjects(handle.db, municipalityId, p.id, today)).map((x) => ({
      id: x.id, number: x.number, title: x.title, zoneName: x.zoneName, status: x.status, state: accountState(x.status), reason: x.statusReason,
      physicalPercent: x.physicalPercent, financialPercent: x.financialPercent, costCents: x.costCents,
    }));
    const counts = Object.fromEntries(ACCOUNT_STATES.map((s) => [s, projects.filter((x) => x.state === s).length])) as Record<AccountState, number>;
    years.push({ ...p, counts, projects });
  }
  return years;
}

const TEXT = {
  es: {
    title: 'Rendición de cuentas de los acuerdos del presupuesto participativo',
    asOf: (d: string) => `Situación al ${d}, de todos los procesos con proyectos en seguimiento.`,
    year: (y: AccountYear) => `Año fiscal ${y.fiscalYear}: ${y.counts.done} concluidos, ${y.counts.in_progress} en curso, ${y.counts.not_started} no iniciados, ${y.counts.cancelled} cancelados`,
    head: ['N.°', 'Proyecto', 'Situación', 'Estado', 'Físico', 'Costo', 'Motivo'],
    none: 'No hay procesos con proyectos en seguimiento.',
  },
  en: {
    title: 'Account of the participatory budget agreements',
    asOf: (d: string) => `State as of ${d}, of every process whose projects are tracked.`,
    year: (y: AccountYear) => `Fiscal year ${y.fiscalYear}: ${y.counts.done} done, ${y.counts.in_progress} in progress, ${y.counts.not_started} not started, ${y.counts.cancelled} cancelled`,
    head: ['No.', 'Project', 'State', 'Status', 'Physical', 'Cost', 'Reason'],
    none: 'No process has tracked projects.',
  },
} as const;

export async function accountabilityPdf(years: readonly AccountYear[], municipalityName: string, lang: Lang): Promise<Uint8Array> {
  const t = TEXT[lang];
  const today = localDate();
  const pdf = await pdfWriter({ title: `${t.title} - ${municipalityName}`, author: municipalityName, date: new Date(`${today}T12:00:00Z`), language: lang === 'es' ? 'es-PE' : 'en' });
  pdf.paragraph(municipalityName, 'bold', 14);
  pdf.paragraph(t.title, 'bold', 13);
  pdf.paragraph(t.asOf(today), 'regular', 9);
  if (years.length === 0) pdf.paragraph(t.none, 'regular', 10);
  for (const y of years) {
    pdf.space(8);
    pdf.paragraph(t.year(y), 'bold', 11);
    pdf.table({
      head: [...t.head], widths: [5, 28, 11, 11, 8, 13, 24],
      rows: y.projects.map((p) => [String(p.number), p.title, nameOf(`oversight_${p.state}`, lang), nameOf(p.status, lang), `${p.physicalPercent} %`, soles(p.costCents), p.reason ?? '']),
    }, 8);
  }
  return pdf.save();
}
