/** Sessions still to come (or under way) first, the soonest first; then those held, the latest first. */
export function byWhatComesNext<S extends { startsAt: string; endsAt: string }>(sessions: readonly S[], now = new Date().toISOString()): S[] {
  const ahead = sessions.filter((s) => s.endsAt >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const held = sessions.filter((s) => s.endsAt < now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return [...ahead, ...held];
}
