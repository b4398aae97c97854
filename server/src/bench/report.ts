/**
 * The results as tables: padded text for the terminal, Markdown for docs/benchmarks.md.
 * Both come from the same rows, so the doc always says what the terminal said.
 */
import type { RowResult, RunResult, SizeResult } from './results.js';
import { SEARCH_TEXT } from './workloads.js';

type Cell = string;
interface Table {
  headers: Cell[];
  rows: Cell[][];
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const ratio = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)}×` : '-');
const bytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);

export function sizeLabel(items: number): string {
  if (items >= 1_000_000 && items % 1_000_000 === 0) return `${items / 1_000_000}M`;
  if (items >= 1_000 && items % 1_000 === 0) return `${items / 1_000}k`;
  return count(items);
}

function throughputCells(row: RowResult): Cell[] {
  const t = row.throughput;
  if (!t.valid) {
    const problems = [
      t.errors && `${t.errors} errors`,
      t.timeouts && `${t.timeouts} timeouts`,
      t.non2xx && `${t.non2xx} non-2xx`,
      t.mismatches && `${t.mismatches} wrong answers`,
      t.requests === 0 && 'no answers',
    ].filter(Boolean);
    return [`invalid: ${problems.join(', ')}`, '-'];
  }
  return [count(t.rps), ms(t.p99)];
}

function rowCells(row: RowResult): Cell[] {
  return [
    row.label,
    `${count(row.results)} · ${bytes(row.responseBytes)}`,
    ms(row.latency.p50),
    ms(row.latency.p95),
    ms(row.latency.p99),
    ...throughputCells(row),
  ];
}

function headers(run: RunResult): Cell[] {
  const { connections, duration } = run.settings;
  return [
    'server / query',
    'answer',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    `req/s (${connections} conn, ${duration} s)`,
    `p99 ms (${connections} conn)`,
  ];
}

function find(size: SizeResult, key: string): RowResult | undefined {
  return size.rows.find((row) => row.key === key);
}

export interface Ratios {
  /** Parley's requests per second over the peer's: below 1 means Parley serves fewer. */
  throughput: number;
  /** Parley's p99 under load over the peer's: above 1 means Parley's tail is longer. */
  p99Loaded: number;
  /** Parley's single-client p50 and p99 over the peer's. */
  p50Single: number;
  p99Single: number;
}

export function ratiosAgainst(size: SizeResult, peerKey: string): Ratios | null {
  const parley = find(size, 'parley-window-post');
  const peer = find(size, peerKey);
  if (!parley || !peer) return null;
  const valid = parley.throughput.valid && peer.throughput.valid;
  return {
    throughput: valid ? parley.throughput.rps / peer.throughput.rps : Number.NaN,
    p99Loaded: valid ? parley.throughput.p99 / peer.throughput.p99 : Number.NaN,
    p50Single: parley.latency.p50 / peer.latency.p50,
    p99Single: parley.latency.p99 / peer.latency.p99,
  };
}

function windowTable(run: RunResult, size: SizeResult): Table {
  return { headers: headers(run), rows: size.rows.filter((row) => row.workload === 'window').map(rowCells) };
}

function parleyOnlyTable(run: RunResult, size: SizeResult): Table {
  const rows = size.rows.filter((row) => row.workload !== 'window').map(rowCells);
  if (size.ingest) {
    const i = size.ingest;
    rows.push([
      `ingestArticle, ${i.articles} generated articles${i.failed ? ` (${i.failed} failed)` : ''}`,
      `${count(i.itemsCreated)} items made`,
      ms(i.latency.p50),
      ms(i.latency.p95),
      ms(i.latency.p99),
      `${i.articlesPerSecond.toFixed(1)} articles/s (1 at a time)`,
      '-',
    ]);
  }
  return { headers: headers(run), rows };
}

function ratioTable(run: RunResult): Table {
  const rows: Cell[][] = [];
  for (const size of run.sizes) {
    for (const [peer, key] of [
      ['PostGraphile', 'postgraphile-window-post'],
      ['bare', 'bare-window-post'],
    ] as const) {
      const r = ratiosAgainst(size, key);
      if (r)
        rows.push([
          sizeLabel(size.items),
          `Parley / ${peer}`,
          ratio(r.throughput),
          ratio(r.p99Loaded),
          ratio(r.p50Single),
          ratio(r.p99Single),
        ]);
    }
  }
  return {
    headers: [
      'items',
      'window query',
      'req/s ratio',
      'p99 ratio (load)',
      'p50 ratio (1 client)',
      'p99 ratio (1 client)',
    ],
    rows,
  };
}

function sizeHeading(size: SizeResult): string {
  const s = size.synth;
  return (
    `${count(size.items)} items: synthesized in ${s.seconds.toFixed(1)} s (${count(s.itemsPerSecond)} items/s; ` +
    `${count(s.counts.sources)} sources, ${count(s.counts.citations)} citations, ${count(s.counts.participants)} participants), ` +
    `then VACUUM (ANALYZE) in ${s.vacuumSeconds.toFixed(1)} s. ` +
    `Window ${size.window.from.slice(0, 10)} .. ${size.window.to.slice(0, 10)}: ${size.window.items} items. ` +
    `Busiest actor: ${size.busyActor.name} (${count(size.busyActor.items)} items). ` +
    `"${SEARCH_TEXT}" matches ${count(size.searchMatches)} items by their text. ` +
    `The machine was ${Math.round(size.idleBefore * 100)}% idle before the measurements.`
  );
}

function padded(table: Table): string {
  const widths = table.headers.map((h, c) => Math.max(h.length, ...table.rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: Cell[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(table.headers), ...table.rows.map(line)].join('\n');
}

function markdown(table: Table): string {
  const escapePipes = (cell: Cell) => cell.replaceAll('|', '\\|');
  const line = (cells: Cell[]) => `| ${cells.map(escapePipes).join(' | ')} |`;
  const rule = `|${table.headers.map((_, c) => (c === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [line(table.headers), rule, ...table.rows.map(line)].join('\n');
}

export function consoleReport(run: RunResult, size: SizeResult): string {
  return [
    '',
    `== ${sizeHeading(size)}`,
    '',
    'Window query (one month, first 200), one client then load:',
    padded(windowTable(run, size)),
    '',
    'Parley only:',
    padded(parleyOnlyTable(run, size)),
    '',
  ].join('\n');
}

export function consoleRatios(run: RunResult): string {
  return ['', 'Ratios, window query over POST (Parley / peer):', padded(ratioTable(run)), ''].join('\n');
}

/** The measured section of docs/benchmarks.md. */
export function markdownReport(run: RunResult, queries: string): string {
  const m = run.machine;
  const parts = [
    `Measured ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC (the run took ${Math.max(1, Math.round(run.minutes))} min), with:`,
    '',
    '```sh',
    run.command,
    '```',
    '',
    `- machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}`,
    `- Node ${m.node}; PostgreSQL ${m.postgres} (${m.database}); ${m.postgresSettings}`,
    `- PostGraphile ${m.postgraphile}, autocannon ${m.autocannon}; Parley at ${m.commit}`,
    `- latency: ${run.settings.warmup} warm-up then ${run.settings.requests} sequential requests, one kept-alive connection; ` +
      `throughput: autocannon, ${run.settings.connections} connections for ${run.settings.duration} s; seed ${run.settings.seed}`,
    '',
    ...(run.failure ? [`**Stopped early** at ${run.failure}`, ''] : []),
    '![Window query latency against timeline size](benchmarks-latency.svg)',
    '',
    '### Ratios',
    '',
    markdown(ratioTable(run)),
    '',
  ];
  for (const size of run.sizes) {
    parts.push(
      `### ${sizeLabel(size.items)} items`,
      '',
      sizeHeading(size),
      '',
      markdown(windowTable(run, size)),
      '',
      markdown(parleyOnlyTable(run, size)),
      '',
    );
  }
  parts.push('### The queries, exactly', '', queries);
  return parts.join('\n');
}
