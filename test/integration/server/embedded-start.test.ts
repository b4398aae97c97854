/**
 * `npm start` with no DATABASE_URL: the built server starts an embedded PostgreSQL in its
 * data directory, migrates it, answers /ready, keeps its data across restarts and leaves
 * no postgres process behind after SIGTERM.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../support/ports.js';
import { isProcessAlive, spawnServer, waitForReady } from '../../support/process.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-start-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return null;
  return Number(readFileSync(file, 'utf8').split('\n')[0]);
}

async function withEmbeddedClient<T>(
  dataDir: string,
  pgPort: number,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const password = readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim();
  const client = new pg.Client({ host: '127.0.0.1', port: pgPort, user: 'postgres', password, database: 'parley' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL start-up', () => {
  it('starts, becomes ready, keeps its data across a restart, and stops cleanly on SIGTERM', async () => {
    const dataDir = join(tempDir(), 'data');
    const [port, pgPort] = [await freePort(), await freePort()];
    const env = {
      PORT: String(port),
      PARLEY_PG_PORT: String(pgPort),
      PARLEY_DATA_DIR: dataDir,
      PARLEY_LOAD_SEEDS: 'false',
    };
    const url = `http://127.0.0.1:${port}`;

    const first = spawnServer(env);
    const firstReadyMs = await waitForReady(url, first);
    expect(firstReadyMs).toBeGreaterThan(0);
    expect(first.output()).toContain('using embedded PostgreSQL');
    expect(first.output()).not.toMatch(/postgresql:\/\/postgres:[^*@]+@/); // no password in logs
    await withEmbeddedClient(dataDir, pgPort, (client) =>
      client.query(
        `INSERT INTO api_key (id, name, prefix, key_hash, role) VALUES (gen_random_uuid(), 'survivor', 'p', repeat('a', 64), 'READER')`,
      ),
    );
    const pid = postmasterPid(dataDir);
    expect(pid).not.toBeNull();

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(isProcessAlive(pid as number)).toBe(false);
    expect(postmasterPid(dataDir)).toBeNull();

    const second = spawnServer(env);
    await waitForReady(url, second);
    expect(second.output()).not.toContain('initialising embedded PostgreSQL cluster');
    const names = await withEmbeddedClient(dataDir, pgPort, (client) =>
      client.query<{ name: string }>('SELECT name FROM api_key'),
    );
    expect(names.rows.map((r) => r.name)).toEqual(['survivor']);
    const secondPid = postmasterPid(dataDir) as number;
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(isProcessAlive(secondPid)).toBe(false);
  });

  it('explains a busy PostgreSQL port and exits non-zero', async () => {
    const pgPort = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(pgPort, '127.0.0.1', resolve));
    try {
      const server = spawnServer({
        PORT: String(await freePort()),
        PARLEY_PG_PORT: String(pgPort),
        PARLEY_DATA_DIR: join(tempDir(), 'data'),
      });
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain(`Port ${pgPort} is already in use`);
      expect(server.output()).toContain('PARLEY_PG_PORT');
    } finally {
      blocker.close();
    }
  });

  it('explains an unusable data directory and exits non-zero', async () => {
    const notADir = join(tempDir(), 'a-file');
    writeFileSync(notADir, 'not a directory');
    const server = spawnServer({
      PORT: String(await freePort()),
      PARLEY_PG_PORT: String(await freePort()),
      PARLEY_DATA_DIR: join(notADir, 'data'),
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('is not usable');
    expect(server.output()).toContain('PARLEY_DATA_DIR');
  });

  it('explains invalid configuration and exits with EX_CONFIG', async () => {
    const server = spawnServer({ PORT: 'not-a-port' });
    expect(await server.exited).toBe(78);
    expect(server.output()).toContain('PORT: expected a port number');
  });
});
