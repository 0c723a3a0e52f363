import type { Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { localDate } from '../shared/clock.ts';
import { listPdf, section, type Column } from '../shared/export.ts';
import type { Lang } from '../shared/i18n.ts';
import { listAttendance, type AttendanceKind, type AttendanceRecord } from './attendance.ts';
import { localTime } from './session-times.ts';

/**
 * Attendance on paper and in spreadsheets, for every kind of session: the sheet to sign in a room without a
 * connection (every approved agent expected, numbered, a blank box to sign, then blank rows for walk-ins; the head
 * of the table and the session's title repeated on each page, "page n of m" at the foot) and the list of who
 * attended (CSV and PDF). Each download carries names and DNI, so each is audited with the kind's `exportAction`.
 *
 * Attendance CSV columns: number, full name, DNI, zone, organization, how it was recorded (facilitator's checklist or
 * DNI check-in), recorded at (Peru's local date and time), recorded by.
 */

/** Blank rows at the end of a sheet, for people who come without being on it. */
export const WALK_IN_ROWS = 15;

export interface ExpectedAgent {
  fullName: string;
  dni: string;
  organizationName: string | null;
}

export interface SessionHeading {
  municipalityName: string;
  processName: string;
  /** The session's name: a training topic, a workshop's title. */
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  /** Who facilitates, the zone or axis: printed under the time. */
  details: string[];
}

type Numbered<T> = T & { n: number };

const SHEET_COLUMNS: readonly Column<Numbered<ExpectedAgent>>[] = [
  { es: 'N.º', en: 'No.', width: 1, value: (a) => a.n },
  { es: 'Nombres y apellidos', en: 'Full name', width: 6, value: (a) => a.fullName },
  { es: 'DNI', en: 'DNI', width: 2.5, value: (a) => a.dni },
  { es: 'Organización', en: 'Organization', width: 4.5, value: (a) => a.organizationName },
  { es: 'Firma', en: 'Signature', width: 5, value: () => '' },
];

const METHOD: Record<AttendanceRecord['method'], Record<Lang, string>> = {
  facilitator: { es: 'Lista del facilitador', en: "Facilitator's checklist" },
  dni_check_in: { es: 'Registro con DNI', en: 'DNI check-in' },
};

export const ATTENDANCE_COLUMNS: readonly Column<Numbered<AttendanceRecord>>[] = [
  { es: 'N.º', en: 'No.', width: 0.8, value: (a) => a.n },
  { es: 'Nombres y apellidos', en: 'Full name', width: 5, value: (a) => a.fullName },
  { es: 'DNI', en: 'DNI', width: 2, value: (a) => a.dni },
  { es: 'Zona', en: 'Zone', width: 2.5, value: (a) => a.zone.name },
  { es: 'Organización', en: 'Organization', width: 3.5, value: (a) => a.organizationName },
  { es: 'Registro', en: 'Recorded by way of', width: 2.5, value: (a, l) => METHOD[a.method][l] },
  { es: 'Registrado el', en: 'Recorded at', width: 2.5, value: (a) => `${localDate(a.recordedAt)} ${localTime(a.recordedAt)}` },
  { es: 'Registrado por', en: 'Recorded by', width: 3, value: (a) => a.recordedByName },
];

export const numbered = <T>(rows: readonly T[]): Numbered<T>[] => rows.map((r, i) => ({ ...r, n: i + 1 }));

function headingLines(h: SessionHeading, lang: Lang): string[] {
  const when = lang === 'es'
    ? `${localDate(h.startsAt)}, de ${localTime(h.startsAt)} a ${localTime(h.endsAt)} (hora del Perú). ${h.place}.`
    : `${localDate(h.startsAt)}, ${localTime(h.startsAt)} to ${localTime(h.endsAt)} (Peru time). ${h.place}.`;
  return [`${h.municipalityName}. ${h.processName}.`, when, ...h.details];
}

/** The sheet to print and sign: the agents expected, numbered, then WALK_IN_ROWS blank rows. */
export async function attendanceSheetPdf(h: SessionHeading, agents: readonly ExpectedAgent[], lang: Lang, at: Date): Promise<Uint8Array> {
  const es = lang === 'es';
  const blank = Array.from({ length: WALK_IN_ROWS }, (_, i): Numbered<ExpectedAgent> => ({ n: agents.length + i + 1, fullName: '', dni: '', organizationName: null }));
  return listPdf({
    title: es ? `Hoja de asistencia: ${h.title}` : `Attendance sheet: ${h.title}`, author: h.municipalityName, at, lang,
    lines: headingLines(h, lang), grid: true, minRowHeight: 24,
    sections: [
      section({ heading: es ? `Agentes participantes esperados (${agents.length})` : `Participating agents expected (${agents.length})`, columns: SHEET_COLUMNS, rows: numbered(agents) }),
      section({ heading: es ? 'Otros asistentes (escriba nombre y DNI)' : 'Other attendees (write name and DNI)', columns: SHEET_COLUMNS, rows: blank }),
    ],
  });
}

/** Who attended, as a PDF to file. */
export async function attendanceListPdf(h: SessionHeading, attendees: readonly AttendanceRecord[], lang: Lang, at: Date): Promise<Uint8Array> {
  const es = lang === 'es';
  return listPdf({
    title: es ? `Asistencia: ${h.title}` : `Attendance: ${h.title}`, author: h.municipalityName, at, lang, lines: headingLines(h, lang),
    sections: [section({ heading: es ? `Asistentes (${attendees.length})` : `Attendees (${attendees.length})`, columns: ATTENDANCE_COLUMNS, rows: numbered(attendees) })],
  });
}

/**
 * Who attended, read and audited (the kind's `exportAction`) in one transaction: the entry records what was taken away
 * (`attendance` or `sheet`), the format and the number of people on it.
 */
export async function exportAttendance(handle: DatabaseHandle, actor: Actor, kind: AttendanceKind, municipalityId: string, processId: string, sessionId: string,
  format: 'csv' | 'pdf'): Promise<AttendanceRecord[]> {
  return handle.db.transaction().execute(async (trx) => {
    const attendees = await listAttendance(trx, kind.table, municipalityId, sessionId);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: kind.exportAction, entityType: kind.entityType, entityId: sessionId, reason: null,
      data: { processId, what: 'attendance', format, rows: attendees.length },
    });
    return attendees;
  });
}

/** Records that a sheet with the expected agents' names and DNI was made (the kind's `exportAction`, what `sheet`). */
export async function auditSheet(handle: DatabaseHandle, actor: Actor, kind: AttendanceKind, municipalityId: string, processId: string, sessionId: string, rows: number): Promise<void> {
  await handle.db.transaction().execute((trx) => appendAudit(trx, handle.dialect, {
    scope: municipalityId, actorId: actor.userId, action: kind.exportAction, entityType: kind.entityType, entityId: sessionId, reason: null,
    data: { processId, what: 'sheet', format: 'pdf', rows },
  }));
}
