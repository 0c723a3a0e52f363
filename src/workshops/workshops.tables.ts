/** Row types of the tables the workshops area owns, as Kysely sees them. Rows never leave the repositories unmapped. */

export interface WorkshopsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  title: string;
  agenda: string;
  place: string;
  starts_at: string;
  ends_at: string;
  zone_id: string | null;
  axis_id: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** The shared attendance shape (attendance/attendance.ts): `session_id` is the workshop. */
export interface WorkshopAttendanceTable {
  municipality_id: string;
  session_id: string;
  agent_id: string;
  method: 'facilitator' | 'dni_check_in';
  recorded_at: string;
  recorded_by: string;
}

export interface WorkshopMinutesTable {
  municipality_id: string;
  workshop_id: string;
  version: number;
  summary: string;
  signed_at: string;
  signed_by: string;
  reason: string | null;
}

export interface WorkshopAgreementsTable {
  municipality_id: string;
  workshop_id: string;
  version: number;
  position: number;
  text: string;
}

export interface WorkshopMinutesSignersTable {
  municipality_id: string;
  workshop_id: string;
  version: number;
  agent_id: string;
}

export interface WorkshopVotesTable {
  municipality_id: string;
  workshop_id: string;
  proposal_id: string;
  votes: number;
  recorded_at: string;
  recorded_by: string;
  reason: string | null;
}

declare module '../db/schema.ts' {
  interface Database {
    workshops: WorkshopsTable;
    workshop_attendance: WorkshopAttendanceTable;
    workshop_minutes: WorkshopMinutesTable;
    workshop_agreements: WorkshopAgreementsTable;
    workshop_minutes_signers: WorkshopMinutesSignersTable;
    workshop_votes: WorkshopVotesTable;
  }
}
