/** An editor adds a name an actor goes by; adding a name it already has changes nothing. */
import { normalizeAlias } from '../extract/names.js';
import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';
import { type ActorRow, actorSelect } from './find-actors.js';
import { MAX_TEXT_LENGTH } from './pagination.js';

export interface AddActorAliasOptions {
  actorId: string;
  alias: string;
}

/** The alias as stored and its normalized form; BAD_USER_INPUT when nothing of a name is left. */
export function checkAlias(alias: string): { alias: string; normalized: string } {
  const trimmed = alias.trim();
  if (trimmed.length > MAX_TEXT_LENGTH)
    throw new AppError('BAD_USER_INPUT', `"alias" must be at most ${MAX_TEXT_LENGTH} characters.`);
  const normalized = normalizeAlias(trimmed);
  if (!normalized) throw new AppError('BAD_USER_INPUT', '"alias" must contain a name.');
  return { alias: trimmed, normalized };
}

export async function addActorAlias(prisma: PrismaClient, options: AddActorAliasOptions): Promise<ActorRow> {
  const { alias, normalized } = checkAlias(options.alias);
  return prisma.$transaction(async (tx) => {
    const actor = await tx.actor.findUnique({ where: { id: options.actorId }, select: actorSelect });
    if (!actor) throw new AppError('NOT_FOUND', 'No actor has this id.');
    await tx.actorAlias.createMany({ data: [{ actorId: actor.id, alias, normalized }], skipDuplicates: true });
    return actor;
  });
}
