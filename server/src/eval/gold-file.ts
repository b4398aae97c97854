/**
 * Reads and validates a `.gold.json` annotation. A malformed file stops the evaluation
 * before any database is started, with the file and the field at fault in the message.
 */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../lib/errors.js';
import type { GoldFile } from './score.js';

/** Far above any real annotation; keeps a hostile file from making the O(n·m) pairing crawl. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_ITEMS = 2_000;
const MAX_TEXT = 20_000;

const precision = z.enum(['DAY', 'WEEK', 'MONTH', 'YEAR']);

const isoDay = z.string().superRefine((value, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'expected a date as YYYY-MM-DD' });
    return;
  }
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    ctx.addIssue({ code: 'custom', message: 'is not a calendar date' });
  }
});

const text = z.string().trim().min(1, 'must not be empty').max(MAX_TEXT);
const name = z.string().trim().min(1, 'must not be empty').max(500);

/** A fuzzy date starts where its interval does: WEEK on a Monday, MONTH on the 1st, YEAR on 1 January. */
function alignedStart(date: string, unit: z.infer<typeof precision>): boolean {
  const day = new Date(`${date}T00:00:00Z`);
  switch (unit) {
    case 'DAY':
      return true;
    case 'WEEK':
      return day.getUTCDay() === 1;
    case 'MONTH':
      return day.getUTCDate() === 1;
    case 'YEAR':
      return day.getUTCDate() === 1 && day.getUTCMonth() === 0;
  }
}

const dated = {
  date: isoDay.nullable(),
  precision: precision.nullable(),
  optional: z.boolean(),
};

function checkDate(item: { date: string | null; precision: z.infer<typeof precision> | null }, ctx: z.RefinementCtx) {
  if ((item.date === null) !== (item.precision === null)) {
    ctx.addIssue({
      code: 'custom',
      path: ['precision'],
      message: 'date and precision must both be null (undated) or both be given',
    });
  } else if (item.date !== null && item.precision !== null && !alignedStart(item.date, item.precision)) {
    ctx.addIssue({
      code: 'custom',
      path: ['date'],
      message: `a ${item.precision} date must be the start of its interval (WEEK: a Monday, MONTH: the 1st, YEAR: 1 January)`,
    });
  }
}

const goldStatement = z
  .strictObject({ ...dated, speaker: name, quote: text, partial: z.boolean() })
  .superRefine(checkDate);

const goldMeeting = z
  .strictObject({
    ...dated,
    participants: z.array(name).min(1, 'a meeting needs at least one participant').max(100),
    place: name.nullable(),
    status: z.enum(['OCCURRED', 'SCHEDULED', 'POSTPONED', 'CANCELLED']),
    evidence: text,
  })
  .superRefine(checkDate);

const goldEvent = z
  .strictObject({
    ...dated,
    actors: z.array(name).max(100),
    description: text,
    evidence: text,
  })
  .superRefine(checkDate);

export const goldFileSchema = z.strictObject({
  article: z
    .string()
    .regex(/^[^/\\]+\.txt$/, 'must be the article file name beside the gold file (no directories), ending in .txt'),
  /** What the story is about (politics, courts, sports, ...); the report breaks scores down by it. */
  topic: z
    .string()
    .regex(/^[a-z][a-z_-]{0,39}$/, 'must be a lower-case topic word such as "politics"')
    .optional(),
  publishedAt: isoDay.nullable(),
  statements: z.array(goldStatement).max(MAX_ITEMS),
  meetings: z.array(goldMeeting).max(MAX_ITEMS),
  events: z.array(goldEvent).max(MAX_ITEMS),
  notes: z.string().max(100_000).optional(),
}) satisfies z.ZodType<GoldFile>;

function describePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(top level)';
}

/** Validates an already-parsed document; `label` names it in errors (usually its path). */
export function parseGoldFile(value: unknown, label: string): GoldFile {
  const parsed = goldFileSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 20)
      .map((issue) => `  - ${describePath(issue.path)}: ${issue.message}`);
    const more = parsed.error.issues.length > 20 ? `\n  ... and ${parsed.error.issues.length - 20} more` : '';
    throw new AppError('BAD_USER_INPUT', `Invalid gold file ${label}:\n${problems.join('\n')}${more}`);
  }
  return parsed.data;
}

export function loadGoldFile(path: string): GoldFile {
  let raw: string;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) {
      throw new AppError('BAD_USER_INPUT', `Gold file ${path} is larger than ${MAX_FILE_BYTES} bytes.`);
    }
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BAD_USER_INPUT', `Cannot read gold file ${path}: ${(error as Error).message}`, undefined, {
      cause: error,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new AppError(
      'BAD_USER_INPUT',
      `Gold file ${path} is not valid JSON: ${(error as Error).message}`,
      undefined,
      {
        cause: error,
      },
    );
  }
  return parseGoldFile(value, path);
}
