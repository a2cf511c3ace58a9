import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { parseIdentityNumber } from '@samsyn/domain';
import type { OidcConfig } from '../config.ts';

/**
 * The relying-party side of the family portal's e-ID sign-in (issue 7 §1). Swedish citizens
 * sign in with BankID or Freja through an e-ID broker that speaks OpenID Connect and returns
 * the personnummer as a claim. Authorization-code flow with PKCE (S256), state and nonce
 * (openid-client v6). The per-login secrets travel in a short-lived cookie sealed with
 * AES-256-GCM under a key derived from SESSION_SECRET, so no server state is needed between
 * the redirect to the broker and its callback, and every instance can finish any login.
 */

/** How long a started login may take at the broker. */
export const LOGIN_TTL_MS = 10 * 60_000;
const HKDF_INFO = 'samsyn/portal-oidc/v1';
const SEAL_VERSION = 'v1';
/** Accepted besides the configured claim (some brokers use the Swedish word). */
const FALLBACK_CLAIM = 'personnummer';

/** What a started login must remember until its callback. */
export interface LoginSecrets {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

/** Why a callback was refused; logged (never shown), never containing tokens or the number. */
export class OidcLoginFailure extends Error {
  override name = 'OidcLoginFailure';
  constructor(
    readonly reason: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(reason);
  }
}

export function loginCookieKey(sessionSecret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, Buffer.alloc(0), HKDF_INFO, 32));
}

/** base64url(iv ‖ tag ‖ ciphertext) of the JSON secrets; the version is bound as AAD. */
export function sealLoginSecrets(key: Buffer, secrets: LoginSecrets): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(SEAL_VERSION));
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return `${SEAL_VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The secrets, or null when the value was not sealed by us (tampered, other key, garbage). */
export function openLoginSecrets(key: Buffer, sealed: string): LoginSecrets | null {
  const [version, payload, extra] = sealed.split('.');
  if (version !== SEAL_VERSION || !payload || extra !== undefined || payload.length > 2000) return null;
  const raw = Buffer.from(payload, 'base64url');
  if (raw.length < 12 + 16 + 2) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(SEAL_VERSION));
    decipher.setAuthTag(raw.subarray(12, 28));
    const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const v = JSON.parse(json) as Partial<LoginSecrets>;
    if (
      typeof v.state !== 'string' ||
      typeof v.nonce !== 'string' ||
      typeof v.codeVerifier !== 'string' ||
      typeof v.createdAt !== 'number' ||
      !Number.isFinite(v.createdAt)
    )
      return null;
    return { state: v.state, nonce: v.nonce, codeVerifier: v.codeVerifier, createdAt: v.createdAt };
  } catch {
    return null;
  }
}

export interface PortalIdentity {
  /** Canonical 12 digits (parseIdentityNumber). */
  identityNumber: string;
  displayName: string;
}

export interface PortalOidcOptions {
  /** Allow http to the broker (only outside production: a local test provider). */
  allowInsecure: boolean;
  now?: () => number;
}

/** Client secret in the Authorization header when the broker supports it (the spec's default), else in the body. */
function secretAuth(secret: string): client.ClientAuth {
  const basic = client.ClientSecretBasic(secret);
  const post = client.ClientSecretPost(secret);
  return (as, c, body, headers) => {
    const methods = as.token_endpoint_auth_methods_supported;
    return (!methods || methods.includes('client_secret_basic') ? basic : post)(as, c, body, headers);
  };
}

function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const v = claims[name];
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

export function displayNameFrom(claims: Record<string, unknown>): string {
  const given = stringClaim(claims, 'given_name');
  const family = stringClaim(claims, 'family_name');
  const joined = [given, family].filter(Boolean).join(' ');
  return joined || stringClaim(claims, 'name') || 'Du';
}

export class PortalOidc {
  private configuration: Promise<client.Configuration> | null = null;
  private readonly now: () => number;

  constructor(
    private readonly settings: OidcConfig,
    private readonly options: PortalOidcOptions,
  ) {
    this.now = options.now ?? (() => Date.now());
  }

  /** Discovery once, lazily (a broker that is down must not stop the app); retried after a failure. */
  private async config(): Promise<client.Configuration> {
    if (!this.configuration) {
      const s = this.settings;
      this.configuration = client
        .discovery(
          new URL(s.issuer),
          s.clientId,
          { client_secret: s.clientSecret, redirect_uris: [s.redirectUri], response_types: ['code'] },
          secretAuth(s.clientSecret),
          { execute: this.options.allowInsecure ? [client.allowInsecureRequests] : [], timeout: 10 },
        )
        .catch((err: unknown) => {
          this.configuration = null;
          throw err;
        });
    }
    return this.configuration;
  }

  /** The broker's authorization URL and the secrets the callback will need. */
  async start(): Promise<{ url: URL; secrets: LoginSecrets }> {
    const config = await this.config();
    const secrets: LoginSecrets = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      createdAt: this.now(),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(secrets.codeVerifier),
      code_challenge_method: 'S256',
      state: secrets.state,
      nonce: secrets.nonce,
    });
    return { url, secrets };
  }

  /**
   * Validates the callback (state, PKCE, nonce, the ID token) and reads who signed in.
   * `query` is the callback's raw query string; secrets null = no valid login cookie.
   */
  async finish(query: string, secrets: LoginSecrets | null): Promise<PortalIdentity> {
    if (!secrets) throw new OidcLoginFailure('missing or invalid login cookie');
    const age = this.now() - secrets.createdAt;
    if (age > LOGIN_TTL_MS || age < -60_000) throw new OidcLoginFailure('login expired', { ageSeconds: Math.round(age / 1000) });
    const current = new URL(this.settings.redirectUri);
    current.search = query;
    const error = current.searchParams.get('error');
    if (error) throw new OidcLoginFailure('provider returned an error', { error: error.slice(0, 100) });
    // The library checks it too; checked here first so that the log names the reason.
    if (current.searchParams.get('state') !== secrets.state) throw new OidcLoginFailure('state mismatch');

    const config = await this.config();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: secrets.codeVerifier,
        expectedState: secrets.state,
        expectedNonce: secrets.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw new OidcLoginFailure('authorization response or token exchange refused', describe(err));
    }
    const idClaims = (tokens.claims() ?? {}) as Record<string, unknown>;
    let claims: Record<string, unknown> = idClaims;
    const hasNumber = (c: Record<string, unknown>) => c[this.settings.personnummerClaim] !== undefined || c[FALLBACK_CLAIM] !== undefined;
    const hasName = (c: Record<string, unknown>) => displayNameFrom(c) !== 'Du';
    if ((!hasNumber(idClaims) || !hasName(idClaims)) && config.serverMetadata().userinfo_endpoint && typeof idClaims.sub === 'string') {
      try {
        const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...userinfo, ...idClaims };
      } catch (err) {
        if (!hasNumber(idClaims)) throw new OidcLoginFailure('userinfo refused', describe(err));
      }
    }
    const raw = stringClaim(claims, this.settings.personnummerClaim) ?? stringClaim(claims, FALLBACK_CLAIM);
    if (!raw) throw new OidcLoginFailure('no personnummer claim', { claim: this.settings.personnummerClaim });
    const parsed = parseIdentityNumber(raw);
    if (!parsed) throw new OidcLoginFailure('personnummer claim is not a valid personnummer');
    return { identityNumber: parsed.canonical, displayName: displayNameFrom(claims) };
  }
}

/** What may be logged of a library error: its kind and the OAuth error code, never tokens. */
function describe(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: String(err).slice(0, 200) };
  const e = err as Error & { code?: unknown; error?: unknown; status?: unknown };
  // The library's own cause says which check failed (its message only; its details hold values).
  const cause = e.cause instanceof Error ? e.cause.message.slice(0, 300) : undefined;
  return {
    errorName: e.name,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.error === 'string' ? { oauthError: e.error } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    message: e.message.slice(0, 300),
    ...(cause && cause !== e.message ? { cause } : {}),
  };
}
