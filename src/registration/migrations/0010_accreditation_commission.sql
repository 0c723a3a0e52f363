-- The accreditation commission of a process: the municipality's people who decide the challenges with the
-- administrator and sign the accreditation act. One row per member and process.
CREATE TABLE accreditation_commission_members (
  municipality_id TEXT NOT NULL,
  process_id TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, process_id, user_id),
  FOREIGN KEY (municipality_id, process_id) REFERENCES processes (municipality_id, id)
);
