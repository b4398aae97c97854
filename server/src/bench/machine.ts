/** What the numbers were measured on, recorded beside them: they mean little without it. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, release, totalmem, type } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { repoRoot } from '../config.js';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  /** The settings that matter most for these queries. */
  postgresSettings: string;
  database: string;
  postgraphile: string;
  autocannon: string;
  /** The commit measured, and whether the working tree had changes on top of it. */
  commit: string;
}

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  const file = require.resolve(`${name}/package.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Read-only git queries; "unknown" outside a checkout. */
function commit(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short=10', 'HEAD');
    // The bench's own files do not change what is measured.
    const changes = git(
      'status',
      '--porcelain',
      '--untracked-files=no',
      '--',
      'server',
      'prisma',
      ':(exclude)server/src/bench',
    );
    return changes.length > 0 ? `${head} + uncommitted changes in server/ or prisma/` : head;
  } catch {
    return 'unknown';
  }
}

export async function describeMachine(databaseUrl: string, database: string): Promise<MachineInfo> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let postgres: string;
  let postgresSettings: string;
  try {
    postgres =
      (await client.query<{ version: string }>(`SELECT current_setting('server_version') AS version`)).rows[0]
        ?.version ?? 'unknown';
    const settings = await client.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings
       WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_connections', 'jit', 'fsync')
       ORDER BY name`,
    );
    postgresSettings = settings.rows
      .map((row) => {
        // 8kB pages are easier to read as megabytes.
        if (row.unit === '8kB') return `${row.name} ${Math.round((Number(row.setting) * 8) / 1024)} MB`;
        if (row.unit === 'kB') return `${row.name} ${Math.round(Number(row.setting) / 1024)} MB`;
        return `${row.name} ${row.setting}`;
      })
      .join(', ');
  } finally {
    await client.end();
  }
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    postgres,
    postgresSettings,
    database,
    postgraphile: packageVersion('postgraphile'),
    autocannon: packageVersion('autocannon'),
    commit: commit(),
  };
}

/**
 * The share of CPU time the whole machine spent idle over `ms`. Measurements assume a quiet
 * machine; a test suite or a build running beside them shows up here first.
 */
export async function idleShare(ms = 2_000): Promise<number> {
  const sample = () =>
    cpus().reduce(
      (acc, cpu) => {
        const total = Object.values(cpu.times).reduce((a, b) => a + b, 0);
        return { idle: acc.idle + cpu.times.idle, total: acc.total + total };
      },
      { idle: 0, total: 0 },
    );
  const before = sample();
  await sleep(ms);
  const after = sample();
  return (after.idle - before.idle) / Math.max(1, after.total - before.total);
}
