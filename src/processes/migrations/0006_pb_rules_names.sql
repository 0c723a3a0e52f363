-- Ballot kinds take the names of the voting rules library: the single-choice ballot is `single`.
-- Rules are stored as compact JSON (JSON.stringify), so the key and value appear exactly like this.
UPDATE processes SET rules = replace(rules, '"ballotKind":"single_choice"', '"ballotKind":"single"');
