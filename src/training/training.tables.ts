/** Row types of the tables the training area owns, as Kysely sees them. Rows never leave the repositories unmapped. */

export interface TrainingSessionsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  topic: string;
  place: string;
  starts_at: string;
  ends_at: string;
  facilitator_id: string | null;
  facilitator_name: string;
  zone_id: string | null;
  created_at: string;
  created_by: string;
}

export interface TrainingMaterialsTable {
  municipality_id: string;
  session_id: string;
  file_id: string;
}

export interface TrainingAttendanceTable {
  municipality_id: string;
  session_id: string;
  agent_id: string;
  method: 'facilitator' | 'dni_check_in';
  recorded_at: string;
  recorded_by: string;
}

declare module '../db/schema.ts' {
  interface Database {
    training_sessions: TrainingSessionsTable;
    training_materials: TrainingMaterialsTable;
    training_attendance: TrainingAttendanceTable;
  }
}
