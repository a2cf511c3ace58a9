import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The only reader of process.env. Parses once and fails fast with a clear message. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  sessionSecret: Buffer;
  dataKey: Buffer;
  cookieSecure: boolean;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  seedDemo: boolean;
  /** With the demo seed: the demo team's meeting series, agenda, decisions and feedback (default on). */
  demoMeetings: boolean;
  loginRateLimitPerMinute: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  logLevel: string;
  auditSealIntervalMs: number;
  /** The address users reach the app on; links in e-mails point here (no trailing slash). */
  publicUrl: string;
  /** SMTP server for the e-mail outbox; null (the demo) leaves e-mails pending, unsent. */
  smtpUrl: string | null;
  mailFrom: string;
  mailSendIntervalMs: number;
  /** The family portal's e-ID sign-in through an OpenID Connect broker; null = not offered. */
  oidc: OidcConfig | null;
}

/** The path of the portal's OIDC callback; OIDC_REDIRECT_URI must end with it. */
export const OIDC_CALLBACK_PATH = '/api/v1/portal/oidc/callback';

export interface OidcConfig {
  /** The broker's issuer identifier (discovery at <issuer>/.well-known/openid-configuration). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registered at the broker; ends with OIDC_CALLBACK_PATH. */
  redirectUri: string;
  /** Space-separated, always with openid. */
  scope: string;
  /** The claim (ID token or userinfo) holding the personnummer; `personnummer` is accepted too. */
  personnummerClaim: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} måste vara ett heltal / must be an integer (fick/got "${raw}")`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${name} måste ligga mellan ${min} och ${max} / must be between ${min} and ${max}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} måste vara true eller false / must be true or false`);
}

/**
 * A 32-byte secret from the environment (base64 or hex), or — only outside
 * production — generated once into DATA_DIR so that an embedded start needs no setup.
 */
function secret(env: Env, name: string, file: string, dataDir: string, production: boolean): Buffer {
  const raw = env[name];
  if (raw) {
    const buf = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    if (buf.length !== 32) throw new ConfigError(`${name} måste vara 32 byte (64 hex-tecken eller base64) / must be 32 bytes`);
    return buf;
  }
  if (production) throw new ConfigError(`${name} krävs när NODE_ENV=production / is required when NODE_ENV=production`);
  const path = join(dataDir, file);
  if (existsSync(path)) {
    const buf = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
    if (buf.length !== 32) throw new ConfigError(`${path} är skadad / is corrupt`);
    return buf;
  }
  mkdirSync(dataDir, { recursive: true });
  const buf = randomBytes(32);
  writeFileSync(path, buf.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return buf;
}

function publicUrl(env: Env, port: number): string {
  const raw = env.SAMSYN_PUBLIC_URL;
  if (!raw) return `http://localhost:${port}`;
  if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(raw))
    throw new ConfigError('SAMSYN_PUBLIC_URL måste vara en http(s)-adress, t.ex. https://samsyn.example.se / must be an http(s) URL');
  return raw.replace(/\/+$/, '');
}

function smtpUrl(env: Env): string | null {
  const raw = env.SMTP_URL;
  if (!raw) return null;
  if (!/^smtps?:\/\/[^/\s]+/.test(raw))
    throw new ConfigError('SMTP_URL måste börja med smtp:// eller smtps:// / must start with smtp:// or smtps://');
  return raw;
}

function httpUrl(env: Env, name: string, production: boolean): URL {
  const raw = env[name]!;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.hash || raw.includes('#') || url.username || url.password)
    throw new ConfigError(
      `${name} måste vara en http(s)-adress utan # och inloggningsuppgifter / must be an http(s) URL without fragment or credentials`,
    );
  if (production && url.protocol !== 'https:')
    throw new ConfigError(`${name} måste börja med https:// när NODE_ENV=production / must use https when NODE_ENV=production`);
  return url;
}

const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;

/** All four of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI, or none. */
function oidc(env: Env, production: boolean): OidcConfig | null {
  const missing = OIDC_REQUIRED.filter((name) => !env[name]);
  if (missing.length === OIDC_REQUIRED.length) return null;
  if (missing.length > 0)
    throw new ConfigError(
      `Inloggning med e-legitimation (OIDC) kräver ${OIDC_REQUIRED.join(', ')}; saknas: ${missing.join(', ')} / OIDC sign-in needs all four; missing: ${missing.join(', ')}`,
    );
  const issuer = httpUrl(env, 'OIDC_ISSUER', production);
  if (issuer.search) throw new ConfigError('OIDC_ISSUER får inte ha en frågedel (?) / must not have a query string');
  const redirect = httpUrl(env, 'OIDC_REDIRECT_URI', production);
  if (redirect.search || !redirect.pathname.endsWith(OIDC_CALLBACK_PATH))
    throw new ConfigError(
      `OIDC_REDIRECT_URI måste sluta med ${OIDC_CALLBACK_PATH} och sakna frågedel, t.ex. https://samsyn.example.se${OIDC_CALLBACK_PATH} / must end with ${OIDC_CALLBACK_PATH}`,
    );
  const clientId = env.OIDC_CLIENT_ID!;
  if (/\s/.test(clientId) || clientId.length > 500)
    throw new ConfigError('OIDC_CLIENT_ID får inte innehålla blanksteg / must not contain whitespace');
  const scope = (env.OIDC_SCOPE || 'openid profile').trim().split(/ +/);
  if (!scope.includes('openid') || !scope.every((s) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(s)))
    throw new ConfigError('OIDC_SCOPE måste vara scopes åtskilda med blanksteg, bland dem openid / must be space-separated scopes including openid');
  const claim = env.OIDC_PERSONNUMMER_CLAIM || 'personal_identity_number';
  if (!/^[\x21-\x7e]{1,200}$/.test(claim))
    throw new ConfigError('OIDC_PERSONNUMMER_CLAIM måste vara ett claim-namn utan blanksteg / must be a claim name without whitespace');
  return {
    issuer: env.OIDC_ISSUER!,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    redirectUri: redirect.href,
    scope: scope.join(' '),
    personnummerClaim: claim,
  };
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (nodeEnv !== 'development' && nodeEnv !== 'production' && nodeEnv !== 'test') {
    throw new ConfigError(`NODE_ENV måste vara development, production eller test / must be development, production or test`);
  }
  const production = nodeEnv === 'production';
  const dataDir = resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL måste börja med postgres:// / must start with postgres://');
  }
  if (production && !databaseUrl) {
    throw new ConfigError('DATABASE_URL krävs när NODE_ENV=production / is required when NODE_ENV=production');
  }
  const port = int(env, 'PORT', 3000, 0, 65535);
  return {
    env: nodeEnv,
    port,
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl,
    sessionSecret: secret(env, 'SESSION_SECRET', 'session-secret.key', dataDir, production),
    dataKey: secret(env, 'DATA_ENCRYPTION_KEY', 'data-encryption.key', dataDir, production),
    cookieSecure: bool(env, 'COOKIE_SECURE', true),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 10, 1, 24 * 7),
    seedDemo: bool(env, 'SEED_DEMO', !production),
    demoMeetings: bool(env, 'DEMO_MEETINGS', true),
    loginRateLimitPerMinute: int(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 100000),
    lockoutThreshold: int(env, 'LOCKOUT_THRESHOLD', 5, 1, 100),
    lockoutMinutes: int(env, 'LOCKOUT_MINUTES', 15, 1, 24 * 60),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    auditSealIntervalMs: int(env, 'AUDIT_SEAL_INTERVAL_MS', 200, 50, 60_000),
    publicUrl: publicUrl(env, port),
    smtpUrl: smtpUrl(env),
    mailFrom: env.MAIL_FROM || 'Samsyn <noreply@samsyn.invalid>',
    mailSendIntervalMs: int(env, 'MAIL_SEND_INTERVAL_MS', 15_000, 1000, 3_600_000),
    oidc: oidc(env, production),
  };
}
