/**
 * Hostile articles against the real ingest path: 1,000 with FUZZ_FULL=1, a short pass
 * otherwise, mutated from the seed and dev-set articles (article-mutations.ts). Most go
 * through the service, every tenth over GraphQL with an EDITOR key, every twentieth as a
 * file. Each must end in a result or a coded error with a message a person can act on,
 * within a generous time; an error must leave the database exactly as it was; at the end
 * the server still answers and every timeline item still has a citation.
 *
 * Timings are printed, never asserted, except the hang guard.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../server/src/app.js';
import type { ArticleInput } from '../../server/src/ingest/types.js';
import { AppError, errorCodes } from '../../server/src/lib/errors.js';
import { createApiKey } from '../../server/src/services/api-keys.js';
import { contentHash, ingestArticle } from '../../server/src/services/ingest-article.js';
import { ingestFiles } from '../../server/src/services/ingest-files.js';
import { createTestDatabase, rowCounts, type TestDatabase } from '../support/database.js';
import { graphql, startTestParley } from '../support/parley.js';
import {
  type FuzzArticle,
  type FuzzCase,
  HEAVY_MUTATION_COUNT,
  planArticleCases,
  readCorpus,
} from './article-mutations.js';

const FULL = Boolean(process.env.FUZZ_FULL);
const COUNT = FULL ? 1000 : 120;
/** Every heavy mutation is in the short pass too, once: most are refused by size, which is quick. */
const MAX_HEAVY = FULL ? 30 : HEAVY_MUTATION_COUNT;
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_607);
/** FUZZ_VERBOSE=1 prints every case as it ends, to find the one that misbehaves. */
const VERBOSE = Boolean(process.env.FUZZ_VERBOSE);
/** Far beyond any article's real cost: only a hang or a runaway pattern gets here. */
const HANG_LIMIT_MS = 60_000;

/** Codes that tell the caller what to do; INTERNAL_SERVER_ERROR is the one that does not. */
const CLEAR_CODES = new Set<string>(errorCodes.filter((code) => code !== 'INTERNAL_SERVER_ERROR'));

type IngestPath = 'service' | 'graphql' | 'file';

type Outcome =
  | { kind: 'result'; sourceId: string | null; alreadyIngested: boolean }
  | { kind: 'error'; code: string; message: string }
  /** Anything the suite forbids: an unexpected exception, an uncoded error, a hang. */
  | { kind: 'failure'; reason: string };

interface CaseRecord {
  index: number;
  name: string;
  path: IngestPath;
  chars: number;
  outcome: Outcome;
  ms: number;
}

const INGEST = `mutation Ingest($input: IngestArticleInput!) {
  ingestArticle(input: $input) { source { id } created { id } warnings { code } }
}`;

const TIMELINE_PAGE = `query Page($after: String) {
  timeline(first: 200, after: $after, filter: { includeUndated: true }) {
    nodes { id title date { start end label } }
    pageInfo { hasNextPage endCursor }
  }
}`;

function pathFor(index: number): IngestPath {
  if (index % 10 === 5) return 'graphql';
  if (index % 20 === 7) return 'file';
  return 'service';
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}`;
  return `non-error thrown: ${String(error).slice(0, 300)}`;
}

/** A person can act on it: a known code, a real sentence, no stack trace. */
function isClearMessage(message: string): boolean {
  return message.trim().length >= 10 && message.length <= 1_000 && !/\n\s+at /.test(message);
}

function clearError(code: string, message: string): Outcome {
  if (!CLEAR_CODES.has(code)) return { kind: 'failure', reason: `error coded ${code}: ${message.slice(0, 300)}` };
  if (!isClearMessage(message)) return { kind: 'failure', reason: `unclear ${code} message: ${message.slice(0, 300)}` };
  return { kind: 'error', code, message };
}

async function withinHangLimit<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_LIMIT_MS / 1000} s`)), HANG_LIMIT_MS);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

function graphqlVariables(input: ArticleInput): Record<string, unknown> {
  const { publishedAt, ...rest } = input;
  if (publishedAt === undefined) return rest;
  // An invalid Date has no ISO form; send what a broken client would.
  return { ...rest, publishedAt: Number.isNaN(publishedAt.getTime()) ? 'Invalid Date' : publishedAt.toISOString() };
}

function fileExtension(input: ArticleInput): string {
  if (input.format === 'HTML') return '.html';
  if (input.format === 'MARKDOWN') return '.md';
  return '.txt';
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

describe(`ingesting ${COUNT} mutated articles (seed ${SEED})`, () => {
  let database: TestDatabase;
  let parley: RunningParley;
  let editorKey: string;
  const dir = mkdtempSync(join(tmpdir(), 'parley-fuzz-'));
  const records: CaseRecord[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    parley = await startTestParley(database.url);
    editorKey = (await createApiKey(parley.db.prisma, { name: 'fuzz', role: 'EDITOR' })).key;
  });
  afterAll(async () => {
    await parley?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const prisma = () => parley.db.prisma;

  const counts = () => rowCounts(prisma());

  async function viaService(input: ArticleInput): Promise<Outcome> {
    try {
      const result = await ingestArticle(prisma(), { input });
      return { kind: 'result', sourceId: result.sourceId, alreadyIngested: result.alreadyIngested };
    } catch (error) {
      if (error instanceof AppError) return clearError(error.code, error.message);
      return { kind: 'failure', reason: describeError(error) };
    }
  }

  async function viaGraphql(input: ArticleInput): Promise<Outcome> {
    // GraphQL gives a node id and does not say whether the text was stored before; the
    // stored row is found by its content hash.
    const hash = contentHash(input.text);
    const storedBefore = await prisma().source.findUnique({ where: { contentHash: hash }, select: { id: true } });
    const { status, body } = await graphql<{ ingestArticle: { source: { id: string } } }>(
      parley.url,
      INGEST,
      { input: graphqlVariables(input) },
      { authorization: `Bearer ${editorKey}` },
    );
    if (status >= 500) return { kind: 'failure', reason: `HTTP ${status}: ${JSON.stringify(body).slice(0, 300)}` };
    const error = body.errors?.[0];
    if (error) return clearError(String(error.extensions?.code ?? 'NO CODE'), error.message);
    if (!body.data?.ingestArticle) return { kind: 'failure', reason: `neither data nor errors (HTTP ${status})` };
    const stored = await prisma().source.findUnique({ where: { contentHash: hash }, select: { id: true } });
    return { kind: 'result', sourceId: stored?.id ?? null, alreadyIngested: storedBefore !== null };
  }

  async function viaFile(input: ArticleInput, index: number): Promise<Outcome> {
    const { text, format, ...metadata } = input;
    const file = join(dir, `article-${index}${fileExtension(input)}`);
    writeFileSync(file, text);
    // An unknown format must be refused whichever way it arrives; a known one comes from the name.
    const [result] = await ingestFiles(prisma(), {
      files: [file],
      metadata: format === 'HTML' || format === 'MARKDOWN' || format === undefined ? metadata : { ...metadata, format },
    });
    if (!result) return { kind: 'failure', reason: 'ingestFiles gave no result' };
    if (result.ok)
      return { kind: 'result', sourceId: result.sourceId ?? null, alreadyIngested: !!result.alreadyIngested };
    const message = result.error ?? '';
    // ingestFiles reports a coded error by its message and anything else as "unexpected error".
    if (message.startsWith('unexpected error')) return { kind: 'failure', reason: message.slice(0, 300) };
    return isClearMessage(message)
      ? { kind: 'error', code: 'FILE REFUSED', message }
      : { kind: 'failure', reason: `unclear file error: ${message.slice(0, 300)}` };
  }

  /** What a stored article must look like: its citations quote its own text exactly. */
  async function storedArticleProblems(sourceId: string | null): Promise<string[]> {
    if (sourceId === null) return ['the result names no stored source'];
    const source = await prisma().source.findUnique({
      where: { id: sourceId },
      select: { text: true, citations: { select: { start: true, end: true, excerpt: true } } },
    });
    if (!source) return [`source ${sourceId} is not stored`];
    return source.citations.flatMap((c) => {
      if (c.start === null || c.end === null) return [];
      if (c.start < 0 || c.end > source.text.length || c.start > c.end)
        return [`citation ${c.start}-${c.end} is outside the text`];
      return source.text.slice(c.start, c.end) === c.excerpt
        ? []
        : [`citation ${c.start}-${c.end} does not quote the text`];
    });
  }

  async function runCase(fuzzCase: FuzzCase, article: FuzzArticle): Promise<CaseRecord> {
    const path = pathFor(fuzzCase.index);
    const before = await counts();
    const started = performance.now();
    let outcome: Outcome;
    try {
      outcome = await withinHangLimit(
        path === 'graphql'
          ? viaGraphql(article.input)
          : path === 'file'
            ? viaFile(article.input, fuzzCase.index)
            : viaService(article.input),
      );
    } catch (error) {
      outcome = { kind: 'failure', reason: describeError(error) };
    }
    const ms = performance.now() - started;
    const after = await counts();
    if (outcome.kind === 'error' && JSON.stringify(after) !== JSON.stringify(before)) {
      outcome = {
        kind: 'failure',
        reason: `${outcome.code} error left rows behind: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`,
      };
    }
    if (outcome.kind === 'result' && !outcome.alreadyIngested) {
      const problems = await storedArticleProblems(outcome.sourceId);
      if (after.sources !== before.sources + 1) problems.push(`sources went ${before.sources} -> ${after.sources}`);
      if (after.citations < before.citations) problems.push(`citations went ${before.citations} -> ${after.citations}`);
      if (problems.length > 0) outcome = { kind: 'failure', reason: problems.slice(0, 3).join('; ') };
    }
    return { index: fuzzCase.index, name: article.name, path, chars: article.input.text.length, outcome, ms };
  }

  interface TimelinePage {
    items: number;
    /** Where the next page starts; null on the last. */
    endCursor: string | null;
    errors: string[];
  }

  async function timelinePage(after: string | null): Promise<TimelinePage> {
    const { status, body } = await graphql<{
      timeline: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    }>(parley.url, TIMELINE_PAGE, { after });
    const errors = (body.errors ?? []).map((e) => `${String(e.extensions?.code)}: ${e.message}`);
    if (status !== 200) errors.push(`HTTP ${status}`);
    const timeline = body.data?.timeline;
    return {
      items: timeline?.nodes.length ?? 0,
      endCursor: timeline?.pageInfo.hasNextPage ? timeline.pageInfo.endCursor : null,
      errors,
    };
  }

  function printSummary(): void {
    const byOutcome = new Map<string, number>();
    for (const { outcome } of records) {
      const key = outcome.kind === 'error' ? `error ${outcome.code}` : outcome.kind;
      byOutcome.set(key, (byOutcome.get(key) ?? 0) + 1);
    }
    const times = records.map((r) => r.ms).sort((a, b) => a - b);
    const slowest = [...records].sort((a, b) => b.ms - a.ms).slice(0, 5);
    const messages = new Map<string, number>();
    for (const { outcome } of records) {
      if (outcome.kind === 'error') {
        const gist = outcome.message.replace(/\d[\d,.]*/g, 'N').slice(0, 110);
        messages.set(gist, (messages.get(gist) ?? 0) + 1);
      }
    }
    const lines = [
      `article fuzz: ${records.length} articles, seed ${SEED}${FULL ? ' (full run)' : ' (short run)'}`,
      `paths: ${['service', 'graphql', 'file'].map((p) => `${p} ${records.filter((r) => r.path === p).length}`).join(', ')}`,
      `outcomes: ${[...byOutcome].map(([key, n]) => `${key} ${n}`).join(', ')}`,
      `time per article: p50 ${percentile(times, 0.5).toFixed(0)} ms, p99 ${percentile(times, 0.99).toFixed(0)} ms, max ${(times.at(-1) ?? 0).toFixed(0)} ms`,
      'slowest:',
      ...slowest.map(
        (r) => `  ${r.ms.toFixed(0)} ms  #${r.index} ${r.name} (${r.path}, ${r.chars.toLocaleString('en-US')} chars)`,
      ),
      'error messages:',
      ...[...messages].sort((a, b) => b[1] - a[1]).map(([gist, n]) => `  ${n} x ${gist}`),
      `memory: rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
    ];
    console.log(lines.join('\n'));
  }

  it('gives every article a result or a clear error, in bounded time, and writes nothing on error', async () => {
    const cases = planArticleCases({ count: COUNT, seed: SEED, corpus: readCorpus(), maxHeavy: MAX_HEAVY });
    for (const fuzzCase of cases) {
      // Built one at a time: a 10 MB case is gone before the next one is made.
      const record = await runCase(fuzzCase, fuzzCase.build());
      records.push(record);
      if (VERBOSE)
        console.log(
          `#${record.index} ${record.name} ${record.path} ${record.ms.toFixed(0)} ms ${JSON.stringify(record.outcome).slice(0, 200)}`,
        );
    }
    printSummary();
    const failures = records
      .filter((r) => r.outcome.kind === 'failure')
      .map((r) => `#${r.index} ${r.name} (${r.path}): ${r.outcome.kind === 'failure' ? r.outcome.reason : ''}`);
    expect(failures).toEqual([]);
    expect(records).toHaveLength(COUNT);
    // The mutations must not all be refused: most hostile articles still hold a story.
    expect(records.filter((r) => r.outcome.kind === 'result').length).toBeGreaterThan(COUNT / 2);
  });

  it('leaves a consistent database and a server that still answers', async () => {
    const uncited = await prisma().timelineItem.count({ where: { citations: { none: {} } } });
    expect(uncited).toBe(0);
    const speakerless = await prisma().timelineItem.count({ where: { kind: 'STATEMENT', speakerId: null } });
    expect(speakerless).toBe(0);
    const selfCopies = await prisma().$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM source WHERE duplicate_of_id = id`;
    expect(selfCopies[0]?.n).toBe(0);

    const clean = await ingestArticle(prisma(), {
      input: {
        text: '“We will reopen the crossing on Friday,” Interior Minister Lena Marsh said on Tuesday after the fuzz run.',
        publishedAt: new Date('2020-03-05T00:00:00Z'),
      },
    });
    expect(clean.created.length).toBeGreaterThan(0);
    // Every stored item, extreme dates included, must still read back through the API.
    let after: string | null = null;
    let read = 0;
    do {
      const page: TimelinePage = await timelinePage(after);
      expect(page.errors).toEqual([]);
      read += page.items;
      after = page.endCursor;
    } while (after !== null);
    expect(read).toBe(await prisma().timelineItem.count());
  });
});
