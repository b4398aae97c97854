/**
 * Parley assembled: database (embedded or external) -> migrations -> schema -> HTTP.
 * main.ts runs it as a process; integration tests run it in-process on a random port.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Config } from './config.js';
import { createSchema } from './graphql/schema.js';
import { startHttpServer } from './http/server.js';
import { type DataVersion, watchDataVersion } from './lib/data-version.js';
import { migrate, selectDatabase } from './lib/database.js';
import { connectDb, type DbHandle } from './lib/db.js';
import type { Logger } from './lib/logger.js';
import { openResponseCache, type ResponseCacheStore } from './lib/response-cache.js';
import { loadSeedsIfEmpty } from './services/load-seeds.js';

export interface RunningParley {
  url: string;
  databaseUrl: string;
  db: DbHandle;
  /** Drains HTTP, closes the pool, stops an embedded PostgreSQL. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A request in flight when the drain starts came on a keep-alive connection; once its
 * response is sent, Node would hold that connection open for keepAliveTimeout (and the
 * stop with it, eating the force-exit budget in main.ts). Close it as soon as it is idle.
 */
function closeKeepAliveWhenDrained(server: Server, draining: () => boolean): void {
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    res.on('finish', () => {
      if (draining()) setImmediate(() => server.closeIdleConnections());
    });
  });
}

export async function startParley(config: Config, logger: Logger): Promise<RunningParley> {
  const database = await selectDatabase(config, logger);
  let db: DbHandle | undefined;
  // Listeners and caches opened along the way, closed in reverse on stop or failure.
  const opened: Array<() => Promise<void>> = [];
  let responseCache: { store: ResponseCacheStore; dataVersion: DataVersion } | undefined;
  try {
    await migrate(database.url, logger);
    db = connectDb(database.url);
    if (config.loadSeeds) await loadSeedsIfEmpty(db.prisma, logger);
    const schema = await createSchema();
    if (config.responseCache && config.publicMaxAge > 0) {
      const store = await openResponseCache(config.redisUrl, logger);
      opened.push(store.close);
      const dataVersion = await watchDataVersion(database.url, logger);
      opened.push(dataVersion.close);
      responseCache = { store, dataVersion };
      logger.info({ cache: store.description, maxAge: config.publicMaxAge }, 'caching public reads');
    }
    const http = await startHttpServer(
      {
        schema,
        db,
        logger,
        publicRead: config.publicRead,
        corsOrigins: config.corsOrigins,
        introspection: config.introspection,
        playground: config.playground,
        limits: { maxDepth: config.maxQueryDepth, maxAliases: 30, maxComplexity: config.maxQueryComplexity },
        publicMaxAge: config.publicMaxAge,
        rateLimit: config.rateLimit,
        ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
        ...(responseCache ? { responseCache } : {}),
      },
      { host: config.host, port: config.port },
    );
    logger.info(
      { url: http.url, graphql: `${http.url}/graphql`, database: database.description },
      'Parley is listening',
    );
    const openDb = db;
    let stopping: Promise<void> | undefined;
    closeKeepAliveWhenDrained(http.server, () => stopping !== undefined);
    return {
      url: http.url,
      databaseUrl: database.url,
      db: openDb,
      stop() {
        stopping ??= (async () => {
          await http.close();
          for (const close of opened.reverse()) await close();
          await openDb.close();
          await database.stop();
        })();
        return stopping;
      },
    };
  } catch (error) {
    for (const close of opened.reverse()) await close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    throw error;
  }
}
