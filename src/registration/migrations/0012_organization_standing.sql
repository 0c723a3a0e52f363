-- How an organization proves its standing: its municipal registry entry, its SUNARP entry, or its minute book; the
-- document (a stored file) is kept for staff, as it may carry members' personal data.
ALTER TABLE organizations ADD COLUMN standing_kind TEXT CHECK (standing_kind IN ('municipal_registry', 'sunarp', 'minute_book'));
ALTER TABLE organizations ADD COLUMN standing_file_id TEXT;
