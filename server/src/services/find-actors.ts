/**
 * One page of actors in name order (then id), optionally of one kind and matching a
 * partial name: the search text is looked for in the actor's name and, normalized the way
 * aliases are stored ("Gen. Valery Gerasimov" -> "valery gerasimov"), in its aliases.
 */

import { normalizeAlias } from '../extract/names.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { ActorKind } from '../generated/prisma/enums.js';
import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';
import { cursorId, decodeCursor, encodeCursor, type Page, pageSize, textArgument, toPage } from './pagination.js';

export const actorKinds = ['PERSON', 'ORGANIZATION', 'COUNTRY'] as const satisfies readonly ActorKind[];

export interface FindActorsOptions {
  search?: string | null;
  kind?: string | null;
  first?: number | null;
  after?: string | null;
}

export const actorSelect = { id: true, name: true, kind: true, description: true, affiliationId: true } as const;
export type ActorRow = Prisma.ActorGetPayload<{ select: typeof actorSelect }>;

const CURSOR_LIST = 'actors';
const MAX_NAME_LENGTH = 1_000;

/** LIKE treats % and _ as wildcards, and Prisma's `contains` passes them through. */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function cursorOf(row: ActorRow): string {
  return encodeCursor(CURSOR_LIST, [row.name, row.id]);
}

function afterCondition(after: string): Prisma.ActorWhereInput {
  const [name, id] = decodeCursor(CURSOR_LIST, after, 2);
  if (typeof name !== 'string' || name.length > MAX_NAME_LENGTH)
    throw new AppError('BAD_USER_INPUT', `"after" is not a cursor of this list; use a cursor this list returned.`);
  const afterId = cursorId(id ?? null);
  return { OR: [{ name: { gt: name } }, { name, id: { gt: afterId } }] };
}

export async function findActors(prisma: PrismaClient, options: FindActorsOptions): Promise<Page<ActorRow>> {
  const size = pageSize(options.first);
  const search = textArgument('search', options.search);
  const kind = options.kind ?? undefined;
  if (kind !== undefined && !(actorKinds as readonly string[]).includes(kind))
    throw new AppError('BAD_USER_INPUT', `Unknown actor kind "${kind}".`);

  const matches: Prisma.ActorWhereInput[] = [];
  if (search !== undefined) {
    const alias = normalizeAlias(search);
    matches.push({ name: { contains: literal(search), mode: 'insensitive' } });
    if (alias !== '') matches.push({ aliases: { some: { normalized: { contains: literal(alias) } } } });
  }
  const where: Prisma.ActorWhereInput = {
    ...(kind ? { kind: kind as ActorKind } : {}),
    ...(matches.length > 0 ? { OR: matches } : {}),
  };
  const hasAfter = options.after !== null && options.after !== undefined;
  const fetched = await prisma.actor.findMany({
    where: hasAfter ? { AND: [where, afterCondition(options.after as string)] } : where,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: size + 1,
    select: actorSelect,
  });
  return toPage(fetched, size, cursorOf, { after: hasAfter, totalCount: () => prisma.actor.count({ where }) });
}
