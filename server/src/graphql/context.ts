import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { type Role, roleAtLeast } from '../services/api-keys.js';
import { createNodeLoaders, type NodeLoaders } from '../services/load-nodes.js';

/** Who is asking: anonymous, or an API key with its role. */
export interface Viewer {
  keyId: string | null;
  role: Role | null;
  /** A key was presented but is unknown or revoked. */
  rejectedKey: boolean;
}

/** What every resolver receives; built per request. */
export interface GraphQLContext {
  prisma: PrismaClient;
  logger: Logger;
  requestId: string;
  /** Batched, per-request lookups by id (speakers, places, citations, ...). */
  loaders: NodeLoaders;
  viewer: Viewer;
}

export interface CreateContextOptions {
  prisma: PrismaClient;
  logger: Logger;
  requestId: string;
  viewer?: Viewer;
}

export const anonymous: Viewer = { keyId: null, role: null, rejectedKey: false };

/** A fresh context for one request: its loaders' caches die with it. */
export function createContext(options: CreateContextOptions): GraphQLContext {
  return { ...options, viewer: options.viewer ?? anonymous, loaders: createNodeLoaders(options.prisma) };
}

/** Throws UNAUTHENTICATED without a valid key, FORBIDDEN when the key's role is too low. */
export function requireRole(context: GraphQLContext, needed: Role): void {
  const { viewer } = context;
  if (viewer.rejectedKey) throw new AppError('UNAUTHENTICATED', 'The API key is unknown or revoked.');
  if (!viewer.role)
    throw new AppError(
      'UNAUTHENTICATED',
      `This operation needs an API key with the ${needed} role (Authorization: Bearer <key>).`,
    );
  if (!roleAtLeast(viewer.role, needed))
    throw new AppError('FORBIDDEN', `This operation needs the ${needed} role; this key is ${viewer.role}.`);
}
