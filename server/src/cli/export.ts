/**
 * `parley export --format csv|json|timelinejs [filters] [--output FILE]`: the timeline, or
 * the part a filter selects, as /export serves it (the same parameters, parsed by the same
 * code), to stdout or to a file. A file is written under a temporary name beside it and
 * renamed into place once complete, so a failure never leaves half a file where the export
 * should be. Stdout cannot be taken back: a failure there exits 1 after what was written.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config.js';
import type { ExportItem } from '../export/export-item.js';
import {
  type ExportParameter,
  type ExportRequest,
  parseExportParameters,
  type RawExportParameters,
} from '../export/export-parameters.js';
import { exportChunks } from '../export/formats.js';
import { parseGlobalId, toGlobalId } from '../graphql/global-id.js';
import type { PrismaClient } from '../lib/db.js';
import { AppError, isAppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { resolveActorName } from '../services/resolve-actor-name.js';
import { streamTimelineItems } from '../services/stream-timeline-items.js';
import { withDatabase } from './database.js';

export interface ExportCommandOptions {
  format?: string;
  from?: string;
  to?: string;
  kind?: string;
  /** Actor ids or names, one per --actor. */
  actor?: string[];
  q?: string;
  minSources?: string;
  status?: string;
  includeUndated?: boolean;
  output?: string;
}

const flags: Record<ExportParameter, string> = {
  format: '--format',
  from: '--from',
  to: '--to',
  kind: '--kind',
  actor: '--actor',
  q: '--q',
  minSources: '--min-sources',
  status: '--status',
  undated: '--include-undated',
};

/** The flags as /export's parameters; `actorIds` stands in for --actor (names resolved by then). */
function rawParameters(options: ExportCommandOptions, actorIds: string[]): RawExportParameters {
  return {
    format: options.format,
    from: options.from,
    to: options.to,
    kind: options.kind,
    actor: actorIds.length > 0 ? actorIds.join(',') : undefined,
    q: options.q,
    minSources: options.minSources,
    status: options.status,
    undated: options.includeUndated ? '1' : undefined,
  };
}

function parseOrThrow(options: ExportCommandOptions, actorIds: string[]): ExportRequest {
  const parsed = parseExportParameters(rawParameters(options, actorIds), (parameter) => flags[parameter]);
  if (parsed.ok) return parsed.request;
  throw new AppError('BAD_USER_INPUT', parsed.problems.map((p) => p.message).join('\n'));
}

/** Global ids for every --actor: ids as given (checked by the parser), names looked up. */
async function actorIdsFor(prisma: PrismaClient, values: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const value of values) {
    if (parseGlobalId(value.trim())) {
      ids.push(value.trim());
      continue;
    }
    try {
      const actor = await resolveActorName(prisma, { name: value });
      ids.push(toGlobalId('Actor', actor.id));
    } catch (error) {
      if (!isAppError(error)) throw error;
      const candidates = (error.details?.candidates ?? []) as Array<{ id: string; name: string; kind: string }>;
      const list = candidates.map((c) => `\n  ${toGlobalId('Actor', c.id)}  ${c.name} (${c.kind.toLowerCase()})`);
      throw new AppError(error.code, `--actor: ${error.message}${list.join('')}`);
    }
  }
  return ids;
}

/** Writes `chunks` to stdout; false when its reader went away first. */
async function writeToStdout(chunks: AsyncIterable<string>): Promise<boolean> {
  let failure: Error | null = null;
  const onError = (error: Error) => {
    failure = error;
  };
  process.stdout.on('error', onError);
  try {
    for await (const chunk of chunks) {
      if (failure) break;
      // once() also settles when stdout fails while we wait (then `failure` says why).
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain').catch(() => undefined);
    }
  } finally {
    process.stdout.off('error', onError);
  }
  if (!failure) return true;
  // A reader that went away (`parley export ... | head`) is not an error of the export.
  if ((failure as NodeJS.ErrnoException).code === 'EPIPE') return false;
  throw failure;
}

/** Writes `chunks` to `path` through a temporary file in the same directory, renamed when complete. */
async function writeAtomically(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await pipeline(Readable.from(chunks), createWriteStream(temporary, { flags: 'wx' }));
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    if (isAppError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new AppError('BAD_USER_INPUT', `Could not write "${path}" (${code}).`, undefined, { cause: error });
    throw error;
  }
}

export async function runExport(options: ExportCommandOptions, config: Config, logger: Logger): Promise<number> {
  if (options.output !== undefined && options.output.trim() === '')
    throw new AppError('BAD_USER_INPUT', '--output must name a file.');
  const actorValues = (options.actor ?? []).map((v) => v.trim());
  if (actorValues.some((v) => v === '')) throw new AppError('BAD_USER_INPUT', '--actor must not be empty.');
  // Everything but actor names is checked before the database is opened (an embedded one
  // takes a while to start): bad flags fail fast, all reported at once.
  parseOrThrow(
    options,
    actorValues.filter((v) => parseGlobalId(v)),
  );
  const started = Date.now();
  let count = 0;
  let undated = 0;
  let complete = true;
  const request = await withDatabase(config, logger, async (db) => {
    const req = parseOrThrow(options, await actorIdsFor(db.prisma, actorValues));
    const meta = { exportedAt: new Date(), filter: req.applied };
    async function* counted(items: AsyncIterable<ExportItem>): AsyncGenerator<ExportItem> {
      for await (const item of items) {
        count += 1;
        if (!item.date) undated += 1;
        yield item;
      }
    }
    const chunks = exportChunks(req.format, counted(streamTimelineItems(db.prisma, { filter: req.filter })), meta);
    if (options.output) await writeAtomically(options.output, chunks);
    else complete = await writeToStdout(chunks);
    return req;
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!complete) {
    process.stderr.write(`Stopped after ${count} items: stdout was closed.\n`);
    return 0;
  }
  const leftOut = request.format === 'timelinejs' && undated > 0 ? ` (${undated} undated left out)` : '';
  process.stderr.write(
    `Exported ${count} item${count === 1 ? '' : 's'}${leftOut} as ${request.format}${options.output ? ` to ${options.output}` : ''} in ${seconds} s.\n`,
  );
  return 0;
}
