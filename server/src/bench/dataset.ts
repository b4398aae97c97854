/**
 * One scratch database per size: migrated, filled with a synthetic timeline, given the
 * peers' `bench_api` schema, and asked where the interesting parameters are (a month in
 * the middle, the busiest actor).
 */
import type { DbHandle } from '../lib/db.js';
import { synthesizeTimeline } from '../services/synthesize-timeline.js';
import { benchApiSql } from './peers/sql.js';
import type { SizeResult } from './results.js';
import { SEARCH_TEXT } from './workloads.js';

export async function synthesize(
  db: DbHandle,
  items: number,
  seed: string,
  progress: (line: string) => void,
): Promise<Omit<SizeResult['synth'], 'vacuumSeconds'>> {
  const started = performance.now();
  const counts = await synthesizeTimeline(db.prisma, {
    items,
    seed,
    onProgress: (written) =>
      progress(`synthesizing ${written.toLocaleString('en-US')}/${items.toLocaleString('en-US')}`),
  });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, itemsPerSecond: items / seconds, counts };
}

/**
 * VACUUM and fresh statistics after the bulk load, so that autovacuum does not choose the
 * middle of a measurement to go over a million new rows, and index-only scans can skip the
 * heap (the visibility map is set) as they would on a database that has been up a while.
 */
export async function settle(db: DbHandle): Promise<number> {
  const started = performance.now();
  await db.pool.query('VACUUM (ANALYZE) timeline_item, participant, citation, source, actor, actor_alias');
  return (performance.now() - started) / 1000;
}

export function installBenchApi(db: DbHandle): Promise<unknown> {
  // Several statements and no parameters: one simple-protocol query runs them all.
  return db.pool.query(benchApiSql);
}

export interface DatasetShape {
  /** The calendar month (UTC) around the middle of the dated items. */
  window: { from: string; to: string };
  busyActor: { id: string; name: string; items: number };
  /** Items whose text matches SEARCH_TEXT (Parley also matches participants' names). */
  searchMatches: number;
}

export async function describeDataset(db: DbHandle): Promise<DatasetShape> {
  const range = await db.pool.query<{ lo: Date; hi: Date }>(
    'SELECT min(date_start) AS lo, max(date_start) AS hi FROM timeline_item WHERE date_start IS NOT NULL',
  );
  const { lo, hi } = range.rows[0] ?? {};
  if (!lo || !hi) throw new Error('The synthetic timeline has no dated items; nothing to measure.');
  const middle = new Date((lo.getTime() + hi.getTime()) / 2);
  const from = new Date(Date.UTC(middle.getUTCFullYear(), middle.getUTCMonth(), 1));
  const to = new Date(Date.UTC(middle.getUTCFullYear(), middle.getUTCMonth() + 1, 1));

  const busiest = await db.pool.query<{ id: string; name: string; items: number }>(
    `SELECT a.id::text AS id, a.name, count(DISTINCT p.item_id)::int AS items
     FROM participant p JOIN actor a ON a.id = p.actor_id
     GROUP BY a.id ORDER BY items DESC, a.id LIMIT 1`,
  );
  const busyActor = busiest.rows[0];
  if (!busyActor) throw new Error('The synthetic timeline has no participants; nothing to measure.');

  const matches = await db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM timeline_item WHERE search @@ websearch_to_tsquery('english', $1)`,
    [SEARCH_TEXT],
  );
  return {
    window: { from: from.toISOString(), to: to.toISOString() },
    busyActor,
    searchMatches: matches.rows[0]?.n ?? 0,
  };
}
