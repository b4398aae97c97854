/**
 * The only reader of process.env. Everything the server can be told from outside is
 * declared, validated and documented here; the rest of the code receives a typed Config.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Repository root: server/src/config.ts and server/dist/config.js both sit two levels down. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const booleanFlag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return fallback;
      const normalized = value.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(normalized)) return true;
      if (['0', 'false', 'no', 'off'].includes(normalized)) return false;
      ctx.addIssue({ code: 'custom', message: `expected true or false, got "${value}"` });
      return z.NEVER;
    });

const port = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return fallback;
      if (!/^\d+$/.test(value.trim())) {
        ctx.addIssue({ code: 'custom', message: `expected a port number, got "${value}"` });
        return z.NEVER;
      }
      const n = Number(value);
      if (n < 0 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: `port must be between 0 and 65535, got ${n}` });
        return z.NEVER;
      }
      return n;
    });

/** A whole number of at least 0, e.g. requests per minute where 0 means "no limit". */
const count = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return fallback;
      if (!/^\d{1,9}$/.test(value.trim())) {
        ctx.addIssue({ code: 'custom', message: `expected a whole number (0 for no limit), got "${value}"` });
        return z.NEVER;
      }
      return Number(value.trim());
    });

const postgresUrl = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === '') return undefined;
    let url: URL;
    try {
      url = new URL(value.trim());
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not a valid URL (expected postgresql://user@host:port/database)' });
      return z.NEVER;
    }
    if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
      ctx.addIssue({ code: 'custom', message: `must start with postgresql:// (got ${url.protocol}//)` });
      return z.NEVER;
    }
    if (url.pathname.replace(/^\//, '') === '') {
      ctx.addIssue({ code: 'custom', message: 'must name a database (postgresql://user@host:port/<database>)' });
      return z.NEVER;
    }
    return value.trim();
  });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl,
  PARLEY_DATA_DIR: z.string().trim().min(1).optional(),
  PARLEY_PG_PORT: port(54329),
  PARLEY_LOAD_SEEDS: booleanFlag(true),
  PARLEY_PUBLIC_READ: booleanFlag(true),
  PARLEY_CORS_ORIGINS: z.string().optional(),
  PARLEY_INTROSPECTION: z.string().optional(),
  PARLEY_PLAYGROUND: z.string().optional(),
  PARLEY_MAX_QUERY_DEPTH: port(12),
  PARLEY_RESPONSE_CACHE: booleanFlag(true),
  PARLEY_PUBLIC_MAX_AGE: port(30),
  PARLEY_RATE_LIMIT: count(600),
  PARLEY_RATE_LIMIT_KEY: count(6000),
  PARLEY_TRUST_PROXY: booleanFlag(false),
  REDIS_URL: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined;
      try {
        const url = new URL(value.trim());
        if (url.protocol === 'redis:' || url.protocol === 'rediss:') return value.trim();
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'expected a URL like redis://127.0.0.1:6379' });
      return z.NEVER;
    }),
  PARLEY_MAX_QUERY_COMPLEXITY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return 50_000;
      if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
        ctx.addIssue({ code: 'custom', message: `expected a positive whole number, got "${value}"` });
        return z.NEVER;
      }
      return Number(value);
    }),
});

function parseOrigins(value: string | undefined): string[] | '*' | ConfigIssue {
  if (value === undefined || value.trim() === '' || value.trim() === '*') return '*';
  const origins: string[] = [];
  for (const raw of value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)) {
    try {
      const url = new URL(raw);
      if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash)
        throw new Error('not an origin');
      origins.push(url.origin);
    } catch {
      return { problem: `PARLEY_CORS_ORIGINS: "${raw}" is not an origin like https://news.example.com` };
    }
  }
  return origins;
}

interface ConfigIssue {
  problem: string;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Set when an external PostgreSQL is to be used; otherwise an embedded one is started. */
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its cluster (and anything else Parley stores locally). */
  dataDir: string;
  embeddedPostgresPort: number;
  loadSeeds: boolean;
  publicRead: boolean;
  /** Origins allowed to call the API from browsers (embed hosts); '*' for any. */
  corsOrigins: string[] | '*';
  introspection: boolean;
  playground: boolean;
  maxQueryDepth: number;
  maxQueryComplexity: number;
  /** Cache answers to anonymous queries (invalidated by any write). */
  responseCache: boolean;
  /** Seconds anonymous answers may be reused (Cache-Control max-age and the response cache). */
  publicMaxAge: number;
  /** Shared response cache and rate-limit counters for several servers; unset keeps them in memory. */
  redisUrl: string | undefined;
  /** Requests per minute per client address without a key, and per API key; 0 = no limit. */
  rateLimit: { anonymousPerMinute: number; keyedPerMinute: number; trustProxy: boolean };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const origins = parseOrigins(e.PARLEY_CORS_ORIGINS);
  if (!Array.isArray(origins) && origins !== '*') problems.push(origins.problem);
  const production = e.NODE_ENV === 'production';
  const flag = (name: string, value: string | undefined, fallback: boolean): boolean => {
    if (value === undefined || value.trim() === '') return fallback;
    const v = value.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    problems.push(`${name}: expected true or false, got "${value}"`);
    return fallback;
  };
  // Production turns introspection and the playground off unless asked for.
  const introspection = flag('PARLEY_INTROSPECTION', e.PARLEY_INTROSPECTION, !production);
  const playground = flag('PARLEY_PLAYGROUND', e.PARLEY_PLAYGROUND, !production);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    corsOrigins: Array.isArray(origins) ? origins : '*',
    introspection,
    playground,
    maxQueryDepth: e.PARLEY_MAX_QUERY_DEPTH,
    maxQueryComplexity: e.PARLEY_MAX_QUERY_COMPLEXITY,
    responseCache: e.PARLEY_RESPONSE_CACHE,
    publicMaxAge: e.PARLEY_PUBLIC_MAX_AGE,
    redisUrl: e.REDIS_URL,
    rateLimit: {
      anonymousPerMinute: e.PARLEY_RATE_LIMIT,
      keyedPerMinute: e.PARLEY_RATE_LIMIT_KEY,
      trustProxy: e.PARLEY_TRUST_PROXY,
    },
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(repoRoot, e.PARLEY_DATA_DIR ?? '.parley'),
    embeddedPostgresPort: e.PARLEY_PG_PORT,
    loadSeeds: e.PARLEY_LOAD_SEEDS,
    publicRead: e.PARLEY_PUBLIC_READ,
  };
}

/** The URL with any password replaced, for logs and error messages. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable database URL>';
  }
}

/**
 * The directory a command was typed in. npm scripts run inside a workspace, but paths
 * the user gives are relative to where they ran `npm run` (npm passes it as INIT_CWD).
 */
export function invocationDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD && env.INIT_CWD.trim() !== '' ? env.INIT_CWD : process.cwd();
}
