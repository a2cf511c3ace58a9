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
});
