-- The Preparation phase: the plan, zone envelopes, announcements and notifications, registration of
-- participating agents and organizations, representative bodies with quotas, training.

CREATE TABLE thematic_axes (
  municipality_id TEXT NOT NULL REFERENCES municipalities (id),
  id TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, code)
);

-- Strategic objectives of the Concerted Development Plan (Plan de Desarrollo Concertado), per thematic axis.
CREATE TABLE plan_objectives (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  axis_id TEXT NOT NULL,
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, code),
  FOREIGN KEY (municipality_id, axis_id) REFERENCES thematic_axes (municipality_id, id)
);

CREATE TABLE process_zone_envelopes (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  zone_id TEXT NOT NULL,
  amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
  PRIMARY KEY (municipality_id, process_id, zone_id),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id),
  FOREIGN KEY (municipality_id, zone_id) REFERENCES zones (municipality_id, id)
);

CREATE TABLE announcements (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  published_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);

CREATE TABLE announcement_attachments (
  municipality_id TEXT NOT NULL,
  announcement_id TEXT NOT NULL,
  file_id TEXT NOT NULL,
  PRIMARY KEY (municipality_id, announcement_id, file_id),
  FOREIGN KEY (municipality_id, announcement_id) REFERENCES announcements (municipality_id, id),
  FOREIGN KEY (municipality_id, file_id) REFERENCES files (municipality_id, id)
);

-- The outbox: every message to send, kept after sending. An adapter (log, email, SMS gateway) delivers it.
CREATE TABLE notifications (
  municipality_id TEXT NOT NULL REFERENCES municipalities (id),
  id TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  topic TEXT NOT NULL,
  related_type TEXT,
  related_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  sent_via TEXT,
  PRIMARY KEY (municipality_id, id)
);

CREATE INDEX notifications_pending ON notifications (status, created_at);

CREATE TABLE organizations (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('neighbourhood_committee', 'ngo', 'union', 'womens_group', 'business', 'other')),
  registry_number TEXT NOT NULL,
  zone_id TEXT NOT NULL,
  contact_phone TEXT,
  contact_email TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  decision_reason TEXT,
  decided_at TEXT,
  decided_by TEXT REFERENCES users (id),
  submitted_by TEXT REFERENCES users (id),
  source TEXT NOT NULL CHECK (source IN ('online', 'in_person', 'import')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, process_id, registry_number),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id),
  FOREIGN KEY (municipality_id, zone_id) REFERENCES zones (municipality_id, id)
);

-- A participating agent: a registered individual, or the accredited delegate of an organization (organization_id set).
CREATE TABLE agents (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  dni TEXT NOT NULL,
  full_name TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male')),
  age_band TEXT NOT NULL CHECK (age_band IN ('18-29', '30-44', '45-59', '60+')),
  zone_id TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  organization_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  decision_reason TEXT,
  decided_at TEXT,
  decided_by TEXT REFERENCES users (id),
  user_id TEXT REFERENCES users (id),
  submitted_by TEXT REFERENCES users (id),
  source TEXT NOT NULL CHECK (source IN ('online', 'in_person', 'import')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, process_id, dni),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id),
  FOREIGN KEY (municipality_id, zone_id) REFERENCES zones (municipality_id, id),
  FOREIGN KEY (municipality_id, organization_id) REFERENCES organizations (municipality_id, id)
);

CREATE INDEX agents_process_status ON agents (municipality_id, process_id, status);
CREATE INDEX agents_user ON agents (user_id);

-- Representative bodies of a process, each with its seats and its gender quota.
CREATE TABLE bodies (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('delegates', 'directive_committee', 'oversight_committee')),
  seats INTEGER NOT NULL CHECK (seats > 0),
  min_women INTEGER NOT NULL CHECK (min_women >= 0),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, process_id, kind),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id),
  CHECK (min_women <= seats)
);

CREATE TABLE body_members (
  municipality_id TEXT NOT NULL,
  body_id TEXT NOT NULL,
  agent_id TEXT NOT NULL,
  elected_at TEXT NOT NULL,
  elected_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, body_id, agent_id),
  FOREIGN KEY (municipality_id, body_id) REFERENCES bodies (municipality_id, id),
  FOREIGN KEY (municipality_id, agent_id) REFERENCES agents (municipality_id, id)
);

CREATE TABLE training_sessions (
  municipality_id TEXT NOT NULL,
  id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  place TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  facilitator_id TEXT REFERENCES users (id),
  facilitator_name TEXT NOT NULL,
  zone_id TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id),
  FOREIGN KEY (municipality_id, zone_id) REFERENCES zones (municipality_id, id),
  CHECK (ends_at > starts_at)
);

CREATE TABLE training_materials (
  municipality_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  file_id TEXT NOT NULL,
  PRIMARY KEY (municipality_id, session_id, file_id),
  FOREIGN KEY (municipality_id, session_id) REFERENCES training_sessions (municipality_id, id),
  FOREIGN KEY (municipality_id, file_id) REFERENCES files (municipality_id, id)
);

CREATE TABLE training_attendance (
  municipality_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  agent_id TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('facilitator', 'dni_check_in')),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, session_id, agent_id),
  FOREIGN KEY (municipality_id, session_id) REFERENCES training_sessions (municipality_id, id),
  FOREIGN KEY (municipality_id, agent_id) REFERENCES agents (municipality_id, id)
);
