/**
 * The bare limit: a Node HTTP server that answers the timeline window query with one
 * prepared statement and hands PostgreSQL's JSON to the socket untouched. No GraphQL, no
 * validation beyond the three variables, no per-field work in JavaScript: what is left is
 * the cost of the data itself, which no server can go below.
 *
 * It accepts the same POST body as the other two servers ({query, variables}), ignores
 * the query text and reads variables.from, variables.to and variables.first.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import { peerSettings, servePeer } from './serve.js';
import { bareWindowSql } from './sql.js';

const { databaseUrl, port } = peerSettings('bare-server');
// The same pool size as Parley's (lib/db.ts), so neither side has more connections to spend.
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
pool.on('error', () => undefined);

function reply(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The three variables, or null when the request is not the window query's shape. */
function windowVariables(raw: string): [string, string, number] | null {
  try {
    const { variables } = JSON.parse(raw) as { variables?: { from?: unknown; to?: unknown; first?: unknown } };
    const { from, to, first } = variables ?? {};
    if (typeof from !== 'string' || typeof to !== 'string' || typeof first !== 'number') return null;
    return [from, to, first];
  } catch {
    return null;
  }
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST' || req.url !== '/graphql') {
    reply(res, 404, '{"errors":[{"message":"POST /graphql only"}]}');
    return;
  }
  const values = windowVariables(await readBody(req));
  if (!values) {
    reply(res, 400, '{"errors":[{"message":"expected variables from, to and first"}]}');
    return;
  }
  // A named statement is parsed and planned once per connection, as a careful hand-written
  // server would do it.
  const result = await pool.query<{ body: string }>({ name: 'timeline-window', text: bareWindowSql, values });
  reply(res, 200, result.rows[0]?.body ?? '{"data":{"timeline":{"nodes":[]}}}');
}

servePeer(
  port,
  (req, res) => {
    handle(req, res).catch((error: unknown) => {
      process.stderr.write(`bare-server: ${(error as Error).message}\n`);
      if (!res.headersSent) reply(res, 500, '{"errors":[{"message":"internal error"}]}');
      else res.destroy();
    });
  },
  () => pool.end(),
);
