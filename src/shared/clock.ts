import { randomUUID } from 'node:crypto';

/** The current time as ISO-8601 UTC text, the form every timestamp is stored in. */
export function now(): string {
  return new Date().toISOString();
}

export function newId(): string {
  return randomUUID();
}
