/**
 * `parley synth --items N [--seed S] [--from DAY] [--to DAY]`: adds N synthetic timeline
 * items (with their actors, places, sources and citations) in one transaction, and says
 * what it made and how fast. For load tests and demos; every synthetic source says so.
 */
import { SingleBar } from 'cli-progress';
import type { Config } from '../config.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { MAX_SYNTHETIC_ITEMS, synthesizeTimeline } from '../services/synthesize-timeline.js';
import { withDatabase } from './database.js';

export interface SynthCommandOptions {
  items?: string;
  seed?: string;
  from?: string;
  to?: string;
}

const number = (n: number) => n.toLocaleString('en-US');

/** A whole number of items, 1 to 5,000,000, written in digits. */
export function parseItemCount(text: string | undefined): number {
  const trimmed = text?.trim() ?? '';
  const n = /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SYNTHETIC_ITEMS)
    throw new AppError(
      'BAD_USER_INPUT',
      `--items must be a whole number from 1 to ${number(MAX_SYNTHETIC_ITEMS)}${text === undefined ? '' : `, got "${text.slice(0, 40)}"`}.`,
    );
  return n;
}

/** A calendar day, YYYY-MM-DD, as UTC midnight. */
function parseDay(flag: string, text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text.trim())
    throw new AppError('BAD_USER_INPUT', `${flag} must be a day like 2018-06-07, got "${text.slice(0, 40)}".`);
  return date;
}

export async function runSynth(options: SynthCommandOptions, config: Config, logger: Logger): Promise<number> {
  const items = parseItemCount(options.items);
  const from = parseDay('--from', options.from);
  const to = parseDay('--to', options.to);
  if (from && to && from > to) throw new AppError('BAD_USER_INPUT', '--from must not be after --to.');
  if (options.seed !== undefined && (options.seed.length === 0 || options.seed.length > 100))
    throw new AppError('BAD_USER_INPUT', '--seed must be 1 to 100 characters.');

  const bar =
    process.stderr.isTTY === true && items >= 50_000
      ? new SingleBar({
          format: 'synthesizing [{bar}] {value}/{total} items | ETA {eta_formatted}',
          stream: process.stderr,
          clearOnComplete: true,
          hideCursor: true,
        })
      : null;
  let started = Date.now();
  const result = await withDatabase(config, logger, (db) => {
    // Timed from here: opening (or starting) the database is not the synthesis.
    started = Date.now();
    bar?.start(items, 0);
    return synthesizeTimeline(db.prisma, {
      items,
      seed: options.seed,
      from,
      to,
      onProgress: (written) => bar?.update(written),
    });
  }).finally(() => bar?.stop());
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `Created ${number(result.items)} synthetic items (${number(result.statements)} statements, ${number(result.meetings)} meetings, ` +
      `${number(result.events)} events; ${number(result.scheduled)} scheduled, ${number(result.undated)} undated), ` +
      `${number(result.sources)} sources, ${number(result.citations)} citations, ${number(result.participants)} participations, ` +
      `${number(result.actors)} new actors (${number(result.aliases)} aliases) and ${number(result.places)} new places ` +
      `in ${seconds.toFixed(1)} s (${number(Math.round(result.items / Math.max(seconds, 0.001)))} items/s; seed ${JSON.stringify(result.seed)}).\n`,
  );
  return 0;
}
