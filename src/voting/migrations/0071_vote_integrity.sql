-- The integrity of the vote (docs/verify-vote.md).
--
-- The ballot log of a closed vote: every counted ballot (online ones in their final form, paper ones as matched or
-- resolved), anonymous and sorted by content, then the hashes of the online receipts, sorted on their own; each entry
-- hash-chained to the one before. Written once, in the close's transaction; its head is kept with the vote and named
-- in the close's audit entry, which the signed audit checkpoints cover.
CREATE TABLE ballot_log (
  municipality_id TEXT NOT NULL,
  vote_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  ballot TEXT,
  receipt TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (municipality_id, vote_id, seq),
  CHECK ((ballot IS NULL) <> (receipt IS NULL)),
  FOREIGN KEY (municipality_id, vote_id) REFERENCES votes (municipality_id, id)
);

ALTER TABLE votes ADD COLUMN ballot_log_head TEXT;

-- Ties an online ballot to its voter only through the receipt code, which the server does not keep: the hash of the
-- agent and the code. Whoever holds the code and is signed in as that agent may see and change the ballot; the
-- database alone cannot say whose ballot it is.
ALTER TABLE online_ballots ADD COLUMN voter_tag TEXT;

-- One online cast per idempotency key: a retried request finds its first answer here. The key is kept hashed, the
-- request as a MAC under the key and the receipt encrypted under the key, so the row says nothing without the key,
-- which only the client holds. Written in the cast's transaction.
CREATE TABLE vote_idempotency (
  municipality_id TEXT NOT NULL,
  actor_id TEXT NOT NULL REFERENCES users (id),
  key_hash TEXT NOT NULL,
  vote_id TEXT NOT NULL,
  request_mac TEXT NOT NULL,
  receipt_box TEXT NOT NULL,
  cast_at TEXT NOT NULL,
  PRIMARY KEY (municipality_id, actor_id, key_hash),
  FOREIGN KEY (municipality_id, vote_id) REFERENCES votes (municipality_id, id)
);
