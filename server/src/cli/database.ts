/** Opens the configured database (embedded or DATABASE_URL), migrated, for a CLI command. */
import type { Config } from '../config.js';
import { migrate, selectDatabase } from '../lib/database.js';
import { connectDb, type DbHandle } from '../lib/db.js';
import type { Logger } from '../lib/logger.js';

export async function withDatabase<T>(config: Config, logger: Logger, fn: (db: DbHandle) => Promise<T>): Promise<T> {
  const database = await selectDatabase(config, logger);
  const db = connectDb(database.url);
  try {
    await migrate(database.url, logger);
    return await fn(db);
  } finally {
    await db.close();
    await database.stop();
  }
}
