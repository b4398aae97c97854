/**
 * API keys: random secrets shown once; only their sha256 is stored (they are long and
 * random, so a slow password hash adds nothing). Roles are ordered READER < EDITOR < ADMIN.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';

export type Role = 'READER' | 'EDITOR' | 'ADMIN';
export const roles: Role[] = ['READER', 'EDITOR', 'ADMIN'];
const rank: Record<Role, number> = { READER: 1, EDITOR: 2, ADMIN: 3 };

export const roleAtLeast = (held: Role, needed: Role): boolean => rank[held] >= rank[needed];

const KEY_PREFIX = 'pk_';
export const hashKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export interface CreatedKey {
  id: string;
  name: string;
  role: Role;
  /** The secret itself: shown once, never stored. */
  key: string;
}

export async function createApiKey(prisma: PrismaClient, options: { name: string; role: string }): Promise<CreatedKey> {
  const name = options.name.trim();
  if (!name || name.length > 100) throw new AppError('BAD_USER_INPUT', 'A key needs a name of 1 to 100 characters.');
  const role = options.role.toUpperCase();
  if (!roles.includes(role as Role))
    throw new AppError('BAD_USER_INPUT', `Role must be one of ${roles.join(', ')}, got "${options.role}".`);
  const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const row = await prisma.apiKey.create({
    data: { name, role: role as Role, keyHash: hashKey(key), prefix: key.slice(0, 8) },
    select: { id: true },
  });
  return { id: row.id, name, role: role as Role, key };
}

export async function listApiKeys(prisma: PrismaClient) {
  return prisma.apiKey.findMany({
    select: { id: true, name: true, prefix: true, role: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: 'asc' },
  });
}

export async function revokeApiKey(prisma: PrismaClient, idOrPrefix: string): Promise<{ id: string; name: string }> {
  const value = idOrPrefix.trim();
  const uuid = /^[0-9a-f-]{36}$/i.test(value);
  const matches = await prisma.apiKey.findMany({
    where: uuid ? { id: value } : { prefix: value },
    select: { id: true, name: true, revokedAt: true },
  });
  if (matches.length === 0) throw new AppError('NOT_FOUND', `No API key with id or prefix "${value}".`);
  if (matches.length > 1) throw new AppError('BAD_USER_INPUT', `Several keys start with "${value}"; give the id.`);
  const match = matches[0] as { id: string; name: string; revokedAt: Date | null };
  if (!match.revokedAt) await prisma.apiKey.update({ where: { id: match.id }, data: { revokedAt: new Date() } });
  return { id: match.id, name: match.name };
}

/** The role a presented key grants, or null for no, unknown or revoked keys. */
export async function verifyApiKey(prisma: PrismaClient, key: string): Promise<{ id: string; role: Role } | null> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null;
  const row = await prisma.apiKey.findUnique({
    where: { keyHash: hashKey(key) },
    select: { id: true, role: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  // Record use at most once a minute per key, not on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  }
  return { id: row.id, role: row.role as Role };
}
