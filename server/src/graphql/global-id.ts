/**
 * Global ids: base64url("Type:uuid"), e.g. base64url("Statement:0195...") for a statement.
 * Every id the API hands out is one, so clients never see (or depend on) row ids, and
 * node(id) can tell which table to look in. Decoding is strict: anything we did not issue
 * is BAD_USER_INPUT, never a database error.
 */
import { AppError } from '../lib/errors.js';
import { isUuid, MAX_LIST_LENGTH } from '../services/pagination.js';
import type { ItemKind } from './enums.js';

/** Types whose ids node(id) resolves. */
export const nodeTypeNames = ['Statement', 'Meeting', 'Event', 'Actor', 'Place', 'Source'] as const;
export type NodeTypeName = (typeof nodeTypeNames)[number];
/** Citations are not nodes, but their ids are just as opaque. */
export type IdTypeName = NodeTypeName | 'Citation';

const idTypeNames: readonly string[] = [...nodeTypeNames, 'Citation'];
const MAX_ID_LENGTH = 100;

const itemTypeNames = { STATEMENT: 'Statement', MEETING: 'Meeting', EVENT: 'Event' } as const satisfies Record<
  ItemKind,
  NodeTypeName
>;

export function itemTypeName(kind: ItemKind): 'Statement' | 'Meeting' | 'Event' {
  return itemTypeNames[kind];
}

export function toGlobalId(type: IdTypeName, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** The type and row id behind a global id, or null when it is not one of ours. */
export function parseGlobalId(globalId: string): { type: IdTypeName; id: string } | null {
  if (globalId.length === 0 || globalId.length > MAX_ID_LENGTH || !/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (colon < 0 || !idTypeNames.includes(type) || !isUuid(id)) return null;
  return { type: type as IdTypeName, id: id.toLowerCase() };
}

/** Row ids behind a list of global ids that must all be of `type`; BAD_USER_INPUT otherwise. */
export function rowIdsOf(argument: string, type: NodeTypeName, ids: readonly string[] | null | undefined) {
  if (ids === null || ids === undefined) return undefined;
  if (ids.length > MAX_LIST_LENGTH)
    throw new AppError('BAD_USER_INPUT', `"${argument}" may list at most ${MAX_LIST_LENGTH} ids.`);
  return ids.map((globalId) => {
    const parsed = parseGlobalId(globalId);
    if (!parsed || parsed.type !== type)
      throw new AppError(
        'BAD_USER_INPUT',
        `"${argument}" must list ${type} ids; "${globalId.slice(0, 40)}" is not one.`,
      );
    return parsed.id;
  });
}

/** The row id behind one global id that must be one of `types`; BAD_USER_INPUT otherwise. */
export function rowIdOf(argument: string, types: readonly NodeTypeName[], globalId: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed || !(types as readonly string[]).includes(parsed.type))
    throw new AppError(
      'BAD_USER_INPUT',
      `"${argument}" must be ${types.length > 1 ? `one of ${types.join(', ')}` : `a ${types[0]}`} id; "${globalId.slice(0, 40)}" is not one.`,
    );
  return parsed.id;
}

/** Statement, Meeting and Event ids: the timeline items. */
export const itemTypeNamesList = ['Statement', 'Meeting', 'Event'] as const satisfies readonly NodeTypeName[];
