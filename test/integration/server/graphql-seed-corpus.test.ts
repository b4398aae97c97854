/**
 * The read API over the seed corpus, ingested the way articles really arrive
 * (ingestArticle), including the request the README's readers are shown first.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../../server/src/app.js';
import { ingestArticle } from '../../../server/src/services/ingest-article.js';
import { seedArticleFiles } from '../../../server/src/services/load-seeds.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql, startTestParley } from '../../support/parley.js';

let database: TestDatabase;
let parley: RunningParley;

beforeAll(async () => {
  database = await createTestDatabase();
  parley = await startTestParley(database.url);
  for (const file of seedArticleFiles())
    await ingestArticle(parley.db.prisma, { input: { text: readFileSync(file, 'utf8') } });
}, 120_000);

afterAll(async () => {
  await parley?.stop();
  await database?.drop();
});

interface StatementNode {
  title: string;
  date: { label: string; precision: string } | null;
  quote: string;
  speaker: { name: string };
  variants: Array<{ text: string; citation: { source: { publisher: string | null } } }>;
}

describe('the seed timeline over HTTP', () => {
  it('answers the first five statements with their speaker and every source’s wording', async () => {
    // Byte for byte the request of: curl -s localhost:4000/graphql -H 'content-type: application/json' -d '...'
    const body =
      '{"query":"{ timeline(first: 5, filter: {kinds: [STATEMENT]}) { totalCount nodes { title date { label precision } ... on Statement { quote speaker { name } variants { text citation { source { publisher } } } } } } }"}';
    const response = await fetch(`${parley.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
    const json = (await response.json()) as {
      data?: { timeline: { totalCount: number; nodes: StatementNode[] } };
      errors?: unknown;
    };
    expect(json.errors).toBeUndefined();
    const { totalCount, nodes } = json.data?.timeline ?? { totalCount: 0, nodes: [] };

    const stored = await parley.db.prisma.timelineItem.findMany({
      where: { kind: 'STATEMENT', dateStart: { not: null } },
      orderBy: [{ dateStart: 'asc' }, { id: 'asc' }],
      include: { citations: { select: { quoteText: true } }, speaker: true },
    });
    expect(stored.length).toBeGreaterThan(5);
    expect(totalCount).toBe(stored.length);
    expect(nodes.map((n) => n.title)).toEqual(stored.slice(0, 5).map((s) => s.title));
    for (const [i, node] of nodes.entries()) {
      const item = stored[i];
      expect(node.quote).toBe(item?.quote);
      expect(node.speaker.name).toBe(item?.speaker?.name);
      expect(node.date?.label).toMatch(/^(\d{1,2} [A-Z][a-z]{2} \d{4}|[A-Z][a-z]{2} \d{4}|\d{4}|week of .+)$/);
      expect(['DAY', 'WEEK', 'MONTH', 'YEAR']).toContain(node.date?.precision);
      expect(node.variants.length).toBeGreaterThan(0);
      for (const variant of node.variants) {
        expect(item?.citations.map((c) => c.quoteText)).toContain(variant.text);
        expect(variant.citation.source).toHaveProperty('publisher');
      }
    }
  });

  it('gives the Mattis remark reported by three articles one statement with three sources', async () => {
    const { body } = await graphql<{
      timeline: { nodes: Array<StatementNode & { sourceCount: number; citations: Array<{ source: { id: string } }> }> };
    }>(
      parley.url,
      `{ timeline(filter: {kinds: [STATEMENT], text: "\\"collaborate on a military level\\""}) {
          nodes { title sourceCount date { label precision } citations { source { id } }
            ... on Statement { quote speaker { name } variants { text citation { source { publisher } } } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const [remark, ...others] = body.data?.timeline.nodes ?? [];
    expect(others).toEqual([]);
    expect(remark?.speaker.name).toMatch(/Mattis/);
    expect(remark?.date).toEqual({ label: '16 Feb 2017', precision: 'DAY' });
    expect(remark?.sourceCount).toBe(3);
    expect(new Set(remark?.citations.map((c) => c.source.id)).size).toBe(3);
    expect(remark?.variants.length).toBeGreaterThanOrEqual(2);
  });

  it('finds both Dunford-Gerasimov meetings by part of a name, with their places', async () => {
    const { body } = await graphql<{
      timeline: { nodes: Array<{ __typename: string; status: string; place: { name: string } | null }> };
    }>(
      parley.url,
      '{ timeline(filter: {text: "gerasim", kinds: [MEETING]}) { nodes { __typename status place { name } } } }',
    );
    expect(body.data?.timeline.nodes).toEqual([
      { __typename: 'Meeting', status: 'OCCURRED', place: { name: 'Baku' } },
      { __typename: 'Meeting', status: 'SCHEDULED', place: { name: 'Helsinki' } },
    ]);
  });

  it('reaches an actor’s items from actors(search)', async () => {
    const { body } = await graphql<{
      actors: { nodes: Array<{ name: string; items: { totalCount: number; nodes: Array<{ __typename: string }> } }> };
    }>(parley.url, '{ actors(search: "shoigu") { nodes { name items { totalCount nodes { __typename } } } } }');
    const [shoigu] = body.data?.actors.nodes ?? [];
    expect(shoigu?.name).toBe('Sergey Shoigu');
    expect(shoigu?.items.totalCount).toBeGreaterThan(0);
  });

  it('shows copies and undated sources with their warnings', async () => {
    const { body } = await graphql<{
      sources: {
        totalCount: number;
        nodes: Array<{ duplicateOf: { id: string } | null; publishedAt: unknown; warnings: Array<{ code: string }> }>;
      };
    }>(parley.url, '{ sources { totalCount nodes { duplicateOf { id } publishedAt { label } warnings { code } } } }');
    expect(body.data?.sources.totalCount).toBe(5);
    const nodes = body.data?.sources.nodes ?? [];
    expect(nodes.filter((s) => s.duplicateOf)).toHaveLength(1);
    for (const s of nodes.filter((n) => n.publishedAt === null && !n.duplicateOf))
      expect(s.warnings.map((w) => w.code)).toContain('UNDATED');
  });
});
