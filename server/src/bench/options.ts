/**
 * The command line of `npm run bench`, checked before anything starts: a typo or a hostile
 * value must cost the user a clear message and exit code 2, never a half-made scratch
 * database or a 40-minute run with the wrong parameters.
 */
import { parseArgs } from 'node:util';
import { MAX_SYNTHETIC_ITEMS } from '../services/synthesize-timeline.js';

export interface BenchOptions {
  /** Timeline sizes, in items; each gets its own scratch database. */
  sizes: number[];
  /** Seconds of load per throughput row. */
  duration: number;
  /** Concurrent connections of the throughput rows. */
  connections: number;
  /** Sequential requests per latency row, after `warmup` unmeasured ones. */
  requests: number;
  warmup: number;
  /** Articles ingested per size for the ingestion row; 0 skips it. */
  ingestArticles: number;
  seed: string;
  /** Leave the scratch databases in place and print their URLs. */
  keep: boolean;
  /** Regenerate the measured section of docs/benchmarks.md and the latency chart. */
  writeDocs: boolean;
  help: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const usage = `usage: npm run bench -- [options]

Measures Parley's GraphQL API against PostGraphile 4 and a bare node+pg server on the same
synthetic timeline. Never part of npm test. Uses an embedded PostgreSQL, or throwaway
databases on DATABASE_URL's server when it is set.

  --sizes N,N,...        timeline sizes in items (default 10000,100000,1000000; 1 to ${MAX_SYNTHETIC_ITEMS})
  --duration S           seconds of load per throughput row (default 15, 1 to 600)
  --connections N        concurrent connections for throughput rows (default 16, 1 to 256)
  --requests N           sequential requests per latency row (default 300, 10 to 100000)
  --warmup N             unmeasured requests before each latency row (default 30, 0 to 10000)
  --ingest-articles N    articles for the ingestion row (default 100, 0 skips it, at most 10000)
  --seed S               synthetic data seed (default 1; letters, digits, - and _, at most 40)
  --keep                 keep the scratch databases and print their URLs
  --write-docs           rewrite the measured section of docs/benchmarks.md and docs/benchmarks-latency.svg
  --help                 this text
`;

/** A whole number written in digits (underscores allowed: 1_000_000), within [min, max]. */
function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const trimmed = text.trim().replaceAll('_', '');
  const n = /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${text.slice(0, 40)}".`);
  return n;
}

function parseSizes(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length === 0 || parts.length > 10 || parts.some((part) => part === ''))
    throw new UsageError(`--sizes must be 1 to 10 comma-separated item counts, got "${text.slice(0, 60)}".`);
  const sizes = parts.map((part) => wholeNumber('--sizes', part, 1, MAX_SYNTHETIC_ITEMS));
  if (new Set(sizes).size !== sizes.length) throw new UsageError(`--sizes lists a size twice: "${text.slice(0, 60)}".`);
  // Ascending, so the report and the chart read from small to large.
  return sizes.sort((a, b) => a - b);
}

const flags = {
  sizes: { type: 'string' },
  duration: { type: 'string' },
  connections: { type: 'string' },
  requests: { type: 'string' },
  warmup: { type: 'string' },
  'ingest-articles': { type: 'string' },
  seed: { type: 'string' },
  keep: { type: 'boolean' },
  'write-docs': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readFlags(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: flags, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // parseArgs names the offending flag; keep its words, drop its stack.
    throw new UsageError((error as Error).message);
  }
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  const v = readFlags(argv);
  const seed = v.seed ?? '1';
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(seed))
    throw new UsageError(`--seed must be 1 to 40 letters, digits, - or _, got "${seed.slice(0, 40)}".`);
  return {
    sizes: v.sizes === undefined ? [10_000, 100_000, 1_000_000] : parseSizes(v.sizes),
    duration: v.duration === undefined ? 15 : wholeNumber('--duration', v.duration, 1, 600),
    connections: v.connections === undefined ? 16 : wholeNumber('--connections', v.connections, 1, 256),
    requests: v.requests === undefined ? 300 : wholeNumber('--requests', v.requests, 10, 100_000),
    warmup: v.warmup === undefined ? 30 : wholeNumber('--warmup', v.warmup, 0, 10_000),
    ingestArticles:
      v['ingest-articles'] === undefined ? 100 : wholeNumber('--ingest-articles', v['ingest-articles'], 0, 10_000),
    seed,
    keep: v.keep === true,
    writeDocs: v['write-docs'] === true,
    help: v.help === true,
  };
}
