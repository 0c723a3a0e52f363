-- The territory inside a municipality: zones (neighbourhood committees, sectors, rural centres).

CREATE TABLE zones (
  municipality_id TEXT NOT NULL REFERENCES municipalities (id),
  id TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sector', 'neighbourhood_committee', 'rural_centre')),
  population INTEGER,
  created_at TEXT NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, code),
  UNIQUE (municipality_id, name)
);
