/** Row types of every table, as Kysely sees them. Rows never leave the repositories unmapped. */

export interface JurisdictionsTable {
  id: string;
  parent_id: string | null;
  level: 'region' | 'province' | 'district';
  name: string;
  ubigeo: string;
}

export interface MunicipalitiesTable {
  id: string;
  jurisdiction_id: string;
  slug: string;
  name: string;
  kind: 'provincial' | 'district';
  created_at: string;
}

export interface UsersTable {
  id: string;
  name: string;
  email: string | null;
  dni: string | null;
  password_hash: string;
  created_at: string;
}

export interface MembershipsTable {
  municipality_id: string;
  user_id: string;
  role: string;
  granted_at: string;
  granted_by: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface AuditLogTable {
  scope: string;
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  reason: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface Database {
  jurisdictions: JurisdictionsTable;
  municipalities: MunicipalitiesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  processes: ProcessesTable;
  process_phases: ProcessPhasesTable;
  process_phase_moves: ProcessPhaseMovesTable;
  zones: ZonesTable;
  files: FilesTable;
  thematic_axes: ThematicAxesTable;
  plan_objectives: PlanObjectivesTable;
  process_zone_envelopes: ProcessZoneEnvelopesTable;
  announcements: AnnouncementsTable;
  announcement_attachments: AnnouncementAttachmentsTable;
  notifications: NotificationsTable;
  organizations: OrganizationsTable;
  agents: AgentsTable;
  bodies: BodiesTable;
  body_members: BodyMembersTable;
  training_sessions: TrainingSessionsTable;
  training_materials: TrainingMaterialsTable;
  training_attendance: TrainingAttendanceTable;
}

export interface ProcessesTable {
  municipality_id: string;
  id: string;
  fiscal_year: number;
  name: string;
  phase: string;
  envelope_cents: number;
  investment_budget_cents: number;
  rules: string;
  copied_from_id: string | null;
  created_at: string;
  created_by: string | null;
}

export interface ProcessPhasesTable {
  municipality_id: string;
  process_id: string;
  phase: string;
  starts_on: string;
  ends_on: string;
}

export interface ProcessPhaseMovesTable {
  municipality_id: string;
  process_id: string;
  seq: number;
  from_phase: string;
  to_phase: string;
  moved_at: string;
  moved_by: string;
  reason: string;
}

export interface ZonesTable {
  municipality_id: string;
  id: string;
  code: string;
  name: string;
  kind: 'sector' | 'neighbourhood_committee' | 'rural_centre';
  population: number | null;
  created_at: string;
}

export interface FilesTable {
  municipality_id: string;
  id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_at: string;
  uploaded_by: string;
}

export interface ThematicAxesTable {
  municipality_id: string;
  id: string;
  code: string;
  name: string;
  description: string;
  created_at: string;
}

export interface PlanObjectivesTable {
  municipality_id: string;
  id: string;
  axis_id: string;
  code: string;
  title: string;
  description: string;
  created_at: string;
}

export interface ProcessZoneEnvelopesTable {
  municipality_id: string;
  process_id: string;
  zone_id: string;
  amount_cents: number;
}

export interface AnnouncementsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  title: string;
  body: string;
  starts_on: string;
  ends_on: string;
  published_at: string | null;
  created_at: string;
  created_by: string;
}

export interface AnnouncementAttachmentsTable {
  municipality_id: string;
  announcement_id: string;
  file_id: string;
}

export interface NotificationsTable {
  municipality_id: string;
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  body: string;
  topic: string;
  related_type: string | null;
  related_id: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  sent_via: string | null;
}

export type RegistrationStatus = 'pending' | 'approved' | 'rejected';
export type RegistrationSource = 'online' | 'in_person' | 'import';

export interface OrganizationsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  name: string;
  type: 'neighbourhood_committee' | 'ngo' | 'union' | 'womens_group' | 'business' | 'other';
  registry_number: string;
  zone_id: string;
  contact_phone: string | null;
  contact_email: string | null;
  status: RegistrationStatus;
  decision_reason: string | null;
  decided_at: string | null;
  decided_by: string | null;
  submitted_by: string | null;
  source: RegistrationSource;
  created_at: string;
  updated_at: string;
}

export interface AgentsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  dni: string;
  full_name: string;
  sex: 'female' | 'male';
  age_band: '18-29' | '30-44' | '45-59' | '60+';
  zone_id: string;
  phone: string | null;
  email: string | null;
  organization_id: string | null;
  status: RegistrationStatus;
  decision_reason: string | null;
  decided_at: string | null;
  decided_by: string | null;
  user_id: string | null;
  submitted_by: string | null;
  source: RegistrationSource;
  created_at: string;
  updated_at: string;
}

export interface BodiesTable {
  municipality_id: string;
  id: string;
  process_id: string;
  kind: 'delegates' | 'directive_committee' | 'oversight_committee';
  seats: number;
  min_women: number;
}

export interface BodyMembersTable {
  municipality_id: string;
  body_id: string;
  agent_id: string;
  elected_at: string;
  elected_by: string;
}

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
