/**
 * What is asked of the servers: the GraphQL documents (quoted verbatim in
 * docs/benchmarks.md, which is generated from these constants) and the HTTP requests that
 * carry them.
 */
import type { RequestSpec } from './load.js';
import type { ServerName } from './servers.js';

/** Page size of the window query: Parley's largest page. */
export const WINDOW_PAGE = 200;
/** Page size of the search and actor pages. */
export const SMALL_PAGE = 50;
/** A word of the synthetic data's event titles ("... imposed sanctions on ..."). */
export const SEARCH_TEXT = 'sanctions';

// The fields the explorer's timeline and detail panel need of an item. Parley has no
// "first citation only" field, so every citation is asked for (one to three per synthetic
// item), and the peers return every citation too, so that all three send the same data.
const itemFields = `id
      kind
      title
      date { start end precision label }
      participants { role actor { id name } }
      citations { excerpt source { title url } }`;

export const parleyWindowQuery = `query TimelineWindow($from: DateTime!, $to: DateTime!, $first: Int!) {
  timeline(filter: { from: $from, to: $to }, first: $first) {
    nodes {
      ${itemFields}
    }
  }
}`;

/** The same page through PostGraphile's reflection of the bench_api schema (peers/sql.ts). */
export const postgraphileWindowQuery = `query TimelineWindow($from: Datetime!, $to: Datetime!, $first: Int!) {
  timelineWindow(windowFrom: $from, windowTo: $to, first: $first) {
    nodes {
      id
      kind
      title
      dateStart
      dateEnd
      datePrecision
      dateLabel
      participants { nodes { role actorByActorId { id name } } }
      citations { nodes { excerpt sourceBySourceId { title url } } }
    }
  }
}`;

export const parleyBucketsQuery = `query Overview {
  timelineBuckets(unit: MONTH) { start end count countsByKind { kind count } }
}`;

export const parleySearchQuery = `query Search($text: String!, $first: Int!) {
  timeline(filter: { text: $text }, first: $first) {
    nodes {
      ${itemFields}
    }
  }
}`;

export const parleyActorQuery = `query ActorPage($id: ID!, $first: Int!) {
  node(id: $id) {
    ... on Actor {
      id
      name
      items(first: $first) {
        nodes {
          ${itemFields.replaceAll('\n      ', '\n          ')}
        }
      }
    }
  }
}`;

export type WorkloadName = 'window' | 'buckets' | 'search' | 'actor';

/** Rows of Parley alone run on the cache-off instance: they measure the work, not the cache. */
export interface Workload {
  /** Stable key of the row, e.g. parley-window-get. */
  key: string;
  server: ServerName;
  workload: WorkloadName;
  method: 'GET' | 'POST';
  label: string;
  spec: RequestSpec;
}

function post(baseUrl: string, query: string, variables: Record<string, unknown>): RequestSpec {
  return {
    method: 'POST',
    url: `${baseUrl}/graphql`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  };
}

/**
 * A GET as a browser or CDN-friendly client sends it. Apollo's CSRF prevention wants a
 * header that a simple cross-site request cannot carry; urql and Apollo Client send one.
 */
function get(baseUrl: string, query: string, variables: Record<string, unknown>): RequestSpec {
  const search = new URLSearchParams({ query, variables: JSON.stringify(variables) });
  return {
    method: 'GET',
    url: `${baseUrl}/graphql?${search}`,
    headers: { 'apollo-require-preflight': 'true' },
  };
}

export interface WorkloadInputs {
  baseUrls: Record<ServerName, string>;
  window: { from: string; to: string };
  /** Parley's global id of the actor with the most items. */
  busyActorId: string;
}

export function workloads({ baseUrls, window, busyActorId }: WorkloadInputs): Workload[] {
  const windowVariables = { from: window.from, to: window.to, first: WINDOW_PAGE };
  return [
    {
      key: 'parley-window-post',
      server: 'parley',
      workload: 'window',
      method: 'POST',
      label: 'Parley, POST, response cache off',
      spec: post(baseUrls.parley, parleyWindowQuery, windowVariables),
    },
    {
      key: 'parley-cached-window-post',
      server: 'parley-cached',
      workload: 'window',
      method: 'POST',
      label: 'Parley, POST, response cache on (default)',
      spec: post(baseUrls['parley-cached'], parleyWindowQuery, windowVariables),
    },
    {
      key: 'parley-cached-window-get',
      server: 'parley-cached',
      workload: 'window',
      method: 'GET',
      label: 'Parley, GET, response cache on (default)',
      spec: get(baseUrls['parley-cached'], parleyWindowQuery, windowVariables),
    },
    {
      key: 'postgraphile-window-post',
      server: 'postgraphile',
      workload: 'window',
      method: 'POST',
      label: 'PostGraphile 4, POST',
      spec: post(baseUrls.postgraphile, postgraphileWindowQuery, windowVariables),
    },
    {
      key: 'bare-window-post',
      server: 'bare',
      workload: 'window',
      method: 'POST',
      label: 'bare node+pg, POST',
      spec: post(baseUrls.bare, parleyWindowQuery, windowVariables),
    },
    {
      key: 'parley-buckets-post',
      server: 'parley',
      workload: 'buckets',
      method: 'POST',
      label: 'timelineBuckets(unit: MONTH), all',
      spec: post(baseUrls.parley, parleyBucketsQuery, {}),
    },
    {
      key: 'parley-search-post',
      server: 'parley',
      workload: 'search',
      method: 'POST',
      label: `timeline(text: "${SEARCH_TEXT}", first: ${SMALL_PAGE})`,
      spec: post(baseUrls.parley, parleySearchQuery, { text: SEARCH_TEXT, first: SMALL_PAGE }),
    },
    {
      key: 'parley-actor-post',
      server: 'parley',
      workload: 'actor',
      method: 'POST',
      label: `Actor.items(first: ${SMALL_PAGE}), busiest actor`,
      spec: post(baseUrls.parley, parleyActorQuery, { id: busyActorId, first: SMALL_PAGE }),
    },
  ];
}
