/**
 * Generated hostile traffic against a real server over HTTP (see graphql-operations.ts):
 * 400 requests in `npm test`, 5,000 in `npm run test:fuzz` (FUZZ_FULL=1). Every answer is
 * held to the same rules: no 5xx without a coded error, a code on every error, nothing of
 * the server's insides (stack, SQL, Prisma) in a message, no INTERNAL_SERVER_ERROR for what
 * is only a bad request, and the one right answer where there is only one. Afterwards the
 * server must still answer, and its heap must not have kept growing through the second
 * half of the run.
 *
 * FUZZ_COUNT and FUZZ_SEED override the count and seed; FUZZ_FAILURES_FILE=path writes every
 * failure, not only the first ten; LOG_LEVEL=error shows what the server logged.
 */
import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../server/src/app.js';
import { defaultQueryLimits } from '../../server/src/graphql/limits.js';
import { createSchema } from '../../server/src/graphql/schema.js';
import { createApiKey, revokeApiKey } from '../../server/src/services/api-keys.js';
import { ingestArticle } from '../../server/src/services/ingest-article.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { graphql, startTestParley } from '../support/parley.js';
import { type FuzzData, type FuzzRequest, generateRequest, type KeyRole } from './graphql-operations.js';

const FULL = Boolean(process.env.FUZZ_FULL);
const COUNT = Number(process.env.FUZZ_COUNT ?? (FULL ? 5_000 : 400));
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_611);
const CONCURRENCY = 8;
/** Heap growth allowed between the middle and the end of the run: caches fill, leaks keep going. */
const MAX_SECOND_HALF_GROWTH_MB = 150;
/** A request still unanswered after this long is reported as a hang (a liveness bound, not a timing check). */
const ANSWER_TIMEOUT_MS = 120_000;

const ARTICLES = [
  {
    text: '“We will keep the border open for aid convoys,” Interior Minister Lena Marsh said on Tuesday.\n\nMarsh met Foreign Minister Omar Haddad in Geneva on Monday.',
    publishedAt: '2020-03-05T00:00:00.000Z',
    publisher: 'Example Gazette',
  },
  {
    text: '“The talks in Geneva were useful and will continue,” Foreign Minister Omar Haddad said on Wednesday.\n\nHaddad and Marsh will meet again in Vienna next month.',
    publishedAt: '2020-03-06T00:00:00.000Z',
    publisher: 'Other Herald',
  },
  {
    text: 'NATO and Russia held talks in Brussels on 12 January 2022.\n\n“There is a real risk of a new armed conflict in Europe,” NATO Secretary General Jens Stoltenberg said after the meeting.',
    publishedAt: '2022-01-12T00:00:00.000Z',
    publisher: 'Wire Service',
  },
];

// Everything the run learns, counted; printed at the end so the full run reports numbers.
class Summary {
  readonly statuses = new Map<number | string, number>();
  readonly codes = new Map<string, number>();
  readonly categories = new Map<string, number>();
  /** 2xx answers with data and no errors: proof the generator reaches the resolvers. */
  answeredWithData = 0;
  largestAnswer = 0;
  slowest = { ms: 0, what: '' };

  record(request: FuzzRequest, answer: Answer, codes: string[]): void {
    const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
    bump(this.statuses, answer.transportError ? 'no answer' : answer.status);
    for (const code of new Set(codes)) bump(this.codes, code);
    bump(this.categories, request.category);
    if (answer.status < 300 && answer.hasData && codes.length === 0) this.answeredWithData += 1;
    this.largestAnswer = Math.max(this.largestAnswer, answer.bytes);
    if (answer.ms > this.slowest.ms)
      this.slowest = { ms: answer.ms, what: `#${request.index} [${request.category}] ${request.label}` };
  }

  print(extra: Record<string, string>): void {
    const table = (map: Map<unknown, number>) =>
      [...map.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([key, n]) => `${key}: ${n}`)
        .join(', ');
    console.log(
      [
        `GraphQL fuzzing: ${COUNT} requests, seed ${SEED}, ${CONCURRENCY} in flight`,
        `  statuses: ${table(this.statuses)}`,
        `  error codes: ${table(this.codes)}`,
        `  categories: ${table(this.categories)}`,
        `  answered with data: ${this.answeredWithData}`,
        `  largest answer: ${(this.largestAnswer / 1024).toFixed(0)} KB`,
        `  slowest: ${this.slowest.ms.toFixed(0)} ms, ${this.slowest.what}`,
        ...Object.entries(extra).map(([key, value]) => `  ${key}: ${value}`),
      ].join('\n'),
    );
  }
}

interface Answer {
  status: number;
  contentType: string;
  /** The first few KB of the body, for failure messages. */
  head: string;
  bytes: number;
  json: unknown;
  hasData: boolean;
  ms: number;
  transportError?: string;
}

interface GraphQLErrorShape {
  message?: unknown;
  extensions?: Record<string, unknown>;
}

function authorization(request: FuzzRequest, keys: Record<KeyRole, string>): Record<string, string> {
  if (request.auth === null) return {};
  return { authorization: 'key' in request.auth ? `Bearer ${keys[request.auth.key]}` : request.auth.header };
}

async function send(baseUrl: string, request: FuzzRequest, keys: Record<KeyRole, string>): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/graphql${request.search}`, {
      method: request.method,
      headers: { ...request.headers, ...authorization(request, keys) },
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    let json: unknown;
    if (contentType.includes('json')) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    const data = (json as { data?: unknown } | undefined)?.data;
    return {
      status: response.status,
      contentType,
      head: text.slice(0, 2_000),
      bytes: text.length,
      json,
      hasData: data !== undefined && data !== null,
      ms: performance.now() - started,
    };
  } catch (error) {
    const reason =
      error instanceof Error ? `${error.name}: ${error.message} ${String(error.cause ?? '')}` : String(error);
    return {
      status: 0,
      contentType: '',
      head: '',
      bytes: 0,
      json: undefined,
      hasData: false,
      ms: performance.now() - started,
      transportError: reason,
    };
  }
}

/**
 * Signs of the server's insides in a message. A match the request itself contains is an
 * echo of the caller's input ("found \"'; SELECT pg_sleep(10); --\""), not a leak.
 */
const LEAKS = [
  /prisma/i,
  /invalid `/i,
  /\bat .*\.[cm]?[jt]s:\d+/,
  /\bSELECT\b/i,
  /\b(?:INSERT INTO|DELETE FROM|UPDATE \w+ SET)\b/i,
  /syntax error at or near/i,
  /violates [\w ]*constraint/i,
  /relation "[^"]*" does not exist/i,
  /invalid byte sequence/i,
  /node_modules|\/work\/|server\/src\//,
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT/,
];

function leaksIn(message: string, request: FuzzRequest): string[] {
  const sent =
    `${request.body ?? ''} ${request.search} ${request.auth && 'header' in request.auth ? request.auth.header : ''}`.toLowerCase();
  return LEAKS.flatMap((pattern) => {
    const match = pattern.exec(message)?.[0];
    return match && !sent.includes(match.toLowerCase()) ? [`message leaks ${pattern}: "${message.slice(0, 200)}"`] : [];
  });
}

function errorsOf(answer: Answer): GraphQLErrorShape[] {
  const errors = (answer.json as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? (errors as GraphQLErrorShape[]) : [];
}

function codeOf(error: GraphQLErrorShape): string | undefined {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Everything wrong with one answer; [] when it keeps every rule. */
function problemsWith(request: FuzzRequest, answer: Answer): string[] {
  if (answer.transportError) return [`no answer: ${answer.transportError}`];
  const problems: string[] = [];
  const errors = errorsOf(answer);
  if (answer.contentType.includes('json') && answer.json === undefined && answer.bytes > 0)
    problems.push('the body says it is JSON and is not');
  if (answer.status >= 500 && codeOf(errors[0] ?? {}) === undefined)
    problems.push(`status ${answer.status} without a coded error`);
  for (const error of errors) {
    const message = typeof error.message === 'string' ? error.message : '';
    if (codeOf(error) === undefined) problems.push(`an error without extensions.code: "${message.slice(0, 200)}"`);
    if (codeOf(error) === 'INTERNAL_SERVER_ERROR')
      problems.push('INTERNAL_SERVER_ERROR for a request (its input reached something unprepared for it)');
    if (error.extensions && ('stacktrace' in error.extensions || 'exception' in error.extensions))
      problems.push('an error carries a stack trace');
    problems.push(...leaksIn(message, request));
  }
  const expected = request.expect;
  if (expected?.status !== undefined && answer.status !== expected.status)
    problems.push(`expected status ${expected.status}, got ${answer.status}`);
  if (expected?.codes) {
    const codes = errors.map(codeOf);
    if (codes.length === 0 || codes.some((code) => code === undefined || !expected.codes?.includes(code)))
      problems.push(`expected errors coded ${expected.codes.join(' or ')}, got [${codes.join(', ')}]`);
  }
  return problems;
}

function describeFailure(request: FuzzRequest, answer: Answer, problems: string[]): string {
  return [
    `#${request.index} [${request.category}] ${request.label}: ${problems.join('; ')}`,
    `  ${request.method} /graphql${request.search.slice(0, 200)} auth=${JSON.stringify(request.auth)?.slice(0, 80)} headers=${JSON.stringify(request.headers)}`,
    `  ${request.preview.replaceAll('\n', '\n  ')}`,
    `  answered ${answer.status}: ${answer.head.slice(0, 600)}`,
    `  reproduce: FUZZ_SEED=${SEED}, request ${request.index}`,
  ].join('\n');
}

/** The heap after full collections, when this Node lets us force them; plain heapUsed otherwise. */
function heapSampler(): { sample(): number; forced: boolean } {
  let gc: (() => void) | undefined;
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  } catch {
    gc = undefined;
  }
  return {
    forced: gc !== undefined,
    sample() {
      gc?.();
      gc?.();
      return process.memoryUsage().heapUsed;
    },
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Runs task(from) .. task(to - 1), `CONCURRENCY` at a time. */
async function inFlight(from: number, to: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = from;
  const worker = async () => {
    for (let index = next++; index < to; index = next++) await task(index);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** Global ids and cursors of the seeded data, by type (a global id is base64url("Type:uuid")). */
async function collectData(baseUrl: string): Promise<FuzzData> {
  const { body } = await graphql<{
    timeline: { edges: Array<{ cursor: string; node: Record<string, unknown> }> };
    actors: { nodes: Array<{ id: string }>; pageInfo: { endCursor: string | null } };
    sources: { nodes: Array<{ id: string }>; pageInfo: { endCursor: string | null } };
  }>(
    baseUrl,
    `{ timeline(first: 100, filter: { includeUndated: true }) { edges { cursor node { id place { id } } } }
       actors(first: 100) { nodes { id } pageInfo { endCursor } }
       sources(first: 100) { nodes { id } pageInfo { endCursor } } }`,
  );
  if (!body.data) throw new Error(`Could not read the seeded data: ${JSON.stringify(body.errors)}`);
  const { timeline, actors, sources } = body.data;
  const place = (node: Record<string, unknown>) => (node.place as { id: string } | null)?.id;
  const all = [
    ...timeline.edges.flatMap(({ node }) => [node.id as string, place(node)]),
    ...actors.nodes.map((n) => n.id),
    ...sources.nodes.map((n) => n.id),
  ].filter((id): id is string => typeof id === 'string');
  const ids: Record<string, string[]> = {};
  for (const id of new Set(all)) {
    const type = Buffer.from(id, 'base64url').toString('utf8').split(':')[0] ?? '';
    ids[type] = [...(ids[type] ?? []), id];
  }
  const cursors = [
    ...timeline.edges.map((e) => e.cursor),
    actors.pageInfo.endCursor,
    sources.pageInfo.endCursor,
  ].filter((c): c is string => typeof c === 'string');
  return { ids, cursors };
}

describe('GraphQL fuzzing', () => {
  let database: TestDatabase;
  let parley: RunningParley;
  let schema: GraphQLSchema;
  let data: FuzzData;
  const keys = {} as Record<KeyRole, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    // No rate limit: thousands of requests from one address are the point here.
    parley = await startTestParley(database.url, { PARLEY_RATE_LIMIT: '0' });
    const { prisma } = parley.db;
    keys.EDITOR = (await createApiKey(prisma, { name: 'fuzz editor', role: 'EDITOR' })).key;
    keys.READER = (await createApiKey(prisma, { name: 'fuzz reader', role: 'READER' })).key;
    const revoked = await createApiKey(prisma, { name: 'fuzz revoked', role: 'ADMIN' });
    await revokeApiKey(prisma, revoked.id);
    keys.REVOKED = revoked.key;
    for (const article of ARTICLES)
      await ingestArticle(prisma, { input: { ...article, publishedAt: new Date(article.publishedAt) } });
    schema = await createSchema();
    data = await collectData(parley.url);
  });
  afterAll(async () => {
    await parley?.stop();
    await database?.drop();
  });

  it('seeds data the generator can aim at', () => {
    for (const type of ['Statement', 'Meeting', 'Actor', 'Source'])
      expect(data.ids[type]?.length, type).toBeGreaterThan(0);
    expect(data.cursors.length).toBeGreaterThan(0);
  });

  it(`answers ${COUNT} generated requests by the rules, stays up, and keeps its heap bounded`, async () => {
    const summary = new Summary();
    const failures: string[] = [];
    const heap = heapSampler();
    const limits = { maxDepth: defaultQueryLimits.maxDepth, maxAliases: defaultQueryLimits.maxAliases };

    const one = async (index: number) => {
      const request = generateRequest({ schema, seed: SEED, index, data, limits });
      const answer = await send(parley.url, request, keys);
      const problems = problemsWith(request, answer);
      summary.record(
        request,
        answer,
        errorsOf(answer).map((e) => codeOf(e) ?? '(none)'),
      );
      if (problems.length > 0) failures.push(describeFailure(request, answer, problems));
    };

    const started = performance.now();
    const before = heap.sample();
    const half = Math.floor(COUNT / 2);
    await inFlight(0, half, one);
    const middle = heap.sample();
    await inFlight(half, COUNT, one);
    const end = heap.sample();
    const seconds = (performance.now() - started) / 1000;

    // Still up: a plain query and the health check answer.
    const health = await fetch(`${parley.url}/health`);
    const after = await graphql<{ serverInfo: { version: string } }>(parley.url, '{ serverInfo { version } }');

    summary.print({
      duration: `${seconds.toFixed(1)} s (${(COUNT / seconds).toFixed(0)} requests/s)`,
      [`heap${heap.forced ? ' after forced GC' : ''}`]: `before ${mb(before)}, middle ${mb(middle)}, end ${mb(end)}; second half ${mb(end - middle)}`,
      rss: mb(process.memoryUsage().rss),
      failures: String(failures.length),
    });

    // Every failure, not only the first ten, for a run being debugged.
    if (process.env.FUZZ_FAILURES_FILE) writeFileSync(process.env.FUZZ_FAILURES_FILE, failures.join('\n\n'));
    expect
      .soft(
        failures.length,
        `${failures.length} answers broke the rules; the first ones:\n\n${failures.slice(0, 10).join('\n\n')}`,
      )
      .toBe(0);
    expect.soft(health.status).toBe(200);
    expect.soft(after.body.data?.serverInfo.version).toEqual(expect.any(String));
    // Without answers that carry data the run would only have tested the front door.
    expect.soft(summary.answeredWithData).toBeGreaterThan(COUNT * 0.05);
    expect
      .soft((end - middle) / 1024 / 1024, 'heap growth over the second half of the run (MB)')
      .toBeLessThan(MAX_SECOND_HALF_GROWTH_MB);
  });
});
