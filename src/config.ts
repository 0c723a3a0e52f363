import path from 'node:path';

/** Runtime settings, all from environment variables (see README "Configuration"). */
export interface Config {
  /** A SQLite file path (default `./data/concerta.sqlite`), `:memory:`, or a `postgres://` URL. */
  databaseUrl: string;
  host: string;
  port: number;
  logLevel: string;
  /** Marks the session cookie `Secure`; set when served over HTTPS. */
  cookieSecure: boolean;
  sessionTtlHours: number;
  /** Folder of the built web app served at `/`, or null to serve the API only. */
  webDist: string | null;
  /** Sign-in attempts allowed per client address per minute. */
  signInPerMinute: number;
  /** Failed sign-ins allowed per account (login) in 15 minutes, whatever the address. */
  signInFailuresPerAccount: number;
  /** Online registrations and their corrections allowed per account per minute (each carries a DNI). */
  dniLookupsPerMinute: number;
  /** Sign-ups allowed per client address per hour. */
  signUpPerHour: number;
  /**
   * Whether to believe X-Forwarded-For: false (the default: the client address is the socket's), true (any proxy),
   * a number of proxy hops, or the proxies' addresses (comma-separated IPs or CIDRs). Set it only behind your own proxy.
   */
  trustProxy: boolean | number | string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  return {
    databaseUrl: env.DATABASE_URL ?? path.resolve('data', 'concerta.sqlite'),
    host: env.HOST ?? '127.0.0.1',
    port,
    logLevel: env.LOG_LEVEL ?? 'info',
    cookieSecure: env.COOKIE_SECURE === '1' || env.COOKIE_SECURE === 'true',
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    webDist: env.WEB_DIST === '' ? null : path.resolve(env.WEB_DIST ?? 'web/dist'),
    signInPerMinute: Number(env.SIGNIN_PER_MINUTE ?? 10),
    signInFailuresPerAccount: Number(env.SIGNIN_FAILURES_PER_ACCOUNT ?? 10),
    signUpPerHour: Number(env.SIGNUP_PER_HOUR ?? 20),
    dniLookupsPerMinute: Number(env.DNI_LOOKUPS_PER_MINUTE ?? 10),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}

function parseTrustProxy(raw: string | undefined): boolean | number | string {
  const v = (raw ?? '').trim();
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}
