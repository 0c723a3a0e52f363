-- Uploaded documents (announcement attachments, training briefing materials), kept in the database so that a
-- backup holds everything and an acknowledged upload is committed with the record that uses it.
CREATE TABLE files (
  municipality_id TEXT NOT NULL REFERENCES municipalities (id),
  id TEXT NOT NULL,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content BLOB NOT NULL,
  uploaded_at TEXT NOT NULL,
  uploaded_by TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (municipality_id, id)
);
