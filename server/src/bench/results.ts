/** What one run measured; the console report, the docs and the chart are all made from it. */
import type { SynthesizeTimelineResult } from '../services/synthesize-timeline.js';
import type { ThroughputResult } from './load.js';
import type { MachineInfo } from './machine.js';
import type { ServerName } from './servers.js';
import type { LatencySummary } from './stats.js';
import type { WorkloadName } from './workloads.js';

export interface RowResult {
  key: string;
  server: ServerName;
  workload: WorkloadName;
  method: 'GET' | 'POST';
  label: string;
  /** Size of one answer, in bytes, and how many items (or buckets) it holds. */
  responseBytes: number;
  results: number;
  /** A repeat of the request was answered from Parley's response cache. */
  fromCache: boolean;
  latency: LatencySummary;
  throughput: ThroughputResult;
}

export interface IngestResult {
  articles: number;
  failed: number;
  seconds: number;
  articlesPerSecond: number;
  latency: LatencySummary;
  itemsCreated: number;
}

export interface SizeResult {
  items: number;
  synth: { seconds: number; itemsPerSecond: number; counts: SynthesizeTimelineResult; vacuumSeconds: number };
  window: { from: string; to: string; items: number };
  busyActor: { name: string; items: number };
  searchMatches: number;
  /** Share of the machine's CPU time that was idle just before the measurements (1 = quiet). */
  idleBefore: number;
  rows: RowResult[];
  ingest: IngestResult | null;
}

export interface RunResult {
  command: string;
  startedAt: string;
  minutes: number;
  machine: MachineInfo;
  settings: { seed: string; duration: number; connections: number; requests: number; warmup: number };
  sizes: SizeResult[];
  /** Set when a size failed: the sizes before it are reported, the rest were not run. */
  failure?: string;
}
