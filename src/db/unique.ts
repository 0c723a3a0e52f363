/** Whether a database error is a unique-key violation (PostgreSQL 23505, SQLite's constraint codes): the key decided a race. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Whether the violated key is this one: PostgreSQL names the index (`constraint`), SQLite lists its columns in the
 * message (`UNIQUE constraint failed: agents.municipality_id, agents.process_id, agents.user_id`).
 */
export function violatesKey(err: unknown, key: { index: string; columns: readonly string[] }): boolean {
  if (!isUniqueViolation(err)) return false;
  const e = err as { constraint?: string; message?: string };
  if (e.constraint) return e.constraint === key.index;
  return key.columns.every((c) => (e.message ?? '').includes(c));
}
