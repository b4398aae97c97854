/**
 * Where cached GraphQL responses live: in this process (an LRU bounded by size) by
 * default, or in Redis when REDIS_URL is set, so that several servers share one cache.
 * Entries expire with their max-age; the data version in their keys retires them sooner.
 */
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { createClient } from 'redis';
import type { Logger } from './logger.js';

export interface ResponseCacheStore {
  cache: KeyValueCache<string>;
  description: string;
  close(): Promise<void>;
}

/** Cached responses are JSON text; 64 MB of it is thousands of timeline pages. */
const MEMORY_BYTES = 64 * 1024 * 1024;
const KEY_PREFIX = 'parley:response:';

export async function openResponseCache(redisUrl: string | undefined, logger: Logger): Promise<ResponseCacheStore> {
  if (!redisUrl) {
    return {
      cache: new InMemoryLRUCache<string>({ maxSize: MEMORY_BYTES }),
      description: 'in memory',
      close: async () => undefined,
    };
  }
  const client = createClient({
    url: redisUrl,
    // A cache must never hold a request up: fail fast and answer from the database.
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(retries * 200, 5000) },
    disableOfflineQueue: true,
  });
  client.on('error', (error: unknown) => logger.warn({ err: error }, 'Redis response cache unavailable'));
  await client.connect();
  const cache: KeyValueCache<string> = {
    async get(key) {
      try {
        return (await client.get(KEY_PREFIX + key)) ?? undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, value, options) {
      const ttl = options?.ttl;
      try {
        if (ttl && ttl > 0)
          await client.set(KEY_PREFIX + key, value, { expiration: { type: 'EX', value: Math.ceil(ttl) } });
        else await client.set(KEY_PREFIX + key, value);
      } catch {
        // Not cached this time; the next request reads the database.
      }
    },
    async delete(key) {
      try {
        await client.del(KEY_PREFIX + key);
      } catch {
        // Expires with its TTL.
      }
    },
  };
  const url = new URL(redisUrl);
  if (url.password) url.password = '***';
  return {
    cache,
    description: `Redis at ${url.host}`,
    close: async () => {
      await client.quit().catch(() => undefined);
    },
  };
}
