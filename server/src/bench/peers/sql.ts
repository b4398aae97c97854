/**
 * The SQL behind the two peers Parley is measured against, written so that all three
 * servers do the same work: the same rows (Parley's overlap condition and order), the same
 * participants and citations in Parley's order, and the same derived values (global ids,
 * ISO instants, date labels) that Parley's resolvers compute in JavaScript.
 *
 * `benchApiSql` goes into the scratch database only, never into Parley's migrations: it is
 * the `bench_api` schema PostGraphile is pointed at (views over Parley's tables, the window
 * function and computed columns). `bareWindowSql` is the one statement of the bare server.
 */

/** Parley's global id, base64url("Type:uuid") without padding (see graphql/global-id.ts). */
function globalId(type: string, id: string): string {
  // 'Statement:' + a uuid is 46 bytes, so encode() never wraps the line (it does at 76 chars).
  return `translate(encode(convert_to(${type} || ':' || ${id}::text, 'UTF8'), 'base64'), '+/=', '-_')`;
}

/** Parley's DateTime scalar: ISO-8601 in UTC with milliseconds (2017-02-16T00:00:00.000Z). */
function isoInstant(value: string): string {
  return `to_char(${value} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** formatFuzzyDate (extract/dates/calendar.ts): "16 Feb 2017", "week of 13 Feb 2017", "Apr 2018", "2014". */
function dateLabel(start: string, precision: string): string {
  const utc = `(${start} AT TIME ZONE 'UTC')`;
  return `CASE ${precision}
    WHEN 'DAY' THEN to_char(${utc}, 'FMDD Mon YYYY')
    WHEN 'WEEK' THEN 'week of ' || to_char(${utc}, 'FMDD Mon YYYY')
    WHEN 'MONTH' THEN to_char(${utc}, 'Mon YYYY')
    WHEN 'YEAR' THEN to_char(${utc}, 'YYYY')
  END`;
}

/**
 * Parley's window condition (services/timeline-filter.ts): the fuzzy date [start, end)
 * overlaps [from, to). The middle term is implied by the others (no item spans more than a
 * year) and is there, as in Parley, so that the (date_start, id) index scans a short range.
 */
function windowCondition(alias: string, from: string, to: string): string {
  return `${alias}.date_end > ${from} AND ${alias}.date_start > ${from} - interval '367 days' AND ${alias}.date_start < ${to}`;
}

/** Parley's participant order (services/load-nodes.ts): role (enum order), actor name, actor id. */
const participantOrder = 'p.role, a.name, a.id';
/** Parley's citation order: oldest source first (undated last), then ingestion, then the citation. */
const citationOrder = 's.published_at ASC NULLS LAST, s.ingested_at, c.created_at, c.id';

export const BENCH_API_SCHEMA = 'bench_api';

/**
 * What PostGraphile sees. Views rather than the tables themselves, because PostGraphile only
 * finds computed columns in the schema of their table, and an API schema of views is how
 * PostGraphile is meant to be deployed anyway. Smart comments give the views the keys and
 * foreign keys PostGraphile needs to offer relations; the planner inlines the views and
 * these SQL functions, so they cost nothing at run time.
 */
export const benchApiSql = `
DROP SCHEMA IF EXISTS bench_api CASCADE;
CREATE SCHEMA bench_api;
COMMENT ON SCHEMA bench_api IS 'Parley benchmark only: the API PostGraphile serves. Never part of Parley''s migrations.';

CREATE VIEW bench_api.item AS
  SELECT id, kind::text AS kind, title, date_start, date_end, date_precision::text AS date_precision
  FROM public.timeline_item;
COMMENT ON VIEW bench_api.item IS E'@primaryKey id';

CREATE VIEW bench_api.actor AS SELECT id, name FROM public.actor;
COMMENT ON VIEW bench_api.actor IS E'@primaryKey id';

CREATE VIEW bench_api.source AS SELECT id, title, url FROM public.source;
COMMENT ON VIEW bench_api.source IS E'@primaryKey id';

CREATE VIEW bench_api.participation AS SELECT item_id, actor_id, role::text AS role FROM public.participant;
COMMENT ON VIEW bench_api.participation IS E'@foreignKey (actor_id) references bench_api.actor (id)';

CREATE VIEW bench_api.citation AS SELECT id, item_id, source_id, excerpt FROM public.citation;
COMMENT ON VIEW bench_api.citation IS E'@primaryKey id\\n@foreignKey (source_id) references bench_api.source (id)';

-- Not STRICT: PostgreSQL inlines only non-strict set-returning SQL functions, and inlining is
-- what lets the LIMIT PostGraphile adds reach the index scan.
CREATE FUNCTION bench_api.timeline_window(window_from timestamptz, window_to timestamptz)
RETURNS SETOF bench_api.item LANGUAGE sql STABLE AS $$
  SELECT i.* FROM bench_api.item i
  WHERE ${windowCondition('i', 'window_from', 'window_to')}
  ORDER BY i.date_start, i.id
$$;

CREATE FUNCTION bench_api.item_participants(it bench_api.item)
RETURNS SETOF bench_api.participation LANGUAGE sql STABLE AS $$
  SELECT p.item_id, p.actor_id, p.role::text
  FROM public.participant p JOIN public.actor a ON a.id = p.actor_id
  WHERE p.item_id = it.id
  ORDER BY ${participantOrder}
$$;

CREATE FUNCTION bench_api.item_citations(it bench_api.item)
RETURNS SETOF bench_api.citation LANGUAGE sql STABLE AS $$
  SELECT c.id, c.item_id, c.source_id, c.excerpt
  FROM public.citation c JOIN public.source s ON s.id = c.source_id
  WHERE c.item_id = it.id
  ORDER BY ${citationOrder}
$$;

CREATE FUNCTION bench_api.item_date_label(it bench_api.item)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT ${dateLabel('it.date_start', 'it.date_precision')}
$$;
`;

/**
 * The bare server's statement: PostgreSQL writes the whole response body, in the shape and
 * order of Parley's, and Node only moves the bytes. Participants and citations are read for
 * the whole page at once (one join each, as Parley's loaders do) rather than per item: per
 * item, PostgreSQL repeats the join with the actor table 200 times, which took 26 ms
 * against 15 ms for 200 items. That is as little as any server can do for this query,
 * which is what makes it the limit.
 * $1 = from, $2 = to, $3 = page size.
 */
export const bareWindowSql = `
WITH page AS (
  SELECT i.id, i.kind, i.title, i.date_start, i.date_end, i.date_precision
  FROM public.timeline_item i
  WHERE ${windowCondition('i', '$1::timestamptz', '$2::timestamptz')}
  ORDER BY i.date_start, i.id
  LIMIT $3::int
), participants AS (
  SELECT p.item_id, json_agg(json_build_object(
           'role', p.role,
           'actor', json_build_object('id', ${globalId(`'Actor'`, 'a.id')}, 'name', a.name))
         ORDER BY ${participantOrder}) AS list
  FROM page JOIN public.participant p ON p.item_id = page.id JOIN public.actor a ON a.id = p.actor_id
  GROUP BY p.item_id
), citations AS (
  SELECT c.item_id, json_agg(json_build_object(
           'excerpt', c.excerpt,
           'source', json_build_object('title', s.title, 'url', s.url))
         ORDER BY ${citationOrder}) AS list
  FROM page JOIN public.citation c ON c.item_id = page.id JOIN public.source s ON s.id = c.source_id
  GROUP BY c.item_id
)
SELECT json_build_object('data', json_build_object('timeline', json_build_object('nodes', coalesce(json_agg(
  json_build_object(
    'id', ${globalId('initcap(page.kind::text)', 'page.id')},
    'kind', page.kind,
    'title', page.title,
    'date', json_build_object(
      'start', ${isoInstant('page.date_start')},
      'end', ${isoInstant('page.date_end')},
      'precision', page.date_precision,
      'label', ${dateLabel('page.date_start', 'page.date_precision::text')}),
    'participants', coalesce(participants.list, '[]'::json),
    'citations', coalesce(citations.list, '[]'::json))
  ORDER BY page.date_start, page.id), '[]'::json))))::text AS body
FROM page
LEFT JOIN participants ON participants.item_id = page.id
LEFT JOIN citations ON citations.item_id = page.id`;
