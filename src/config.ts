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
  /** The Ed25519 key that signs the audit checkpoints (PKCS8, PEM or base64 DER), or null to use `auditKeyFile`. */
  auditSigningKey: string | null;
  /** Where the signing key is kept when `auditSigningKey` is not set; created on first start, readable by its owner only. */
  auditKeyFile: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
  }
  const databaseUrl = env.DATABASE_URL ?? path.resolve('data', 'concerta.sqlite');
  // The data folder: the SQLite file's, else ./data.
  const dataFolder = databaseUrl === ':memory:' || /^postgres(ql)?:\/\//.test(databaseUrl) ? path.resolve('data') : path.dirname(path.resolve(databaseUrl));
  return {
    databaseUrl,
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
    auditSigningKey: env.AUDIT_SIGNING_KEY || null,
    auditKeyFile: path.resolve(env.AUDIT_KEY_FILE ?? path.join(dataFolder, 'audit-signing-key.pem')),
  };
}

function parseTrustProxy(raw: string | undefined): boolean | number | string {
  const v = (raw ?? '').trim();
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}
