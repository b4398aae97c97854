/**
 * GET (and HEAD) /export: the timeline under a filter as a CSV, JSON or TimelineJS file,
 * streamed while it is read. Parameters: export/export-parameters.ts (the explorer builds
 * the same URLs). Problems with them are a 400 naming each parameter; the first page is read
 * before anything is sent, so a database that is down at the start is a plain 500. A failure
 * after the file has started destroys the connection instead of ending it: a client must
 * never get a truncated file that looks complete.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ExportItem } from '../export/export-item.js';
import { exportParametersFromSearch, parseExportParameters } from '../export/export-parameters.js';
import { exportChunks, exportContentTypes, exportFileName } from '../export/formats.js';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from '../graphql/format-error.js';
import { isDatabaseUnavailable, type PrismaClient } from '../lib/db.js';
import { isAppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { streamTimelineItems } from '../services/stream-timeline-items.js';

export interface ExportRouteOptions {
  prisma: PrismaClient;
  logger: Logger;
  /** Why this request may not read the timeline (the message of a 401), or null when it may. */
  readRefusal(req: IncomingMessage): Promise<string | null>;
  /** Items per database query (tests make it small to span many pages). */
  pageSize?: number;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** The first item, already read, followed by the rest; closing early closes the rest too. */
async function* resumed<T>(first: IteratorResult<T, void>, rest: AsyncIterator<T, void>): AsyncGenerator<T, void> {
  try {
    if (first.done) return;
    yield first.value;
    for (;;) {
      const next = await rest.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await rest.return?.();
  }
}

export async function handleExport(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: ExportRouteOptions,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    sendJson(res, 405, { error: `/export answers GET and HEAD, not ${method}.` }, { allow: 'GET, HEAD, OPTIONS' });
    return;
  }
  const refusal = await options.readRefusal(req);
  if (refusal !== null) {
    sendJson(res, 401, { error: refusal }, { 'www-authenticate': 'Bearer' });
    return;
  }

  const { parameters, problems: repeated } = exportParametersFromSearch(url.searchParams);
  const parsed = parseExportParameters(parameters);
  // A repeated parameter is left out of `parameters`: say it was repeated, not that it is missing.
  const repeatedNames = new Set(repeated.map((p) => p.parameter));
  const problems = [...repeated, ...(parsed.ok ? [] : parsed.problems.filter((p) => !repeatedNames.has(p.parameter)))];
  if (!parsed.ok || problems.length > 0) {
    sendJson(res, 400, { error: 'Invalid export parameters.', problems });
    return;
  }
  const { format, filter, applied } = parsed.request;
  const meta = { exportedAt: new Date(), filter: applied };
  const headers = {
    'content-type': exportContentTypes[format],
    'content-disposition': `attachment; filename="${exportFileName(format, meta.exportedAt)}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (method === 'HEAD') {
    res.writeHead(200, headers);
    res.end();
    return;
  }

  const logger = options.logger.child({ requestId: randomUUID(), export: format });
  const items = streamTimelineItems(options.prisma, { filter, pageSize: options.pageSize });
  let first: IteratorResult<ExportItem, void>;
  try {
    first = await items.next();
  } catch (error) {
    if (isAppError(error) && error.code === 'BAD_USER_INPUT') {
      sendJson(res, 400, { error: error.message, problems: [] });
      return;
    }
    if (isDatabaseUnavailable(error)) {
      // Worth retrying once PostgreSQL is back: say so, as GraphQL does.
      logger.warn('export refused: the database is unavailable');
      sendJson(
        res,
        503,
        { error: DATABASE_UNAVAILABLE_MESSAGE },
        { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
      );
      return;
    }
    logger.error({ err: error }, 'export failed before it started');
    sendJson(res, 500, { error: 'Internal server error' });
    return;
  }

  res.writeHead(200, headers);
  const started = Date.now();
  try {
    await pipeline(Readable.from(exportChunks(format, resumed(first, items), meta)), res);
    logger.debug({ ms: Date.now() - started }, 'export sent');
  } catch (error) {
    // pipeline has destroyed the response (and with it the socket): the client sees a broken
    // transfer, not a short file ending cleanly.
    res.destroy();
    if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE')
      logger.info('export abandoned by the client');
    else logger.error({ err: error, ms: Date.now() - started }, 'export failed while streaming; connection closed');
  }
}
