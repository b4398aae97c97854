/**
 * Keyset pagination shared by the find-* services: page sizes, opaque cursors and the
 * argument checks every list applies. A cursor is base64url(JSON) of the row's sort key
 * behind a tag naming the list, so a cursor from one list is refused by another and a
 * hand-made one must still name a real position (valid date, uuid, ...) to be accepted.
 */
import { AppError } from '../lib/errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** Longest free-text argument (search text) accepted. */
export const MAX_TEXT_LENGTH = 500;
/** Most entries accepted in a list argument (ids, kinds). */
export const MAX_LIST_LENGTH = 100;
/** Largest `minSources` accepted (far beyond any real item, and still a safe int4). */
export const MAX_MIN_SOURCES = 1_000_000;
/** Cursors we issue stay far below this; anything longer is not ours. */
const MAX_CURSOR_LENGTH = 1_000;

/** One page of a list, in order, plus what Relay's PageInfo needs. */
export interface Page<Row> {
  rows: Row[];
  /** cursors[i] is the position of rows[i]. */
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Rows matching the filter across all pages; runs its query on first call only. */
  totalCount(): Promise<number>;
}

export type CursorPart = string | null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Exactly what Date.prototype.toISOString() writes (the only dates our cursors hold). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** `first` checked and defaulted: 0..200, default 50. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE)
    throw new AppError('BAD_USER_INPUT', `"first" must be between 0 and ${MAX_PAGE_SIZE} (got ${first}).`);
  return first;
}

export function encodeCursor(list: string, key: readonly CursorPart[]): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

/** The parts of a cursor issued by `list`; BAD_USER_INPUT for anything else. */
export function decodeCursor(list: string, cursor: string, arity: number): CursorPart[] {
  const refuse = (): never => {
    throw new AppError('BAD_USER_INPUT', `"after" is not a cursor of this list; use a cursor this list returned.`);
  };
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== arity + 1 || parsed[0] !== list) return refuse();
  const parts = parsed.slice(1);
  // PostgreSQL text cannot hold NUL: such a part could only ever fail in the database.
  if (!parts.every((p) => p === null || (typeof p === 'string' && !p.includes('\u0000')))) refuse();
  return parts as CursorPart[];
}

/** A cursor part that must be an instant we wrote; BAD_USER_INPUT otherwise. */
export function cursorDate(part: CursorPart): Date {
  const date = typeof part === 'string' && ISO_INSTANT.test(part) ? new Date(part) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString() !== part)
    throw new AppError('BAD_USER_INPUT', `"after" is not a cursor of this list; use a cursor this list returned.`);
  return date;
}

/** A cursor part that must be a row id; BAD_USER_INPUT otherwise. */
export function cursorId(part: CursorPart): string {
  if (typeof part !== 'string' || !isUuid(part))
    throw new AppError('BAD_USER_INPUT', `"after" is not a cursor of this list; use a cursor this list returned.`);
  return part.toLowerCase();
}

/** A free-text argument: trimmed, at most 500 characters; empty means "not given". */
export function textArgument(name: string, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value.length > MAX_TEXT_LENGTH)
    throw new AppError('BAD_USER_INPUT', `"${name}" must be at most ${MAX_TEXT_LENGTH} characters.`);
  if (value.includes('\u0000')) throw new AppError('BAD_USER_INPUT', `"${name}" must not contain NUL characters.`);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A list argument: at most 100 entries, each one of `allowed` when given. */
export function listArgument<T extends string>(
  name: string,
  values: readonly string[] | null | undefined,
  allowed?: readonly T[],
): T[] | undefined {
  if (values === null || values === undefined) return undefined;
  if (values.length > MAX_LIST_LENGTH)
    throw new AppError('BAD_USER_INPUT', `"${name}" may list at most ${MAX_LIST_LENGTH} entries.`);
  if (allowed) {
    const bad = values.find((v) => !(allowed as readonly string[]).includes(v));
    if (bad !== undefined) throw new AppError('BAD_USER_INPUT', `"${name}" has an unknown value "${bad}".`);
  }
  return [...new Set(values)] as T[];
}

/** A list of row ids (already decoded from the API's global ids). */
export function idListArgument(name: string, ids: readonly string[] | null | undefined): string[] | undefined {
  const list = listArgument(name, ids);
  if (list === undefined) return undefined;
  const bad = list.find((id) => !isUuid(id));
  if (bad !== undefined) throw new AppError('BAD_USER_INPUT', `"${name}" has an id that is not a Parley id.`);
  return list.map((id) => id.toLowerCase());
}

/** Runs `run` on the first call only, and only if called: a count nobody asks for costs nothing. */
export function once<T>(run: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => {
    result ??= run();
    return result;
  };
}

/** Splits the `first + 1` rows a page query fetched into the page and hasNextPage. */
export function toPage<Row>(
  fetched: Row[],
  size: number,
  cursorOf: (row: Row) => string,
  options: { after: boolean; totalCount: () => Promise<number> },
): Page<Row> {
  const rows = fetched.slice(0, size);
  return {
    rows,
    cursors: rows.map(cursorOf),
    hasNextPage: fetched.length > size,
    hasPreviousPage: options.after,
    totalCount: once(options.totalCount),
  };
}
