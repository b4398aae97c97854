/**
 * `npm run test:load -- [--duration 300] [--items 20000] [--clients 8] [--ingest-every 5]`:
 * steady mixed reads with occasional ingests against Parley as `npm start` runs it, on a
 * scratch database. Every answer is checked (HTTP 200 and no GraphQL error); the run
 * reports latency percentiles per request kind and the server's resident memory over time,
 * and exits 1 if any request failed. Not part of `npm test`: it takes minutes, and nothing
 * in it asserts a timing.
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { parseArgs } from 'node:util';
import { generateArticles } from '../cli/bench-corpus.js';
import { ConfigError, loadConfig } from '../config.js';
import { toGlobalId } from '../graphql/global-id.js';
import { connectDb } from '../lib/db.js';
import { createLogger } from '../lib/logger.js';
import { createApiKey } from '../services/api-keys.js';
import { Cleanup, exitCleanlyOnSignals } from './cleanup.js';
import { synthesize } from './dataset.js';
import { type RequestSpec, send } from './load.js';
import { openBenchDatabase } from './scratch.js';
import { ensureParleyBuilt, startParleyServer } from './servers.js';
import { type LatencySummary, summarize } from './stats.js';

const usage = `usage: npm run test:load -- [options]
  --duration <s>      seconds of load after a 15 s warm-up (default 300)
  --items <n>         synthetic items in the scratch database (default 20000)
  --clients <n>       concurrent readers, each one request at a time (default 8)
  --ingest-every <s>  seconds between ingests through GraphQL (default 5; 0 = none)
  --server-heap <MB>  the server's V8 heap limit (default 256; 0 = Node's own): memory that
                      kept growing would end the server, and the run would fail
DATABASE_URL: a server where scratch databases may be created; unset starts an embedded one.`;

const log = (line: string) => process.stderr.write(`${line}\n`);

function positive(name: string, raw: string, allowZero = false): number {
  if (!/^\d{1,7}$/.test(raw) || (!allowZero && Number(raw) === 0)) {
    log(`--${name}: expected a ${allowZero ? 'whole number' : 'positive whole number'}, got "${raw}"\n${usage}`);
    process.exit(2);
  }
  return Number(raw);
}

function options() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        duration: { type: 'string', default: '300' },
        items: { type: 'string', default: '20000' },
        clients: { type: 'string', default: '8' },
        'ingest-every': { type: 'string', default: '5' },
        'server-heap': { type: 'string', default: '256' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    log(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    log(usage);
    process.exit(0);
  }
  return {
    duration: positive('duration', values.duration as string),
    items: positive('items', values.items as string),
    clients: positive('clients', values.clients as string),
    ingestEvery: positive('ingest-every', values['ingest-every'] as string, true),
    serverHeapMb: positive('server-heap', values['server-heap'] as string, true),
  };
}

/** Why the server is gone, or null while it runs. */
function serverExit(pid: number): string | null {
  try {
    process.kill(pid, 0);
    return null;
  } catch {
    return 'the server process ended during the run';
  }
}

/** The process's resident set in MB, from /proc (Linux); NaN once it is gone. */
function residentMb(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return Number.NaN;
  }
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

interface Outcome {
  ok: boolean;
  problem?: string;
}

/** 200 and no GraphQL errors, or what went wrong. */
function check(status: number, body: string): Outcome {
  if (status !== 200) return { ok: false, problem: `HTTP ${status}: ${body.slice(0, 200)}` };
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ message: string }> };
    if (parsed.errors?.length) return { ok: false, problem: `GraphQL error: ${parsed.errors[0]?.message}` };
  } catch {
    return { ok: false, problem: `not JSON: ${body.slice(0, 200)}` };
  }
  return { ok: true };
}

const random = (n: number) => Math.floor(Math.random() * n);
const pick = <T>(values: readonly T[]): T => values[random(values.length)] as T;

type ReadKind = 'window' | 'search' | 'actor' | 'buckets' | 'item';

function graphqlPost(baseUrl: string, query: string, variables: Record<string, unknown>, key?: string): RequestSpec {
  return {
    method: 'POST',
    url: `${baseUrl}/graphql`,
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  };
}

/** A random read, as the explorer and API clients make them. */
function readRequest(
  baseUrl: string,
  data: { actorIds: string[]; itemIds: string[]; words: string[]; from: number; to: number },
): { kind: ReadKind; spec: RequestSpec } {
  const roll = Math.random();
  if (roll < 0.45) {
    // A month somewhere in the data, as the explorer asks when zoomed in.
    const start = data.from + Math.random() * (data.to - data.from);
    return {
      kind: 'window',
      spec: graphqlPost(
        baseUrl,
        `query($from: DateTime!, $to: DateTime!) { timeline(filter: { from: $from, to: $to }, first: 200) {
          totalCount nodes { id kind title date { start end precision label }
            participants { role actor { id name } } citations { excerpt source { title url } } } } }`,
        { from: new Date(start).toISOString(), to: new Date(start + 31 * 86_400_000).toISOString() },
      ),
    };
  }
  if (roll < 0.65)
    return {
      kind: 'search',
      spec: graphqlPost(
        baseUrl,
        'query($q: String!) { timeline(filter: { text: $q }, first: 50) { totalCount nodes { id title } } }',
        { q: pick(data.words) },
      ),
    };
  if (roll < 0.8)
    return {
      kind: 'actor',
      spec: graphqlPost(
        baseUrl,
        'query($id: ID!) { node(id: $id) { ... on Actor { name items(first: 50) { totalCount nodes { id title } } } } }',
        { id: pick(data.actorIds) },
      ),
    };
  if (roll < 0.9)
    return {
      kind: 'item',
      spec: graphqlPost(
        baseUrl,
        'query($id: ID!) { node(id: $id) { ... on TimelineItem { title citations { excerpt source { title publisher } } } } }',
        { id: pick(data.itemIds) },
      ),
    };
  return {
    kind: 'buckets',
    spec: graphqlPost(baseUrl, '{ timelineBuckets(unit: YEAR) { start count } }', {}),
  };
}

async function main(): Promise<number> {
  const settings = options();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      log(error.message);
      return 78;
    }
    throw error;
  }
  const logger = createLogger('warn', 'load');
  const cleanup = new Cleanup();
  exitCleanlyOnSignals(cleanup, log);
  try {
    await ensureParleyBuilt(log);
    log(`scratch database; synthesizing ${settings.items.toLocaleString('en-US')} items…`);
    const database = await openBenchDatabase(config.databaseUrl, logger);
    cleanup.add('scratch database', () => database.remove());
    const db = connectDb(database.url);
    cleanup.add('pool', () => db.close());
    await synthesize(db, settings.items, 'steady-load', () => undefined);
    const editor = (await createApiKey(db.prisma, { name: 'load test', role: 'EDITOR' })).key;
    const actorIds = (
      await db.pool.query<{ id: string }>(
        'SELECT a.id FROM actor a JOIN participant p ON p.actor_id = a.id GROUP BY a.id ORDER BY count(*) DESC LIMIT 200',
      )
    ).rows.map((r) => toGlobalId('Actor', r.id));
    const itemIds = (
      await db.pool.query<{ id: string; kind: string }>(
        'SELECT id, kind FROM timeline_item ORDER BY random() LIMIT 2000',
      )
    ).rows.map((r) =>
      toGlobalId(r.kind === 'STATEMENT' ? 'Statement' : r.kind === 'MEETING' ? 'Meeting' : 'Event', r.id),
    );
    const span = (
      await db.pool.query<{ from: Date; to: Date }>(
        'SELECT min(date_start) AS "from", max(date_start) AS "to" FROM timeline_item',
      )
    ).rows[0];
    const words = (
      await db.pool.query<{ word: string }>(
        `SELECT DISTINCT lower(w) AS word FROM (SELECT regexp_split_to_table(title, '\\W+') AS w
           FROM timeline_item ORDER BY random() LIMIT 500) t WHERE length(w) > 5 LIMIT 60`,
      )
    ).rows.map((r) => r.word);

    // The server inherits this process's environment; only it gets the heap limit.
    if (settings.serverHeapMb > 0)
      process.env.NODE_OPTIONS =
        `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${settings.serverHeapMb}`.trim();
    const server = await startParleyServer('parley-cached', database.url, log);
    cleanup.add('server', () => server.stop());
    const data = {
      actorIds,
      itemIds,
      words,
      from: (span?.from ?? new Date('1996-01-01')).getTime(),
      to: (span?.to ?? new Date('2025-12-31')).getTime(),
    };

    const agent = new Agent({ keepAlive: true, maxSockets: settings.clients + 1 });
    const latencies = new Map<string, number[]>();
    const problems: string[] = [];
    let failed = 0;
    let measuring = false;
    let running = true;
    const record = (kind: string, ms: number, outcome: Outcome) => {
      if (!outcome.ok) {
        failed += 1;
        if (problems.length < 10) problems.push(`${kind}: ${outcome.problem}`);
      }
      if (!measuring) return;
      const list = latencies.get(kind) ?? [];
      list.push(ms);
      latencies.set(kind, list);
    };
    const reader = async () => {
      while (running) {
        const { kind, spec } = readRequest(server.baseUrl, data);
        try {
          const reply = await send(spec, agent);
          record(kind, reply.ms, check(reply.status, reply.body));
        } catch (error) {
          record(kind, 0, { ok: false, problem: (error as Error).message });
        }
      }
    };
    const articles = generateArticles(
      Math.max(1, Math.ceil(settings.duration / Math.max(1, settings.ingestEvery)) + 10),
    );
    let ingested = 0;
    const ingester = async () => {
      if (settings.ingestEvery === 0) return;
      while (running) {
        await new Promise((resolve) => setTimeout(resolve, settings.ingestEvery * 1000));
        if (!running) break;
        const article = articles[ingested % articles.length];
        const spec = graphqlPost(
          server.baseUrl,
          'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { source { id } } }',
          { input: { ...article, publishedAt: article?.publishedAt?.toISOString() } },
          editor,
        );
        try {
          const reply = await send(spec, agent);
          record('ingest', reply.ms, check(reply.status, reply.body));
        } catch (error) {
          record('ingest', 0, { ok: false, problem: (error as Error).message });
        }
        ingested += 1;
      }
    };

    const rss: Array<{ t: number; mb: number }> = [];
    const coldMb = residentMb(server.pid);
    const workers = [...Array.from({ length: settings.clients }, reader), ingester()];
    log(`warming up for 15 s with ${settings.clients} readers…`);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    measuring = true;
    failed = 0;
    problems.length = 0;
    const started = performance.now();
    const sampler = setInterval(
      () => rss.push({ t: (performance.now() - started) / 1000, mb: residentMb(server.pid) }),
      5000,
    );
    rss.push({ t: 0, mb: residentMb(server.pid) });
    log(`measuring for ${settings.duration} s…`);
    await new Promise((resolve) => setTimeout(resolve, settings.duration * 1000));
    running = false;
    clearInterval(sampler);
    rss.push({ t: (performance.now() - started) / 1000, mb: residentMb(server.pid) });
    await Promise.all(workers);
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();

    const all: number[] = [];
    const rows: Array<[string, LatencySummary]> = [];
    for (const [kind, samples] of [...latencies.entries()].sort()) {
      rows.push([kind, summarize(samples)]);
      if (kind !== 'ingest') all.push(...samples);
    }
    rows.push(['all reads', summarize(all)]);
    const f = (n: number) => n.toFixed(1).padStart(8);
    console.log(
      `\nsteady load: ${settings.items.toLocaleString('en-US')} items, ${settings.clients} readers, ${seconds.toFixed(0)} s, ingest every ${settings.ingestEvery} s`,
    );
    console.log(
      `${'kind'.padEnd(10)} ${'n'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
    );
    for (const [kind, s] of rows)
      console.log(`${kind.padEnd(10)} ${String(s.n).padStart(7)} ${f(s.p50)} ${f(s.p95)} ${f(s.p99)} ${f(s.max)}`);
    console.log(`reads per second: ${(all.length / seconds).toFixed(0)}; ingests: ${ingested}`);
    const first = rss[0]?.mb ?? Number.NaN;
    const last = rss.at(-1)?.mb ?? Number.NaN;
    const peak = Math.max(...rss.map((r) => r.mb));
    console.log(
      `server resident memory (heap limit ${settings.serverHeapMb || 'Node default'} MB): ${coldMb.toFixed(0)} MB before load, ${first.toFixed(0)} MB after warm-up, ${last.toFixed(0)} MB at the end, peak ${peak.toFixed(0)} MB`,
    );
    const exit = serverExit(server.pid);
    if (exit) {
      failed += 1;
      problems.push(exit);
    }
    console.log(`errors: ${failed}`);
    for (const problem of problems) console.log(`  ${problem}`);
    return failed === 0 ? 0 : 1;
  } finally {
    await cleanup.runAll(log);
  }
}

process.exitCode = await main();
