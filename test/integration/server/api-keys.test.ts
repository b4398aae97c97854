import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../server/src/lib/db.js';
import {
  createApiKey,
  hashKey,
  listApiKeys,
  revokeApiKey,
  roleAtLeast,
  verifyApiKey,
} from '../../../server/src/services/api-keys.js';
import { parley } from '../../support/cli.js';
import { openTestDb } from '../../support/database.js';

describe('API keys', () => {
  let db: DbHandle;
  let cleanup: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    const opened = await openTestDb();
    ({ db, cleanup } = opened);
    url = opened.database.url;
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it('stores only a hash, verifies the key, and stops accepting it once revoked', async () => {
    const created = await createApiKey(db.prisma, { name: 'newsroom', role: 'editor' });
    expect(created.role).toBe('EDITOR');
    const stored = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.keyHash).toBe(hashKey(created.key));
    expect(JSON.stringify(stored)).not.toContain(created.key);
    expect(await verifyApiKey(db.prisma, created.key)).toEqual({ id: created.id, role: 'EDITOR' });
    expect(await verifyApiKey(db.prisma, `${created.key}x`)).toBeNull();
    expect(await verifyApiKey(db.prisma, '')).toBeNull();
    await revokeApiKey(db.prisma, created.id);
    expect(await verifyApiKey(db.prisma, created.key)).toBeNull();
    expect((await listApiKeys(db.prisma)).find((k) => k.id === created.id)?.revokedAt).not.toBeNull();
  });

  it('orders roles READER < EDITOR < ADMIN', () => {
    expect(roleAtLeast('ADMIN', 'EDITOR')).toBe(true);
    expect(roleAtLeast('EDITOR', 'EDITOR')).toBe(true);
    expect(roleAtLeast('READER', 'EDITOR')).toBe(false);
  });

  it.each([
    [{ name: '', role: 'EDITOR' }, /name of 1 to 100/],
    [{ name: 'x'.repeat(101), role: 'EDITOR' }, /name of 1 to 100/],
    [{ name: 'ok', role: 'ROOT' }, /Role must be one of READER, EDITOR, ADMIN/],
    [{ name: 'ok', role: "EDITOR'; DROP TABLE api_key;--" }, /Role must be one of/],
  ])('refuses %o', async (options, message) => {
    await expect(createApiKey(db.prisma, options)).rejects.toThrow(message);
  });

  it('works from the CLI: create prints the key once, list hides it, revoke by prefix', async () => {
    const env = { DATABASE_URL: url };
    const created = await parley(['keys', 'create', '--role', 'ADMIN', '--name', 'cli test'], env);
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^pk_[A-Za-z0-9_-]{32}$/);
    const listed = await parley(['keys', 'list'], env);
    expect(listed.stdout).toContain('cli test');
    expect(listed.stdout).not.toContain(key);
    const revoked = await parley(['keys', 'revoke', key.slice(0, 8)], env);
    expect(revoked.code).toBe(0);
    expect(await verifyApiKey(db.prisma, key)).toBeNull();
    const bad = await parley(['keys', 'create', '--role', 'GOD', '--name', 'x'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Role must be one of/);
  });
});
