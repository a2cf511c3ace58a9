import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'samsyn-cfg-'));

describe('configuration', () => {
  it('defaults to port 3000 and ./data, and generates secrets into DATA_DIR once', () => {
    const dir = tmp();
    const a = loadConfig({ DATA_DIR: dir });
    expect(a.port).toBe(3000);
    expect(a.databaseUrl).toBeNull();
    expect(existsSync(join(dir, 'session-secret.key'))).toBe(true);
    expect(readFileSync(join(dir, 'data-encryption.key'), 'utf8').trim()).toHaveLength(64);
    const b = loadConfig({ DATA_DIR: dir });
    expect(b.dataKey.equals(a.dataKey)).toBe(true);
    expect(b.sessionSecret.equals(a.sessionSecret)).toBe(true);
    expect(a.dataKey.equals(a.sessionSecret)).toBe(false);
  });

  it('requires secrets and a database in production, with a clear message', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp(), DATABASE_URL: 'postgres://x@y/z' })).toThrow(/SESSION_SECRET krävs/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() })).toThrow(/DATABASE_URL krävs/);
    const ok = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: tmp(),
      DATABASE_URL: 'postgres://x@y/z',
      SESSION_SECRET: 'a'.repeat(64),
      DATA_ENCRYPTION_KEY: 'b'.repeat(64),
    });
    expect(ok.seedDemo).toBe(false);
  });

  it('fails fast on bad values', () => {
    expect(() => loadConfig({ DATA_DIR: tmp(), PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: tmp(), PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATA_DIR: tmp(), SESSION_SECRET: 'short' })).toThrow(/32 byte/);
    expect(() => loadConfig({ DATA_DIR: tmp(), COOKIE_SECURE: 'kanske' })).toThrow(/COOKIE_SECURE/);
  });

  it('OIDC sign-in for the family portal: off by default, all four variables or none, checked addresses', () => {
    const oidc = {
      OIDC_ISSUER: 'https://broker.example.se/oidc',
      OIDC_CLIENT_ID: 'samsyn',
      OIDC_CLIENT_SECRET: 'hemligt',
      OIDC_REDIRECT_URI: 'https://samsyn.example.se/api/v1/portal/oidc/callback',
    };
    expect(loadConfig({ DATA_DIR: tmp() }).oidc).toBeNull();
    expect(loadConfig({ DATA_DIR: tmp(), ...oidc }).oidc).toEqual({
      issuer: 'https://broker.example.se/oidc',
      clientId: 'samsyn',
      clientSecret: 'hemligt',
      redirectUri: 'https://samsyn.example.se/api/v1/portal/oidc/callback',
      scope: 'openid profile',
      personnummerClaim: 'personal_identity_number',
    });
    const custom = loadConfig({
      DATA_DIR: tmp(),
      ...oidc,
      OIDC_SCOPE: 'openid https://id.oidc.se/scope/naturalPersonNumber',
      OIDC_PERSONNUMMER_CLAIM: 'https://id.oidc.se/claim/personalIdentityNumber',
    });
    expect(custom.oidc).toMatchObject({
      scope: 'openid https://id.oidc.se/scope/naturalPersonNumber',
      personnummerClaim: 'https://id.oidc.se/claim/personalIdentityNumber',
    });
    expect(() => loadConfig({ DATA_DIR: tmp(), ...oidc, OIDC_CLIENT_SECRET: '' })).toThrow(/saknas: OIDC_CLIENT_SECRET/);
    expect(() => loadConfig({ DATA_DIR: tmp(), OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(/kräver/);
    expect(() => loadConfig({ DATA_DIR: tmp(), ...oidc, OIDC_ISSUER: 'ftp://broker.example.se' })).toThrow(
      /OIDC_ISSUER måste vara en http\(s\)-adress/,
    );
    expect(() => loadConfig({ DATA_DIR: tmp(), ...oidc, OIDC_REDIRECT_URI: 'https://samsyn.example.se/callback' })).toThrow(
      /OIDC_REDIRECT_URI måste sluta med/,
    );
    expect(() => loadConfig({ DATA_DIR: tmp(), ...oidc, OIDC_SCOPE: 'profile' })).toThrow(/OIDC_SCOPE/);
    expect(() => loadConfig({ DATA_DIR: tmp(), ...oidc, OIDC_PERSONNUMMER_CLAIM: 'person nummer' })).toThrow(/OIDC_PERSONNUMMER_CLAIM/);
    const production = {
      NODE_ENV: 'production',
      DATA_DIR: tmp(),
      DATABASE_URL: 'postgres://x@y/z',
      SESSION_SECRET: 'a'.repeat(64),
      DATA_ENCRYPTION_KEY: 'b'.repeat(64),
    };
    expect(loadConfig({ ...production, ...oidc }).oidc).not.toBeNull();
    expect(() => loadConfig({ ...production, ...oidc, OIDC_ISSUER: 'http://broker.example.se' })).toThrow(/OIDC_ISSUER måste börja med https/);
  });
});
