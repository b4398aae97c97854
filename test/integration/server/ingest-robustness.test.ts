/**
 * Bad input gets a clear per-file result and loses nothing; a failure in the middle of
 * an article leaves nothing half-written; the same article twice creates nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../server/src/lib/db.js';
import { ingestArticle } from '../../../server/src/services/ingest-article.js';
import { ingestFiles } from '../../../server/src/services/ingest-files.js';
import { seedArticleFiles } from '../../../server/src/services/load-seeds.js';
import { openTestDb, rowCounts } from '../../support/database.js';

describe('ingestion robustness', () => {
  let db: DbHandle;
  let cleanup: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'parley-articles-'));

  beforeAll(async () => {
    ({ db, cleanup } = await openTestDb());
  });
  afterAll(async () => {
    await cleanup?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const counts = () => rowCounts(db.prisma);

  it('creates nothing when the same article is ingested twice', async () => {
    const text = readFileSync(seedArticleFiles()[2] as string, 'utf8');
    const first = await ingestArticle(db.prisma, { input: { text } });
    expect(first.alreadyIngested).toBe(false);
    expect(first.created.length).toBeGreaterThan(0);
    const before = await counts();
    const second = await ingestArticle(db.prisma, { input: { text } });
    expect(second).toMatchObject({ sourceId: first.sourceId, alreadyIngested: true, created: [], corroborated: [] });
    expect(await counts()).toEqual(before);
  });

  it('gives each hostile file a clear result and keeps going', async () => {
    const files = {
      binary: join(dir, 'garbage.txt'),
      empty: join(dir, 'empty.txt'),
      huge: join(dir, 'huge.txt'),
      scripts: join(dir, 'scripts.html'),
      good: join(dir, 'good.txt'),
    };
    writeFileSync(files.binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(files.empty, '');
    const sentence =
      'Officials met in Geneva on Monday to discuss the ceasefire, and the talks were described as constructive. ';
    writeFileSync(files.huge, `${sentence.repeat(Math.ceil((5 * 1024 * 1024) / sentence.length))}`);
    writeFileSync(
      files.scripts,
      `<html><head><script>alert(1)</script><style>p{}</style></head><body><nav>Home</nav>${'<script>document.write("x")</script>'.repeat(500)}<p>Minister Anna Lindqvist said Tuesday that “the agreement will hold if both sides keep their word.”</p></body></html>`,
    );
    writeFileSync(
      files.good,
      '“We will keep talking to everyone who wants peace,” Foreign Minister Pedro Alvarez said on Monday.\n',
    );
    const before = await counts();
    const results = await ingestFiles(db.prisma, { files: Object.values(files) });
    const byFile = new Map(results.map((r) => [r.file, r]));
    expect(byFile.get(files.binary)).toMatchObject({ ok: false });
    expect(byFile.get(files.binary)?.error).toMatch(/binary|not text|not an article/i);
    expect(byFile.get(files.empty)).toMatchObject({ ok: false });
    expect(byFile.get(files.empty)?.error).toMatch(/empty/i);
    // Longer than any path accepts (2,000,000 characters): refused whole, not cut.
    expect(byFile.get(files.huge)).toMatchObject({ ok: false });
    expect(byFile.get(files.huge)?.error).toMatch(/longer than 2,000,000 characters are refused/);
    expect(byFile.get(files.scripts)?.ok).toBe(true);
    expect(byFile.get(files.good)?.ok).toBe(true);
    const after = await counts();
    expect(after.sources).toBe(before.sources + 2);
    const scripted = await db.prisma.source.findUniqueOrThrow({
      where: { id: byFile.get(files.scripts)?.sourceId as string },
    });
    expect(scripted.text).not.toContain('alert(1)');
    expect(scripted.text).not.toContain('document.write');
  });

  it('leaves nothing half-written when an article fails in the middle', async () => {
    const before = await counts();
    const text = readFileSync(seedArticleFiles()[4] as string, 'utf8');
    await expect(
      ingestArticle(db.prisma, {
        input: { text },
        afterSourceWritten: () => {
          throw new Error('disk on fire');
        },
      }),
    ).rejects.toThrow('disk on fire');
    expect(await counts()).toEqual(before);
    // And the same article goes in cleanly afterwards.
    const retry = await ingestArticle(db.prisma, { input: { text } });
    expect(retry.alreadyIngested).toBe(false);
    expect((await counts()).sources).toBe(before.sources + 1);
  });
});
