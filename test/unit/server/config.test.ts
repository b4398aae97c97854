import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactDatabaseUrl, repoRoot } from '../../../server/src/config.js';

describe('loadConfig', () => {
  it('defaults to an embedded database, port 4000 and a .parley data dir in the repo', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(4000);
    expect(config.dataDir).toBe(`${repoRoot}/.parley`);
    expect(config.loadSeeds).toBe(true);
    expect(config.publicRead).toBe(true);
  });

  it('reads DATABASE_URL, PORT, PARLEY_DATA_DIR and boolean flags', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/parley',
      PORT: '4100',
      PARLEY_DATA_DIR: '/var/lib/parley',
      PARLEY_LOAD_SEEDS: 'false',
      PARLEY_PUBLIC_READ: '0',
    });
    expect(config.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/parley');
    expect(config.port).toBe(4100);
    expect(config.dataDir).toBe('/var/lib/parley');
    expect(config.loadSeeds).toBe(false);
    expect(config.publicRead).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: expected a port number'],
    [{ PORT: '70000' }, 'PORT: port must be between 0 and 65535'],
    [{ PORT: '-1' }, 'PORT: expected a port number'],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'DATABASE_URL: must start with postgresql://'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL: is not a valid URL'],
    [{ DATABASE_URL: 'postgresql://postgres@localhost:5432' }, 'DATABASE_URL: must name a database'],
    [{ PARLEY_LOAD_SEEDS: 'maybe' }, 'PARLEY_LOAD_SEEDS: expected true or false'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ PARLEY_CORS_ORIGINS: 'javascript:alert(1)' }, 'PARLEY_CORS_ORIGINS: "javascript:alert(1)" is not an origin'],
    [{ PARLEY_CORS_ORIGINS: 'https://a.example/path' }, 'is not an origin'],
    [{ PARLEY_INTROSPECTION: 'sometimes' }, 'PARLEY_INTROSPECTION: expected true or false'],
    [{ PARLEY_MAX_QUERY_COMPLEXITY: '0' }, 'PARLEY_MAX_QUERY_COMPLEXITY: expected a positive whole number'],
    [{ PARLEY_RATE_LIMIT: '-1' }, 'PARLEY_RATE_LIMIT: expected a whole number (0 for no limit)'],
    [{ PARLEY_RATE_LIMIT_KEY: '1e9' }, 'PARLEY_RATE_LIMIT_KEY: expected a whole number'],
    [{ PARLEY_RATE_LIMIT: '99999999999' }, 'PARLEY_RATE_LIMIT: expected a whole number'],
    [{ PARLEY_TRUST_PROXY: 'maybe' }, 'PARLEY_TRUST_PROXY: expected true or false'],
  ])('rejects hostile value %o with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'x', PARLEY_PG_PORT: 'y' });
      expect.unreachable('loadConfig should have thrown');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});

describe('API exposure settings', () => {
  it('opens CORS to any origin by default and parses an allowlist', () => {
    expect(loadConfig({}).corsOrigins).toBe('*');
    expect(loadConfig({ PARLEY_CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).corsOrigins).toEqual([
      'https://a.example',
      'http://localhost:5173',
    ]);
  });
  it('turns introspection and the playground off in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, playground: false });
    expect(loadConfig({ NODE_ENV: 'production', PARLEY_INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(loadConfig({})).toMatchObject({ introspection: true, playground: true });
  });
  it('limits requests per address and per key by default; 0 lifts a limit', () => {
    expect(loadConfig({}).rateLimit).toEqual({ anonymousPerMinute: 600, keyedPerMinute: 6000, trustProxy: false });
    expect(loadConfig({ PARLEY_RATE_LIMIT: '0', PARLEY_TRUST_PROXY: 'yes' }).rateLimit).toMatchObject({
      anonymousPerMinute: 0,
      trustProxy: true,
    });
  });
});

describe('redactDatabaseUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactDatabaseUrl('postgresql://u:s3cret@db:5432/parley')).toBe('postgresql://u:***@db:5432/parley');
    expect(redactDatabaseUrl('postgresql://u@db:5432/parley')).toBe('postgresql://u@db:5432/parley');
  });
});
