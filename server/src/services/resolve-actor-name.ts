/**
 * One actor from a name a person typed ("Gerasimov", "Valery Gerasimov", "NATO"): the actors
 * find-actors matches by name or alias; an actor whose name or one of whose aliases is
 * exactly the name wins over partial matches. Unknown and ambiguous names are refused with
 * the candidates listed, never guessed.
 */
import { normalizeAlias } from '../extract/names.js';
import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';
import { type ActorRow, findActors } from './find-actors.js';

/** Candidates shown when a name is ambiguous. */
const MAX_CANDIDATES = 20;

export interface ResolveActorNameOptions {
  name: string;
}

export async function resolveActorName(prisma: PrismaClient, { name }: ResolveActorNameOptions): Promise<ActorRow> {
  if (name.trim() === '') throw new AppError('BAD_USER_INPUT', 'An actor name must not be empty.');
  const page = await findActors(prisma, { search: name, first: MAX_CANDIDATES });
  const candidates = page.rows;
  if (candidates.length === 0) throw new AppError('NOT_FOUND', `No actor is called "${name.trim()}".`);

  const wanted = normalizeAlias(name);
  const lower = name.trim().toLowerCase();
  const aliases = await prisma.actorAlias.findMany({
    where: { actorId: { in: candidates.map((c) => c.id) }, normalized: wanted },
    select: { actorId: true },
  });
  const aliased = new Set(aliases.map((a) => a.actorId));
  const exact = candidates.filter((c) => c.name.toLowerCase() === lower || aliased.has(c.id));
  if (exact.length === 1) return exact[0] as ActorRow;
  if (exact.length === 0 && candidates.length === 1) return candidates[0] as ActorRow;
  const ambiguous = exact.length > 1 ? exact : candidates;
  const more = exact.length <= 1 && page.hasNextPage ? ' or more' : '';
  throw new AppError(
    'BAD_USER_INPUT',
    `"${name.trim()}" matches ${ambiguous.length}${more} actors; give a fuller name or an id.`,
    { candidates: ambiguous.map((a) => ({ id: a.id, name: a.name, kind: a.kind })) },
  );
}
