/**
 * Synthetic material for the ingestion benchmark: seed-like articles (statements with
 * speakers and roles, relative dates, meetings) and a bulk preload of statements, so
 * ingestion can be measured against a database that already holds a large timeline.
 */
import type { Pool } from 'pg';
import { MONTHS, WEEKDAYS } from '../extract/dates/lexicon.js';
import type { ArticleInput } from '../ingest/types.js';

const givenNames = [
  'Anna',
  'Boris',
  'Carla',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kofi',
  'Lena',
  'Marek',
  'Nadia',
  'Omar',
  'Priya',
  'Rafael',
  'Sofia',
  'Tomas',
  'Yara',
];
const surnames = [
  'Albescu',
  'Brandt',
  'Castillo',
  'Dorokhov',
  'Eriksen',
  'Ferreira',
  'Gallo',
  'Haddad',
  'Ivanova',
  'Jansen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Novak',
  'Okafor',
  'Petrov',
  'Quintero',
  'Rossi',
  'Sato',
  'Tanaka',
];
const countries = ['Russia', 'France', 'Germany', 'Japan', 'Brazil', 'Nigeria', 'India', 'Turkey', 'Poland', 'Egypt'];
const offices = ['defense minister', 'foreign minister', 'prime minister', 'interior minister', 'finance minister'];
const cities = ['Geneva', 'Vienna', 'Helsinki', 'Brussels', 'Oslo', 'Doha', 'Ankara', 'Warsaw', 'Cairo', 'Tokyo'];
const words =
  'we will not accept any agreement that ignores the security of our people and our partners must understand that dialogue remains open but pressure will continue until the talks produce real results for the region'.split(
    ' ',
  );
const weekdays = WEEKDAYS.slice(0, 5);
const months = [...MONTHS];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateArticles(count: number, seed = 42): ArticleInput[] {
  const rnd = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const person = () => `${pick(givenNames)} ${pick(surnames)}`;
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, () => pick(words));
    return `${w.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const articles: ArticleInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const date = new Date(Date.UTC(2000 + Math.floor(rnd() * 25), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 27)));
    const [a, b] = [person(), person()];
    const [ca, cb] = [pick(countries), pick(countries)];
    const office = pick(offices);
    const paragraphs = [
      `${ca} and ${cb} hold talks as tensions rise (${i})`,
      `${months[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2, '0')}, ${date.getUTCFullYear()}`,
      `${ca}'s ${office}, ${a}, said ${pick(weekdays)} that “${sentence(12 + Math.floor(rnd() * 10))} ${sentence(8)}”`,
      `“${sentence(10).slice(0, -1)},” the ${office} told reporters. “${sentence(9)}”`,
      `${a} met ${cb}'s ${pick(offices)} ${b} in ${pick(cities)} on ${pick(weekdays)}. The two are scheduled to meet again in ${pick(months)}.`,
      `${b} responded: ${sentence(14)} ${sentence(7)}`,
      `Officials said the talks in ${pick(cities)} were the first since ${2000 + Math.floor(rnd() * 20)}.`,
    ];
    articles.push({ text: paragraphs.join('\n\n') });
  }
  return articles;
}

/** Inserts `count` statements (with speakers, sources and citations) in a few set-based statements. */
export async function preloadStatements(pool: Pool, count: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`
      CREATE TEMP TABLE bench_actor ON COMMIT DROP AS
        SELECT gen_random_uuid() AS id, 'Preload Person ' || g AS name FROM generate_series(1, 2000) g;
      INSERT INTO actor (id, name, kind, updated_at) SELECT id, name, 'PERSON', now() FROM bench_actor;
      INSERT INTO actor_alias (id, actor_id, alias, normalized) SELECT gen_random_uuid(), id, name, lower(name) FROM bench_actor;
      CREATE TEMP TABLE bench_source ON COMMIT DROP AS
        SELECT gen_random_uuid() AS id, g FROM generate_series(1, ${Math.max(1, Math.ceil(count / 20))}) g;
      INSERT INTO source (id, format, raw_text, text, content_hash, fingerprint, fingerprint_bands, extractor_version)
        SELECT id, 'TEXT', 'preloaded source ' || g, 'preloaded source ' || g, md5('a' || g) || md5('b' || g), g, ARRAY[g + 1000000], 'preload' FROM bench_source;
      CREATE TEMP TABLE bench_item ON COMMIT DROP AS
        SELECT gen_random_uuid() AS id, g,
               (SELECT id FROM bench_actor OFFSET (g::bigint * 7919) % 2000 LIMIT 1) AS speaker,
               timestamptz '1995-01-01' + ((g::bigint * 104729) % 10950) * interval '1 day' AS day
        FROM generate_series(1, ${count}) g;
      INSERT INTO timeline_item (id, kind, title, date_start, date_end, date_precision, date_basis, status, speaker_id, quote, quote_mode, source_count, updated_at)
        SELECT id, 'STATEMENT', 'Preloaded statement ' || g, day, day + interval '1 day', 'DAY', 'RELATIVE', 'OCCURRED', speaker,
               'we will keep talking about issue number ' || g || ' until it is settled', 'DIRECT', 1, now()
        FROM bench_item;
      INSERT INTO participant (item_id, actor_id, role) SELECT id, speaker, 'SPEAKER' FROM bench_item;
      INSERT INTO citation (id, item_id, source_id, excerpt, quote_text)
        SELECT gen_random_uuid(), i.id, (SELECT id FROM bench_source OFFSET i.g % (SELECT count(*) FROM bench_source) LIMIT 1), 'preloaded', i.g::text
        FROM bench_item i;
    `);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
