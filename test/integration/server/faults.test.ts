/**
 * Faults a running Parley must survive:
 * - `kill -9` in the middle of a batch ingest (the `parley ingest` command, and a server
 *   taking one ingestArticle mutation after another): whole articles only, and the same
 *   batch run again completes it, skipping what is stored.
 * - PostgreSQL stopped while serving: /ready 503, GraphQL a coded 503, /health 200, the
 *   process alive; PostgreSQL back: service resumes without a restart, the response cache's
 *   change listener included.
 * - SIGTERM with a request in flight: the request completes, new connections are refused,
 *   the process exits 0.
 *
 * "Partial" means, against prisma/schema.prisma: a source without citations (every article
 * written here yields items), a timeline item without a citation or with a source count
 * that disagrees with its citations, a statement without speaker or quote, a meeting with
 * fewer than two participants, an actor with no alias or in no item, a place with no alias.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { repoRoot } from '../../../server/src/config.js';
import { watchDataVersion } from '../../../server/src/lib/data-version.js';
import { migrationsDir } from '../../../server/src/lib/database.js';
import { connectDb, type DbHandle } from '../../../server/src/lib/db.js';
import { type RunningPostgres, startEmbeddedPostgres } from '../../../server/src/lib/embedded-postgres.js';
import { createLogger, type Logger } from '../../../server/src/lib/logger.js';
import { applyMigrations } from '../../../server/src/lib/migrations.js';
import { createApiKey } from '../../../server/src/services/api-keys.js';
import { contentHash, ingestArticle } from '../../../server/src/services/ingest-article.js';
import { ingestFiles, listArticleFiles } from '../../../server/src/services/ingest-files.js';
import { synthesizeTimeline } from '../../../server/src/services/synthesize-timeline.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql } from '../../support/parley.js';
import { freePort } from '../../support/ports.js';
import { type ServerProcess, spawnServer, waitForReady } from '../../support/process.js';

/** Articles per batch: enough that a kill lands well inside the batch. */
const BATCH = 60;
/** Stored articles to wait for before the kill. */
const KILL_AFTER = 3;
/** These tests start processes and clusters on a busy two-core machine: room to breathe. */
const SLOW = 240_000;

// ---------------------------------------------------------------------------------------
// Clean-up that runs even when a test fails half-way: clusters, databases and directories
// after the file, child processes after their test.

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // An embedded cluster may run as the postgres user (tests as root): let it in.
  chmodSync(dir, 0o755);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A child still running when its test ends (failed half-way) is killed then. */
function killWhenTestEnds(child: ChildProcess): void {
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
}

async function testDatabase(): Promise<TestDatabase & { db: DbHandle }> {
  const database = await createTestDatabase();
  const db = connectDb(database.url, { maxConnections: 2 });
  cleanups.push(() => database.drop());
  cleanups.push(() => db.close());
  return { ...database, db };
}

function server(env: Record<string, string>): ServerProcess {
  const started = spawnServer({ PARLEY_LOAD_SEEDS: 'false', PARLEY_RATE_LIMIT: '0', LOG_LEVEL: 'warn', ...env });
  killWhenTestEnds(started.child);
  return started;
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

// ---------------------------------------------------------------------------------------
// Articles and the checks on what a batch left behind.

const FIRST = ['Anna', 'Boris', 'Clara', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Katya', 'Lars'];
const LAST = ['Varga', 'Holm', 'Okafor', 'Brandt', 'Sato', 'Moreau', 'Lindqvist', 'Petrov', 'Costa', 'Novak', 'Reyes'];
const TITLES = ['Foreign Minister', 'Defense Minister', 'Prime Minister', 'Trade Minister'];
const CITIES = ['Geneva', 'Vienna', 'Brussels', 'Helsinki', 'Oslo', 'Lisbon', 'Warsaw', 'Prague'];
const TOPICS = ['the ceasefire', 'grain exports', 'the border crossings', 'energy prices', 'fishing rights'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'];

/** A dated wire report with a meeting and two statements, different for every i. */
function article(i: number): string {
  const a = `${FIRST[i % FIRST.length]} ${LAST[(i * 5) % LAST.length]}`;
  const b = `${FIRST[(i + 7) % FIRST.length]} ${LAST[(i * 7 + 3) % LAST.length]}`;
  const city = CITIES[i % CITIES.length] as string;
  const topic = TOPICS[i % TOPICS.length];
  return [
    `Talks in ${city} on ${topic}, round ${i + 1}`,
    '',
    `${city.toUpperCase()}, ${MONTHS[i % MONTHS.length]} ${(i % 27) + 1}, ${1990 + (i % 30)} - ${TITLES[i % 4]} ${a} met ${TITLES[(i + 1) % 4]} ${b} in ${city} on Monday to discuss ${topic}.`,
    '',
    `“We made real progress on ${topic} today, and round ${i + 1} will not be the last,” ${a} told reporters after the meeting.`,
    '',
    `“Nothing is agreed until everything is agreed on ${topic},” ${b} said in a statement on Tuesday.`,
    '',
    `${a} said the two delegations would meet again in ${CITIES[(i + 3) % CITIES.length]} next month.`,
  ].join('\n');
}

function writeBatch(): { dir: string; texts: string[] } {
  const dir = tempDir('parley-batch-');
  const texts = Array.from({ length: BATCH }, (_, i) => article(i));
  texts.forEach((text, i) => {
    writeFileSync(join(dir, `article-${String(i).padStart(3, '0')}.txt`), text);
  });
  return { dir, texts };
}

async function count(db: DbHandle, sql: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(`SELECT (${sql})::int AS n`);
  return rows[0]?.n ?? Number.NaN;
}

const sourceCount = (db: DbHandle) => count(db, 'SELECT count(*) FROM source');

/** Rows that only a half-written article could leave, by kind; all zero when whole. */
async function partialRows(db: DbHandle): Promise<Record<string, number>> {
  const checks: Record<string, string> = {
    sourcesWithoutCitations: `SELECT count(*) FROM source s
      WHERE NOT EXISTS (SELECT 1 FROM citation c WHERE c.source_id = s.id)`,
    itemsWithoutCitations: `SELECT count(*) FROM timeline_item i
      WHERE NOT EXISTS (SELECT 1 FROM citation c WHERE c.item_id = i.id)`,
    itemsWithWrongSourceCount: `SELECT count(*) FROM timeline_item i
      WHERE i.source_count <> (SELECT count(DISTINCT c.source_id) FROM citation c WHERE c.item_id = i.id)`,
    statementsWithoutSpeakerOrQuote: `SELECT count(*) FROM timeline_item
      WHERE kind = 'STATEMENT' AND (speaker_id IS NULL OR quote IS NULL)`,
    meetingsWithoutTwoParticipants: `SELECT count(*) FROM timeline_item i
      WHERE kind = 'MEETING' AND (SELECT count(*) FROM participant p WHERE p.item_id = i.id) < 2`,
    actorsWithoutAliases: `SELECT count(*) FROM actor a
      WHERE NOT EXISTS (SELECT 1 FROM actor_alias x WHERE x.actor_id = a.id)`,
    actorsInNoItem: `SELECT count(*) FROM actor a
      WHERE NOT EXISTS (SELECT 1 FROM participant p WHERE p.actor_id = a.id)
        AND NOT EXISTS (SELECT 1 FROM timeline_item i WHERE i.speaker_id = a.id)`,
    placesWithoutAliases: `SELECT count(*) FROM place p
      WHERE NOT EXISTS (SELECT 1 FROM place_alias x WHERE x.place_id = p.id)`,
  };
  const found: Record<string, number> = {};
  for (const [name, sql] of Object.entries(checks)) found[name] = await count(db, sql);
  return found;
}

const whole = {
  sourcesWithoutCitations: 0,
  itemsWithoutCitations: 0,
  itemsWithWrongSourceCount: 0,
  statementsWithoutSpeakerOrQuote: 0,
  meetingsWithoutTwoParticipants: 0,
  actorsWithoutAliases: 0,
  actorsInNoItem: 0,
  placesWithoutAliases: 0,
};

async function totals(db: DbHandle) {
  const tables = ['source', 'timeline_item', 'citation', 'participant', 'actor', 'actor_alias', 'place'];
  const found: Record<string, number> = {};
  for (const table of tables) found[table] = await count(db, `SELECT count(*) FROM ${table}`);
  return found;
}

/** A backend other than ours that is inside a transaction: an article being written. */
const ingestInProgress = (db: DbHandle) =>
  count(
    db,
    `SELECT count(*) FROM pg_stat_activity
     WHERE datname = current_database() AND backend_type = 'client backend'
       AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`,
  );

/**
 * Waits until some articles are stored and another is being written, then SIGKILLs the
 * writer: the kill lands inside an article's transaction.
 */
async function killMidBatch(db: DbHandle, child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  await until(
    'the batch to store some articles and be writing another',
    async () => {
      if (child.exitCode !== null)
        throw new Error(`the batch ended (exit ${child.exitCode}) before it could be killed`);
      const stored = await sourceCount(db);
      if (stored >= BATCH) throw new Error('the whole batch was stored before it could be killed');
      return stored >= KILL_AFTER && (await ingestInProgress(db)) > 0 ? true : undefined;
    },
    90_000,
  );
  child.kill('SIGKILL');
  await exited;
  // PostgreSQL rolls back the killed transaction when it notices the closed socket.
  await until('the killed transaction to be rolled back', async () =>
    (await ingestInProgress(db)) === 0 ? true : undefined,
  );
}

/** What one clean, uninterrupted run of the batch stores: the state a resumed run must reach. */
let reference: Promise<Record<string, number>> | undefined;
function referenceTotals(dir: string): Promise<Record<string, number>> {
  reference ??= (async () => {
    const { db } = await testDatabase();
    const results = await ingestFiles(db.prisma, { files: listArticleFiles([dir]).files });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await partialRows(db)).toEqual(whole);
    return totals(db);
  })();
  return reference;
}

// ---------------------------------------------------------------------------------------

describe('kill -9 in the middle of a batch ingest', () => {
  const { dir, texts } = writeBatch();

  it(
    'parley ingest: whole articles only, and the same command again completes the batch',
    async () => {
      const { url, db } = await testDatabase();
      const bin = join(repoRoot, 'server', 'bin', 'parley.js');
      const run = () => {
        const child = spawn(process.execPath, [bin, 'ingest', dir, '--json'], {
          env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: url },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        killWhenTestEnds(child);
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
        });
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
          child.on('exit', (code) => resolve({ code, stdout, stderr })),
        );
        return { child, exited };
      };

      const first = run();
      await killMidBatch(db, first.child, first.exited);
      const stored = await sourceCount(db);
      expect(stored).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(stored).toBeLessThan(BATCH);
      expect(await partialRows(db)).toEqual(whole);

      const second = run();
      const { code, stdout, stderr } = await second.exited;
      expect(code, stderr).toBe(0);
      const report = JSON.parse(stdout) as {
        results: Array<{ ok: boolean; alreadyIngested?: boolean }>;
        ingested: number;
        alreadyStored: number;
        failed: number;
      };
      expect(report).toMatchObject({ ingested: BATCH, alreadyStored: stored, failed: 0 });
      expect(report.results.filter((r) => r.alreadyIngested)).toHaveLength(stored);
      expect(await sourceCount(db)).toBe(BATCH);
      expect(await partialRows(db)).toEqual(whole);
      // As if the batch had never been interrupted.
      expect(await totals(db)).toEqual(await referenceTotals(dir));
    },
    SLOW,
  );

  it(
    'a server taking a batch of ingestArticle mutations: whole articles only, and the batch again completes it',
    async () => {
      const { url: databaseUrl, db } = await testDatabase();
      const { key } = await createApiKey(db.prisma, { name: 'batch', role: 'editor' });
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const env = { DATABASE_URL: databaseUrl, PORT: String(port) };
      const mutation =
        'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { source { id } created { id } corroborated { id } } }';
      type Ingested = { ingestArticle: { source: { id: string }; created: unknown[]; corroborated: unknown[] } };
      /** Sends the batch one article at a time, as a client script would; stops at the first failure. */
      const sendBatch = async () => {
        const results: Ingested['ingestArticle'][] = [];
        for (const text of texts) {
          const { status, body } = await graphql<Ingested>(
            baseUrl,
            mutation,
            { input: { text, format: 'TEXT' } },
            { authorization: `Bearer ${key}` },
          );
          if (status !== 200 || !body.data)
            throw new Error(`ingest answered ${status}: ${JSON.stringify(body.errors)}`);
          results.push(body.data.ingestArticle);
        }
        return results;
      };

      const first = server(env);
      await waitForReady(baseUrl, first);
      const interrupted = sendBatch();
      interrupted.catch(() => undefined); // the kill makes it fail; awaited below
      await killMidBatch(db, first.child, first.exited);
      await expect(interrupted).rejects.toThrow();
      const storedIds = (await db.prisma.source.findMany({ select: { id: true } })).map((s) => s.id);
      expect(storedIds.length).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(storedIds.length).toBeLessThan(BATCH);
      expect(await partialRows(db)).toEqual(whole);

      const second = server(env);
      await waitForReady(baseUrl, second);
      const results = await sendBatch();
      // The articles stored before the kill (the batch's first ones, sent in order) come back
      // as they are: the same source, nothing created or corroborated.
      const storedSources = await db.prisma.source.findMany({
        where: { id: { in: storedIds } },
        select: { contentHash: true },
      });
      expect(new Set(storedSources.map((s) => s.contentHash))).toEqual(
        new Set(texts.slice(0, storedIds.length).map(contentHash)),
      );
      for (const r of results.slice(0, storedIds.length)) expect([r.created, r.corroborated]).toEqual([[], []]);
      for (const r of results.slice(storedIds.length)) expect(r.created.length).toBeGreaterThan(0);
      expect(await sourceCount(db)).toBe(BATCH);
      expect(await partialRows(db)).toEqual(whole);
      expect(await totals(db)).toEqual(await referenceTotals(dir));
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    },
    SLOW,
  );
});

// ---------------------------------------------------------------------------------------

describe('PostgreSQL stopped while serving', () => {
  const logger = createLogger('silent');
  const dataDir = tempDir('parley-faults-pg-');
  let pgPort: number;
  let cluster: RunningPostgres | undefined;
  let databaseUrl: string;
  let password: string;

  async function startPostgres(): Promise<void> {
    cluster = await startEmbeddedPostgres({ dataDir, port: pgPort, logger });
  }
  async function stopPostgres(): Promise<void> {
    const running = cluster;
    cluster = undefined;
    await running?.stop();
  }
  /** A fresh connection to the cluster, for setting up and inspecting. */
  async function withDb<T>(fn: (db: DbHandle) => Promise<T>): Promise<T> {
    const db = connectDb(databaseUrl, { maxConnections: 1 });
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }
  const listeners = () =>
    withDb((db) => count(db, `SELECT count(*) FROM pg_stat_activity WHERE application_name = 'parley-data-version'`));

  beforeAll(async () => {
    pgPort = await freePort();
    await startPostgres();
    cleanups.push(() => stopPostgres());
    await cluster?.createDatabase('parley');
    databaseUrl = cluster?.urlFor('parley') as string;
    password = decodeURIComponent(new URL(databaseUrl).password);
    await applyMigrations(databaseUrl, migrationsDir);
  });

  it(
    'answers 503 with a coded error while it is away, and resumes without a restart when it is back',
    async () => {
      const key = await withDb(async (db) => (await createApiKey(db.prisma, { name: 'faults', role: 'editor' })).key);
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const parley = server({ DATABASE_URL: databaseUrl, PORT: String(port) });
      await waitForReady(baseUrl, parley);
      const anonymousGet = async (query: string) => {
        const response = await fetch(`${baseUrl}/graphql?query=${encodeURIComponent(query)}`, {
          headers: { 'apollo-require-preflight': 'true' },
        });
        const body = (await response.json()) as { data?: { timeline: { totalCount: number } }; errors?: unknown[] };
        return { status: response.status, age: response.headers.get('age'), body };
      };
      const TOTAL = '{ timeline(first: 0) { totalCount } }';
      const ingest = (text: string) =>
        graphql<{ ingestArticle: { created: unknown[] } }>(
          baseUrl,
          'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { created { id } } }',
          { input: { text, format: 'TEXT' } },
          { authorization: `Bearer ${key}` },
        );
      expect((await ingest(article(100))).body.data?.ingestArticle.created.length).toBeGreaterThan(0);
      const before = (await anonymousGet(TOTAL)).body.data?.timeline.totalCount as number;
      expect(before).toBeGreaterThan(0);

      await stopPostgres();

      const ready = await until('/ready to answer 503', async () => {
        const response = await fetch(`${baseUrl}/ready`);
        return response.status === 503 ? ((await response.json()) as { database: string }) : undefined;
      });
      expect(ready).toMatchObject({ ready: false, database: 'unreachable' });
      expect((await fetch(`${baseUrl}/health`)).status).toBe(200);

      // A query never asked before, so no cached answer can stand in for the database.
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ timeline(first: 3) { totalCount nodes { id title } } }' }),
      });
      const text = await response.text();
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      const { errors } = JSON.parse(text) as {
        errors: Array<{ message: string; extensions: Record<string, unknown> }>;
      };
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
        expect(error.message).toMatch(/database is unavailable/i);
      }
      // Nothing about where the database is or how to log in to it.
      for (const secret of [password, 'postgresql://', String(pgPort), 'stacktrace', 'Prisma'])
        expect(text).not.toContain(secret);
      expect(parley.output()).not.toContain(password);
      // A keyed write says the same, not "unknown key" (which would tell a client to drop a
      // good key), and so does an export.
      const keyedWrite = await ingest(article(102));
      expect(keyedWrite.status).toBe(503);
      expect(keyedWrite.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      const exported = await fetch(`${baseUrl}/export?format=json`);
      expect(exported.status).toBe(503);
      expect(exported.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(parley.child.exitCode).toBeNull();

      await startPostgres();

      await until('/ready to answer 200 again', async () =>
        (await fetch(`${baseUrl}/ready`)).status === 200 ? true : undefined,
      );
      const resumed = await anonymousGet(TOTAL);
      expect(resumed.status).toBe(200);
      expect(resumed.body.data?.timeline.totalCount).toBe(before);
      // The response cache's change listener is back: answers are cached again...
      await until('cached answers again', async () => ((await anonymousGet(TOTAL)).age !== null ? true : undefined));
      // ...and a write by another process (the CLI, another server) still retires them.
      const written = await withDb((db) => ingestArticle(db.prisma, { input: { text: article(101), format: 'TEXT' } }));
      expect(written.created.length).toBeGreaterThan(0);
      // A keyed request is never answered from the cache: it says what is stored.
      const keyed = await graphql<{ timeline: { totalCount: number } }>(baseUrl, TOTAL, undefined, {
        authorization: `Bearer ${key}`,
      });
      const after = keyed.body.data?.timeline.totalCount as number;
      expect(after).toBeGreaterThan(before);
      await until('the write to be seen by anonymous readers', async () =>
        (await anonymousGet(TOTAL)).body.data?.timeline.totalCount === after ? true : undefined,
      );
      expect(await listeners()).toBe(1);
      expect(parley.child.exitCode).toBeNull();

      parley.child.kill('SIGTERM');
      expect(await parley.exited).toBe(0);
    },
    SLOW,
  );

  it(
    'reconnects the data-version listener once, with no extra connections, and closes it for good',
    async () => {
      if (!cluster) await startPostgres(); // left stopped by a test that failed half-way
      let failures = 0;
      // The listener logs each failed reconnect; count them (and print nothing).
      const quiet = () => undefined;
      const counting = {
        warn: (_details: unknown, message?: string) => {
          if (message?.includes('could not reconnect')) failures += 1;
        },
        info: quiet,
        debug: quiet,
        error: quiet,
      } as unknown as Logger;
      const watcher = await watchDataVersion(databaseUrl, counting);
      cleanups.push(() => watcher.close());
      expect(watcher.current()).not.toBeNull();

      await stopPostgres();
      await until('the listener to notice', async () => (watcher.current() === null ? true : undefined));
      // Several failed attempts: a loop that forked on each would now be several loops.
      await until('three failed reconnects', async () => (failures >= 3 ? true : undefined));
      await startPostgres();
      await until('the listener to reconnect', async () => (watcher.current() !== null ? true : undefined));

      // Forked loops would keep connecting for up to their longest retry delay (5 s): watch
      // that long for a second listener.
      const watchUntil = Date.now() + 6_000;
      while (Date.now() < watchUntil) {
        expect(await listeners()).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }

      await watcher.close();
      expect(watcher.current()).toBeNull();
      await until('no listener left', async () => ((await listeners()) === 0 ? true : undefined));
    },
    SLOW,
  );
});

// ---------------------------------------------------------------------------------------

describe('SIGTERM', () => {
  const ITEMS = 20_000;

  /** Starts GET /export without reading its body: the server stays mid-response until we do. */
  function startExport(url: string): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const request = httpGet(`${url}/export?format=json&undated=1`, { headers: { 'accept-encoding': 'identity' } });
      request.on('response', (response) => {
        response.pause();
        resolve(response);
      });
      request.on('error', reject);
    });
  }

  function readAll(response: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      response.on('error', reject);
      response.on('aborted', () => reject(new Error('response aborted')));
      response.resume();
    });
  }

  /** True when a new TCP connection to the port is refused. */
  function refused(port: number): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
  }

  it(
    'lets an in-flight export finish, refuses new connections, and exits 0',
    async () => {
      const { url: databaseUrl, db } = await testDatabase();
      await synthesizeTimeline(db.prisma, { items: ITEMS, seed: 'faults' });
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const parley = server({ DATABASE_URL: databaseUrl, PORT: String(port) });
      await waitForReady(baseUrl, parley);

      const response = await startExport(baseUrl);
      expect(response.statusCode).toBe(200);
      parley.child.kill('SIGTERM');
      await until('new connections to be refused', async () => ((await refused(port)) ? true : undefined));
      // Still serving the export we have not read yet.
      expect(parley.child.exitCode).toBeNull();

      const raw = await readAll(response).catch((error: Error) => {
        throw new Error(`${error.message}\n${parley.output()}`);
      });
      const body = JSON.parse(raw) as { items: unknown[] };
      expect(body.items).toHaveLength(ITEMS);
      expect(await parley.exited).toBe(0);
    },
    SLOW,
  );
});
