/**
 * Before anything is timed, every server must give the same answer to the window
 * query: the same items in the same order, with the same dates, labels, participants and
 * citations. Otherwise the comparison would be between different amounts of work, so any
 * difference stops the run with the first item where they part.
 */
import type { Reply } from './load.js';
import type { ServerName } from './servers.js';

interface ComparableItem {
  id: string;
  kind: string;
  title: string;
  start: string;
  end: string;
  precision: string;
  label: string;
  participants: string[];
  citations: string[];
}

type Json = Record<string, unknown>;

export class MismatchError extends Error {
  override name = 'MismatchError';
}

function parse(server: ServerName, reply: Reply): Json {
  if (reply.status !== 200)
    throw new MismatchError(`${server} answered HTTP ${reply.status}: ${reply.body.slice(0, 500)}`);
  const json = JSON.parse(reply.body) as Json;
  if (json.errors)
    throw new MismatchError(`${server} answered with errors: ${JSON.stringify(json.errors).slice(0, 500)}`);
  return json;
}

/** The type name and row id behind Parley's base64url("Type:uuid") global id. */
function decodeId(globalId: unknown): { type: string; id: string } {
  const decoded = Buffer.from(String(globalId), 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  return { type: decoded.slice(0, colon), id: decoded.slice(colon + 1) };
}

const iso = (value: unknown) => new Date(String(value)).toISOString();

/** Parley's shape, which the bare server copies. */
function fromParley(json: Json): ComparableItem[] {
  const nodes = ((json.data as Json).timeline as Json).nodes as Json[];
  return nodes.map((node) => {
    const date = node.date as Json;
    const { type, id } = decodeId(node.id);
    return {
      id,
      // A Statement id on a MEETING would be a bug worth stopping for.
      kind: type.toUpperCase() === node.kind ? String(node.kind) : `${node.kind} with a ${type} id`,
      title: String(node.title),
      start: iso(date.start),
      end: iso(date.end),
      precision: String(date.precision),
      label: String(date.label),
      participants: (node.participants as Json[]).map((p) => {
        const actor = p.actor as Json;
        return `${p.role} ${decodeId(actor.id).id} ${actor.name}`;
      }),
      citations: (node.citations as Json[]).map((c) => {
        const source = c.source as Json;
        return `${c.excerpt} | ${source.title} | ${source.url}`;
      }),
    };
  });
}

function fromPostgraphile(json: Json): ComparableItem[] {
  const nodes = ((json.data as Json).timelineWindow as Json).nodes as Json[];
  return nodes.map((node) => ({
    id: String(node.id),
    kind: String(node.kind),
    title: String(node.title),
    start: iso(node.dateStart),
    end: iso(node.dateEnd),
    precision: String(node.datePrecision),
    label: String(node.dateLabel),
    participants: ((node.participants as Json).nodes as Json[]).map((p) => {
      const actor = p.actorByActorId as Json;
      return `${p.role} ${actor.id} ${actor.name}`;
    }),
    citations: ((node.citations as Json).nodes as Json[]).map((c) => {
      const source = c.sourceBySourceId as Json;
      return `${c.excerpt} | ${source.title} | ${source.url}`;
    }),
  }));
}

function firstDifference(a: ComparableItem[], b: ComparableItem[]): string | null {
  if (a.length !== b.length) return `${a.length} items against ${b.length}`;
  for (const [index, left] of a.entries()) {
    const right = b[index] as ComparableItem;
    for (const field of Object.keys(left) as Array<keyof ComparableItem>) {
      const l = JSON.stringify(left[field]);
      const r = JSON.stringify(right[field]);
      if (l !== r)
        return `item ${index + 1} (${left.id}) differs in ${field}: ${l.slice(0, 300)} against ${r.slice(0, 300)}`;
    }
  }
  return null;
}

/** The number of items all servers returned; throws MismatchError when they differ. */
export function checkSameWindow(replies: Record<ServerName, Reply>): number {
  const parley = fromParley(parse('parley', replies.parley));
  const others: Array<[ServerName, ComparableItem[]]> = [
    ['parley-cached', fromParley(parse('parley-cached', replies['parley-cached']))],
    ['postgraphile', fromPostgraphile(parse('postgraphile', replies.postgraphile))],
    ['bare', fromParley(parse('bare', replies.bare))],
  ];
  for (const [server, items] of others) {
    const ids = (list: ComparableItem[]) => list.map((item) => item.id).join(',');
    if (ids(parley) !== ids(items))
      throw new MismatchError(
        `parley and ${server} return different item ids for the same window: ${firstDifference(parley, items)}`,
      );
    const difference = firstDifference(parley, items);
    if (difference) throw new MismatchError(`parley and ${server} return different content: ${difference}`);
  }
  return parley.length;
}

/**
 * A test for later answers to the same request, from a checked one: no errors, and the
 * last id (or bucket start) of the checked answer present, so that a truncated or empty
 * page fails. Cheap enough to run on every response under load.
 */
export function answerCheck(
  server: string,
  checked: Reply,
): { test: (body: string) => boolean; assert: (reply: Reply) => void } {
  parse(server as ServerName, checked);
  // PostgreSQL's JSON (the bare server) puts spaces around colons.
  const values = [...checked.body.matchAll(/"(?:id|start)"\s*:\s*"([^"]+)"/g)].map((m) => m[1] as string);
  const marker = values.at(-1) ?? '"data"';
  const test = (body: string) => body.includes(marker) && !body.includes('"errors"');
  return {
    test,
    assert(reply: Reply) {
      if (reply.status !== 200 || !test(reply.body))
        throw new MismatchError(
          `${server} answered differently during the run (HTTP ${reply.status}): ${reply.body.slice(0, 300)}`,
        );
    },
  };
}
