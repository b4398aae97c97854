import { describe, expect, it } from 'vitest';
import { migrationFolderName } from '../../../server/src/cli/db-migration.js';

describe('migrationFolderName', () => {
  const now = new Date('2026-03-04T05:06:07.890Z');

  it('uses Prisma folder naming: UTC timestamp and a snake_case name', () => {
    expect(migrationFolderName('Add item links', now)).toBe('20260304050607_add_item_links');
  });

  it.each(['', '   ', '!!!', '../../etc'])('turns hostile name %j into a safe slug or a clear error', (name) => {
    let folder: string | undefined;
    try {
      folder = migrationFolderName(name, now);
    } catch (error) {
      expect((error as Error).message).toMatch(/needs a name/);
      return;
    }
    expect(folder).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });

  it('rejects absurdly long names', () => {
    expect(() => migrationFolderName('x'.repeat(300), now)).toThrow(/at most 200/);
  });
});
