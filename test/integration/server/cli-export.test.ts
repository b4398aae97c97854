/**
 * `parley export` as a user runs it: a real process over the seed corpus, to stdout and to
 * files, actors by name or id, and hostile flags (which must never leave a file behind).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_BOM } from '../../../server/src/export/csv.js';
import { toGlobalId } from '../../../server/src/graphql/global-id.js';
import { connectDb } from '../../../server/src/lib/db.js';
import { ingestArticle } from '../../../server/src/services/ingest-article.js';
import { seedArticleFiles } from '../../../server/src/services/load-seeds.js';
import { parley } from '../../support/cli.js';
import { parseCsv } from '../../support/csv.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

describe('parley export', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const ids: Record<string, string> = {};
  let datedItems = 0;
  const dir = mkdtempSync(join(tmpdir(), 'parley-export-'));

  beforeAll(async () => {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url };
    const db = connectDb(database.url);
    try {
      for (const file of seedArticleFiles())
        await ingestArticle(db.prisma, { input: { text: readFileSync(file, 'utf8') } });
      datedItems = await db.prisma.timelineItem.count({ where: { dateStart: { not: null } } });
      const gerasimov = await db.prisma.actor.findFirstOrThrow({ where: { name: { contains: 'Gerasimov' } } });
      ids.gerasimov = toGlobalId('Actor', gerasimov.id);
      const source = await db.prisma.source.findFirstOrThrow();
      ids.source = toGlobalId('Source', source.id);
    } finally {
      await db.close();
    }
  }, 120_000);

  afterAll(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Files in the output directory, temporary ones included. */
  const filesInDir = () => readdirSync(dir).sort();

  it('writes CSV to stdout: every dated item, with a summary on stderr', async () => {
    const { code, stdout, stderr } = await parley(['export', '--format', 'csv'], env);
    expect(code).toBe(0);
    expect(stdout.startsWith(CSV_BOM)).toBe(true);
    const [header, ...rows] = parseCsv(stdout.slice(CSV_BOM.length));
    expect(header?.[0]).toBe('id');
    expect(rows).toHaveLength(datedItems);
    expect(stderr).toMatch(new RegExp(`Exported ${datedItems} items as csv in \\d+\\.\\d s`));
  });

  it.each([
    ['a full name from an alias', 'Valery Gerasimov'],
    ['a surname', 'gerasimov'],
    ['an id', '{gerasimov}'],
  ])('takes --actor as %s: the two Dunford–Gerasimov meetings', async (_label, actor) => {
    const output = join(dir, `gerasimov-${actor.replace(/\W/g, '')}.json`);
    const { code, stderr } = await parley(
      [
        'export',
        '--format',
        'json',
        '--actor',
        actor.replace('{gerasimov}', ids.gerasimov as string),
        '--output',
        output,
      ],
      env,
    );
    expect(code, stderr).toBe(0);
    const body = JSON.parse(readFileSync(output, 'utf8')) as {
      filter: { actorIds: string[] };
      items: Array<{ kind: string; place: { name: string } }>;
    };
    expect(body.filter.actorIds).toEqual([ids.gerasimov]);
    expect(body.items.map((i) => [i.kind, i.place.name])).toEqual([
      ['MEETING', 'Baku'],
      ['MEETING', 'Helsinki'],
    ]);
    expect(filesInDir().filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('takes every filter, repeated actors included, and writes TimelineJS', async () => {
    const output = join(dir, 'filtered-timelinejs.json');
    const { code, stderr } = await parley(
      [
        'export',
        '--format=timelinejs',
        '--from',
        '2017-01-01',
        '--to',
        '2019-01-01T00:00:00Z',
        '--kind',
        'meeting,Statement',
        '--actor',
        'Shoigu',
        '--actor',
        'Valery Gerasimov',
        '--status',
        'occurred,scheduled',
        '--min-sources',
        '1',
        '--include-undated',
        '--output',
        output,
      ],
      env,
    );
    expect(code, stderr).toBe(0);
    const body = JSON.parse(readFileSync(output, 'utf8')) as { events: Array<{ group: string }> };
    const groups = body.events.map((e) => e.group);
    // Gerasimov's two meetings, and Shoigu's statements (said by him or naming him).
    expect(groups.filter((g) => g === 'Meeting')).toHaveLength(2);
    expect(groups.filter((g) => g === 'Statement').length).toBeGreaterThan(0);
    expect(groups.filter((g) => g !== 'Meeting' && g !== 'Statement')).toEqual([]);
  });

  it('replaces an existing file only once the export is complete', async () => {
    const output = join(dir, 'existing.csv');
    writeFileSync(output, 'old contents');
    const failed = await parley(['export', '--format', 'csv', '--actor', 'Nobody Atall', '--output', output], env);
    expect(failed.code).toBe(1);
    expect(readFileSync(output, 'utf8')).toBe('old contents');
    const done = await parley(['export', '--format', 'csv', '--output', output], env);
    expect(done.code).toBe(0);
    expect(readFileSync(output, 'utf8').startsWith(`${CSV_BOM}id,kind,title`)).toBe(true);
    expect(filesInDir().filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses an ambiguous name, listing the candidates with their ids', async () => {
    const { code, stderr } = await parley(['export', '--format', 'csv', '--actor', 'Atlantic'], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--actor: "Atlantic" matches 2 actors; give a fuller name or an id/);
    expect(stderr).toMatch(/ {2}\S+ {2}North Atlantic Alliance \(organization\)/);
    expect(stderr).toMatch(/ {2}\S+ {2}North Atlantic Treaty Organization \(organization\)/);
  });

  it('prefers the actor whose name is exactly the one given', async () => {
    // "Russia" is also part of "TASS Russian News Agency".
    const { code, stdout } = await parley(['export', '--format', 'json', '--actor', 'russia'], env);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  it.each([
    ['an unknown format', ['--format', 'xml'], /--format must be one of csv, json, timelinejs; got "xml"/],
    ['no format', [], /--format is required/],
    ['an impossible date', ['--format', 'csv', '--from', '2017-13-45'], /--from must be a date/],
    [
      'from after to',
      ['--format', 'csv', '--from', '2018-01-01', '--to', '2017-01-01'],
      /--to must be later than --from/,
    ],
    [
      'a negative --min-sources',
      ['--format', 'csv', '--min-sources=-1'],
      /--min-sources must be a whole number from 1 to 1000000; got "-1"/,
    ],
    ['--min-sources 1e9', ['--format', 'csv', '--min-sources', '1e9'], /--min-sources must be a whole number/],
    ['an unknown kind', ['--format', 'csv', '--kind', 'tweet'], /--kind must list statement, meeting, event/],
    ['an unknown status', ['--format', 'csv', '--status', 'maybe'], /--status must list occurred, scheduled/],
    ['a 600-character --q', ['--format', 'csv', '--q', 'x'.repeat(600)], /--q must be at most 500 characters/],
    [
      'a Source id as --actor',
      ['--format', 'csv', '--actor', '{source}'],
      /--actor must list Actor ids; .* is the id of a Source/,
    ],
    [
      'an unknown actor name',
      ['--format', 'csv', '--actor', 'Nobody Atall'],
      /--actor: No actor is called "Nobody Atall"/,
    ],
    ['an empty --actor', ['--format', 'csv', '--actor', ''], /--actor must not be empty/],
    ['an empty --output', ['--format', 'csv', '--output', ''], /--output must name a file/],
    ['an unknown flag', ['--format', 'csv', '--bogus'], /unknown option '--bogus'/],
    [
      'several problems at once',
      ['--format', 'pdf', '--from', 'yesterday', '--kind', 'tweet'],
      /--format must be one of[\s\S]*--from must be a date[\s\S]*--kind must list/,
    ],
  ])('refuses %s with a clear message', async (_label, flags, message) => {
    const output = join(dir, 'hostile.csv');
    const args = flags.map((f) => f.replace('{source}', ids.source as string));
    const { code, stdout, stderr } = await parley(
      ['export', ...args, ...(args.includes('--output') ? [] : ['--output', output])],
      env,
    );
    expect(code).toBe(1);
    expect(stdout + stderr).toMatch(message);
    expect(existsSync(output)).toBe(false);
    expect(filesInDir().filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports an output directory that does not exist, and leaves nothing behind', async () => {
    const output = join(dir, 'missing', 'out.csv');
    const { code, stderr } = await parley(['export', '--format', 'csv', '--output', output], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Could not write ".*out\.csv" \(ENOENT\)/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});
