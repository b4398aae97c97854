/**
 * PostGraphile 4 on a plain Node HTTP server, configured as one would run it in production
 * (no GraphiQL, no query log, no stack traces, RBAC respected, no mutations), serving the
 * `bench_api` schema that the runner installs in the scratch database (see sql.ts).
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import pg from 'pg';
import { peerSettings, servePeer } from './serve.js';
import { BENCH_API_SCHEMA } from './sql.js';

/**
 * In this monorepo npm hoists Parley's graphql 16 to the top and gives PostGraphile's
 * packages their own nested copies of graphql 15 and graphile-build, two of each. Parts of
 * PostGraphile built on different copies reject each other's types ("Cannot use
 * GraphQLScalarType from another module or realm"). A PostGraphile deployment has one copy;
 * so does this process: every require of these packages resolves from postgraphile's own
 * directory. Must run before PostGraphile is loaded, hence the dynamic import below.
 */
function loadOneCopyOf(packages: readonly string[]): void {
  const require = createRequire(import.meta.url);
  const home = dirname(require.resolve('postgraphile/package.json'));
  const Module = require('node:module') as {
    _resolveFilename: (request: string, parent: unknown, ...rest: unknown[]) => string;
    _nodeModulePaths: (dir: string) => string[];
  };
  const anchor = { id: home, filename: `${home}/index.js`, paths: Module._nodeModulePaths(home) };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (this: unknown, request, parent, ...rest) {
    const shared = packages.some((name) => request === name || request.startsWith(`${name}/`));
    return resolve.call(this, request, shared ? anchor : parent, ...rest);
  };
}

loadOneCopyOf(['graphql', 'graphile-build']);
const { postgraphile } = await import('postgraphile');

const { databaseUrl, port } = peerSettings('postgraphile-server');
// The same pool size as Parley's (lib/db.ts).
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
pool.on('error', () => undefined);

const middleware = postgraphile(pool, BENCH_API_SCHEMA, {
  graphiql: false,
  enhanceGraphiql: false,
  disableQueryLog: true,
  ignoreRBAC: false,
  ignoreIndexes: false,
  disableDefaultMutations: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  legacyRelations: 'omit',
  enableQueryBatching: false,
  watchPg: false,
  retryOnInitFail: false,
  showErrorStack: false,
  extendedErrors: [],
  enableCors: false,
  bodySizeLimit: '8MB',
});

// Introspect before listening, so that /health means "ready to answer queries" and the
// first measured request does not pay for the schema build.
await middleware.getGraphQLSchema();

servePeer(
  port,
  (req, res) => {
    middleware(req, res);
  },
  () => pool.end(),
);
