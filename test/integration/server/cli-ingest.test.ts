/**
 * `parley ingest` as a user runs it: a real process, real files, a real database.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedArticlesDir } from '../../../server/src/services/load-seeds.js';
import { parley } from '../../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

describe('parley ingest', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));

  beforeAll(async () => {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url };
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests a directory and prints one JSON document with a result per article', async () => {
    const { code, stdout } = await parley(['ingest', seedArticlesDir, '--json'], env);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      results: Array<{ file: string; ok: boolean; sourceId: string; created: number; corroborated: number }>;
      failed: number;
    };
    expect(report.failed).toBe(0);
    expect(report.results.map((r) => r.file.replace(/^.*\//, ''))).toEqual([
      '000_e2aef81c1bad83f6.txt',
      '001_483ecaf622e9b3d2.txt',
      '002_4853b4182f2867f2.txt',
      '003_90086c1c869f7348.txt',
      '004_2c6bc09ad78c7243.txt',
    ]);
    expect(report.results.every((r) => r.ok && r.sourceId)).toBe(true);
    expect(report.results.reduce((n, r) => n + r.corroborated, 0)).toBeGreaterThan(0);
  });

  it('reports each bad file, keeps going, and exits non-zero', async () => {
    const empty = join(dir, 'empty.txt');
    const good = join(dir, 'good.txt');
    writeFileSync(empty, '   \n');
    writeFileSync(good, '“The border will reopen next week,” Interior Minister Lena Marsh said on Tuesday.\n');
    const { code, stdout } = await parley(
      ['ingest', empty, join(dir, 'missing.txt'), good, '--published', '2020-03-05'],
      env,
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ .*empty\.txt: .*empty/i);
    expect(stdout).toMatch(/✗ .*missing\.txt: no such file/);
    expect(stdout).toMatch(/✓ .*good\.txt → source [0-9a-f-]{36}/);
    expect(stdout).toMatch(/1 ingested, 2 failed/);
  });

  it.each([
    [['--published', '2018-13-45'], /--published must be a date like 2018-06-07/],
    [['--published', 'yesterday'], /--published must be a date/],
    [['--url', 'javascript:alert(1)'], /--url must be an http\(s\) URL/],
    [['--format', 'pdf'], /--format must be text, markdown or html/],
    [['--title', ''], /--title must be 1 to 1000 characters/],
    [['--bogus'], /unknown option/],
  ])('refuses hostile flags %j with a clear message', async (flags, message) => {
    const { code, stdout, stderr } = await parley(['ingest', seedArticlesDir, ...flags], env);
    expect(code).not.toBe(0);
    expect(stdout + stderr).toMatch(message);
  });
});
