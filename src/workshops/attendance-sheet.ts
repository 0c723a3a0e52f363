import { pdfWriter } from '../shared/pdf.ts';
import { localStamp, localTime } from '../attendance/session-times.ts';

/**
 * A workshop's attendance sheet as PDF, in Spanish like every document the municipality prints: the workshop's title,
 * place and time, and the approved agents expected with a box each to sign, for a room without a connection.
 */
export interface SheetContent {
  municipalityName: string;
  fiscalYear: number;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  scope: string;
  agents: { fullName: string; dni: string; organizationName: string | null }[];
  /** When the sheet was made: the PDF's date. */
  at: Date;
}

export async function attendanceSheetPdf(c: SheetContent): Promise<Uint8Array> {
  const pdf = await pdfWriter({ title: `Hoja de asistencia: ${c.title}`, author: c.municipalityName, date: c.at, language: 'es-PE' });
  pdf.paragraph(`Hoja de asistencia: ${c.title}`, 'bold', 15);
  pdf.paragraph(`${c.municipalityName}. Presupuesto Participativo ${c.fiscalYear}.`, 'regular', 10);
  pdf.paragraph(`${localStamp(c.startsAt)} a ${localTime(c.endsAt)} (hora del Perú). ${c.place}. ${c.scope}.`, 'regular', 10);
  pdf.space(6);
  pdf.paragraph(`Agentes participantes esperados (${c.agents.length})`, 'bold', 11);
  pdf.table({
    head: ['N.º', 'Nombres y apellidos', 'DNI', 'Organización', 'Firma'],
    widths: [1, 6, 2.5, 5, 5],
    rows: c.agents.map((a, i) => [String(i + 1), a.fullName, a.dni, a.organizationName ?? '', '']),
    minRowHeight: 26,
    grid: true,
  }, 9);
  return pdf.save();
}
