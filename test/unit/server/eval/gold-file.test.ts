import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../server/src/config.js';
import { loadGoldFile, parseGoldFile } from '../../../../server/src/eval/gold-file.js';
import { AppError } from '../../../../server/src/lib/errors.js';

const corpora = [join(repoRoot, 'prisma', 'seed', 'articles'), join(repoRoot, 'test', 'fixtures', 'devset')];
const goldPaths = corpora.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.gold.json'))
    .map((name) => join(dir, name)),
);

const valid = () => ({
  article: 'a.txt',
  publishedAt: '2018-06-07',
  statements: [
    {
      speaker: 'Jim Mattis',
      quote: 'NATO will never',
      date: '2018-06-06',
      precision: 'DAY',
      partial: false,
      optional: false,
    },
  ],
  meetings: [
    {
      participants: ['Joseph Dunford Jr.', 'Valery Gerasimov'],
      place: 'Helsinki',
      date: '2018-06-08',
      precision: 'DAY',
      status: 'SCHEDULED',
      evidence: 'Dunford is scheduled to meet Gerasimov in Helsinki on Friday.',
      optional: false,
    },
  ],
  events: [
    {
      actors: ['Russia'],
      description: 'Russia annexed Crimea',
      evidence: 'the 2014 annexation of the Crimean peninsula',
      date: '2014-01-01',
      precision: 'YEAR',
      optional: false,
    },
  ],
  notes: '',
});

type Doc = ReturnType<typeof valid>;

/** A mutation of a valid document, for the table of hostile inputs. */
const edit = (change: (doc: Doc) => void) => (doc: Doc) => {
  change(doc);
  return doc;
};

describe('the committed gold files', () => {
  it('exist', () => {
    expect(goldPaths.length).toBeGreaterThanOrEqual(17);
  });

  it.each(goldPaths.map((path) => [path.slice(repoRoot.length + 1), path]))('%s is valid', (_name, path) => {
    const gold = loadGoldFile(path);
    expect(path.endsWith(gold.article.replace(/\.txt$/, '.gold.json'))).toBe(true);
  });
});

describe('parseGoldFile', () => {
  it('accepts a well-formed document', () => {
    const gold = parseGoldFile(valid(), 'a.gold.json');
    expect(gold.statements[0]?.speaker).toBe('Jim Mattis');
    expect(gold.events[0]?.precision).toBe('YEAR');
  });

  it.each<[string, (doc: Doc) => unknown, RegExp]>([
    ['null', () => null, /\(top level\)/],
    ['an array', () => [], /\(top level\)/],
    ['a missing list', ({ statements: _, ...rest }) => rest, /statements: /],
    ['a list of the wrong type', (doc) => ({ ...doc, meetings: 'none' }), /meetings: /],
    [
      'an impossible date',
      edit((doc) => {
        doc.statements[0]!.date = '2018-02-30';
      }),
      /statements\[0\]\.date: is not a calendar date/,
    ],
    [
      'a date in another format',
      edit((doc) => {
        doc.statements[0]!.date = '06/06/2018';
      }),
      /statements\[0\]\.date: expected a date as YYYY-MM-DD/,
    ],
    [
      'an unknown precision',
      edit((doc) => {
        doc.statements[0]!.precision = 'DAILY';
      }),
      /statements\[0\]\.precision/,
    ],
    [
      'a date without precision',
      edit((doc) => {
        doc.events[0]!.precision = null as unknown as string;
      }),
      /events\[0\]\.precision: date and precision must both be null/,
    ],
    [
      'a WEEK not starting on a Monday',
      edit((doc) => {
        doc.meetings[0]!.precision = 'WEEK';
      }),
      /meetings\[0\]\.date: a WEEK date must be the start/,
    ],
    [
      'a YEAR not on 1 January',
      edit((doc) => {
        doc.events[0]!.date = '2014-03-01';
      }),
      /events\[0\]\.date: a YEAR date/,
    ],
    [
      'an empty speaker',
      edit((doc) => {
        doc.statements[0]!.speaker = '  ';
      }),
      /statements\[0\]\.speaker: must not be empty/,
    ],
    ['a misspelt key', (doc) => ({ ...doc, statments: [] }), /statments/],
    [
      'a __proto__ key',
      () => JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(valid()).slice(1)}`),
      /__proto__/,
    ],
    [
      'an article path that leaves the folder',
      (doc) => ({ ...doc, article: '../../etc/passwd.txt' }),
      /article: must be the article file name/,
    ],
    [
      'an unknown meeting status',
      edit((doc) => {
        // CANCELLED and POSTPONED are statuses now; this one is not.
        doc.meetings[0]!.status = 'ABANDONED';
      }),
      /meetings\[0\]\.status/,
    ],
    [
      'a meeting without participants',
      edit((doc) => {
        doc.meetings[0]!.participants = [];
      }),
      /meetings\[0\]\.participants: a meeting needs/,
    ],
    [
      'optional as a string',
      (doc) => ({ ...doc, events: [{ ...doc.events[0]!, optional: 'no' }] }),
      /events\[0\]\.optional/,
    ],
  ])('rejects %s with a message naming the field', (_label, mutate, message) => {
    let caught: unknown;
    try {
      parseGoldFile(mutate(valid()), 'bad.gold.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('BAD_USER_INPUT');
    expect((caught as Error).message).toMatch(/^Invalid gold file bad\.gold\.json:/);
    expect((caught as Error).message).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lists at most 20 problems', () => {
    const doc = valid();
    doc.statements = Array.from({ length: 30 }, () => ({ ...doc.statements[0]!, date: 'soon' }));
    expect(() => parseGoldFile(doc, 'x')).toThrow(/and 10 more/);
  });
});

describe('loadGoldFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-gold-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('reads a valid file', () => {
    expect(loadGoldFile(write('ok.gold.json', JSON.stringify(valid()))).article).toBe('a.txt');
  });

  it.each([
    ['not JSON', () => write('broken.gold.json', '{"article": '), /broken\.gold\.json is not valid JSON/],
    ['empty', () => write('empty.gold.json', ''), /empty\.gold\.json is not valid JSON/],
    ['missing', () => join(dir, 'absent.gold.json'), /Cannot read gold file .*absent\.gold\.json/],
    ['a directory', () => dir, /Cannot read gold file/],
    ['too large', () => write('huge.gold.json', ' '.repeat(5 * 1024 * 1024 + 1)), /larger than/],
    [
      'invalid',
      () => write('invalid.gold.json', JSON.stringify({ ...valid(), publishedAt: 'yesterday' })),
      /invalid\.gold\.json:\n.*publishedAt/,
    ],
  ])('fails clearly on a file that is %s', (_label, pathOf, message) => {
    expect(() => loadGoldFile(pathOf())).toThrow(message);
  });
});
