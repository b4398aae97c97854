/**
 * An editor removes a name from an actor, matched by its normalized form. The last alias
 * stays: resolution finds actors only through their aliases.
 */
import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';
import { checkAlias } from './add-actor-alias.js';
import { type ActorRow, actorSelect } from './find-actors.js';

export interface RemoveActorAliasOptions {
  actorId: string;
  alias: string;
}

export async function removeActorAlias(prisma: PrismaClient, options: RemoveActorAliasOptions): Promise<ActorRow> {
  const { normalized } = checkAlias(options.alias);
  return prisma.$transaction(async (tx) => {
    const actor = await tx.actor.findUnique({ where: { id: options.actorId }, select: actorSelect });
    if (!actor) throw new AppError('NOT_FOUND', 'No actor has this id.');
    // Lock the actor's aliases so two removals cannot both leave it nameless.
    const aliases = await tx.$queryRaw<Array<{ normalized: string }>>`
      SELECT normalized FROM actor_alias WHERE actor_id = ${actor.id}::uuid FOR UPDATE`;
    if (!aliases.some((a) => a.normalized === normalized))
      throw new AppError('NOT_FOUND', 'The actor has no such alias.');
    if (aliases.length <= 1) throw new AppError('BAD_USER_INPUT', "An actor's last alias cannot be removed.");
    await tx.actorAlias.deleteMany({ where: { actorId: actor.id, normalized } });
    return actor;
  });
}
