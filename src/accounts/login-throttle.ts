import { AppError } from '../shared/errors.ts';

/**
 * Failed sign-ins counted per account (the login as typed, normalized), whatever address they come from: once an
 * account has `max` failures in the window, it is refused with TOO_MANY_REQUESTS until the window ends, even with
 * the right password, so rotating addresses does not help a guesser. A success clears the count. Kept in memory: one
 * server process; a restart forgets, which only gives a guesser one more window.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(private readonly max: number, private readonly windowMs = 15 * 60_000, private readonly clock = () => Date.now()) {}

  private key(login: string): string {
    return login.trim().toLowerCase();
  }

  /** Throws when the account is locked for now. */
  check(login: string): void {
    const entry = this.failures.get(this.key(login));
    if (!entry) return;
    const elapsed = this.clock() - entry.since;
    if (elapsed >= this.windowMs) { this.failures.delete(this.key(login)); return; }
    if (entry.count >= this.max) throw new AppError('TOO_MANY_REQUESTS', { seconds: Math.ceil((this.windowMs - elapsed) / 1000) });
  }

  fail(login: string): void {
    const key = this.key(login);
    const entry = this.failures.get(key);
    if (!entry || this.clock() - entry.since >= this.windowMs) this.failures.set(key, { count: 1, since: this.clock() });
    else entry.count += 1;
    if (this.failures.size > 100_000) this.failures.delete(this.failures.keys().next().value!);
  }

  clear(login: string): void {
    this.failures.delete(this.key(login));
  }
}
