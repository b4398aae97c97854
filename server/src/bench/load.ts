/**
 * The two ways a workload is measured. Latency: one client, one request at a time over a
 * kept-alive connection, so each sample is the server's own time to answer plus loopback.
 * Throughput: autocannon with many connections for a fixed time, which shows how the
 * server holds up when requests queue. Every response is checked in both: a fast wrong
 * answer must never count.
 */
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { type LatencySummary, summarize } from './stats.js';

export interface RequestSpec {
  method: 'GET' | 'POST';
  /** Full URL; for GET it carries the query string. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Reply {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

/** One request; `ms` runs from sending to the last byte of the response (decoding excluded). */
export function send(spec: RequestSpec, agent: Agent): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(spec.url, { method: spec.method, headers: spec.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const ms = performance.now() - started;
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          ms,
        });
      });
      res.on('error', reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`no answer from ${spec.url} within 60 s`)));
    req.on('error', reject);
    req.end(spec.body);
  });
}

/** A single request on a fresh connection, for checks outside the measurements. */
export async function sendOnce(spec: RequestSpec): Promise<Reply> {
  const agent = new Agent({ keepAlive: false });
  try {
    return await send(spec, agent);
  } finally {
    agent.destroy();
  }
}

export interface LatencyOptions {
  warmup: number;
  requests: number;
  /** Throws (with the reason) when a reply is not the expected answer. */
  check: (reply: Reply) => void;
}

export async function measureLatency(spec: RequestSpec, options: LatencyOptions): Promise<LatencySummary> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  try {
    for (let i = 0; i < options.warmup + options.requests; i++) {
      const reply = await send(spec, agent);
      options.check(reply);
      if (i >= options.warmup) samples.push(reply.ms);
    }
  } finally {
    agent.destroy();
  }
  return summarize(samples);
}

export interface ThroughputResult {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** 2xx answers that were not the expected body (a GraphQL error, a truncated page). */
  mismatches: number;
  /** False when anything failed: such a row's numbers mean nothing. */
  valid: boolean;
}

export interface ThroughputOptions {
  connections: number;
  duration: number;
  verifyBody: (body: string) => boolean;
  /** Gives the caller a way to stop the run (Ctrl-C). */
  onStart?: (stop: () => void) => void;
}

export function measureThroughput(spec: RequestSpec, options: ThroughputOptions): Promise<ThroughputResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        method: spec.method,
        headers: spec.headers,
        body: spec.body,
        connections: options.connections,
        pipelining: 1,
        duration: options.duration,
        timeout: 30,
        verifyBody: options.verifyBody,
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const requests = result.requests.total;
        const failures = result.errors + result.timeouts + result.non2xx + result.mismatches;
        resolve({
          connections: options.connections,
          seconds: result.duration,
          requests,
          rps: requests / result.duration,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          mismatches: result.mismatches,
          valid: failures === 0 && requests > 0,
        });
      },
    );
    options.onStart?.(() => instance.stop());
  });
}
