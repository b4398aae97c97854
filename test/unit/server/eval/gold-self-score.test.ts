/**
 * The scorer against the committed annotations: an extraction that reproduces a gold file
 * exactly must score perfectly, whatever shared evidence or repeated names the file holds.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../server/src/config.js';
import { loadGoldFile } from '../../../../server/src/eval/gold-file.js';
import {
  type ExtractedDate,
  type ExtractedRecords,
  type GoldDated,
  type GoldFile,
  scoreArticle,
  summarize,
} from '../../../../server/src/eval/score.js';

const goldPaths = [join(repoRoot, 'prisma', 'seed', 'articles'), join(repoRoot, 'test', 'fixtures', 'devset')].flatMap(
  (dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.gold.json'))
      .map((name) => join(dir, name)),
);

const dateOf = (item: GoldDated): ExtractedDate | null =>
  item.date === null || item.precision === null ? null : { start: item.date, precision: item.precision };

/** What a perfect pipeline would store for the article, optional items included. */
function perfectExtraction(gold: GoldFile): ExtractedRecords {
  return {
    statements: gold.statements.map((s) => ({
      speakerName: s.speaker,
      speakerAliases: [],
      quote: s.quote,
      date: dateOf(s),
    })),
    meetings: gold.meetings.map((m) => ({
      participantNames: m.participants.map((p) => [p]),
      place: m.place,
      date: dateOf(m),
      status: m.status,
      excerpt: m.evidence,
    })),
    events: gold.events.map((e) => ({
      actorNames: e.actors.map((a) => [a]),
      excerpt: e.evidence,
      start: null,
      end: null,
      date: dateOf(e),
    })),
  };
}

describe('scoring a gold file against itself', () => {
  it.each(goldPaths.map((path) => [path.slice(repoRoot.length + 1), path]))('%s scores perfectly', (_name, path) => {
    const gold = loadGoldFile(path);
    const score = scoreArticle(gold, perfectExtraction(gold));
    for (const kind of ['statements', 'meetings', 'events'] as const) {
      expect({ kind, fp: score[kind].fp, fn: score[kind].fn }).toEqual({ kind, fp: 0, fn: 0 });
      expect(score[kind].dateCorrect).toBe(score[kind].dateTotal);
      // Each gold item paired with its own copy, not with a look-alike.
      for (const match of score[kind].matches)
        expect(match.extracted).toEqual(perfectExtraction(gold)[kind][gold[kind].indexOf(match.gold as never)]);
    }
  });

  it('gives 1 for every ratio over the whole corpus', () => {
    const golds = goldPaths.map(loadGoldFile);
    const summary = summarize(golds.map((gold) => scoreArticle(gold, perfectExtraction(gold))));
    expect(summary.overall).toMatchObject({ fp: 0, fn: 0, precision: 1, recall: 1, f1: 1, dateAccuracy: 1 });
    expect(summary.overall.tp).toBeGreaterThan(100);
  });
});
