/**
 * Request rate limits for the API (/graphql and /export): a budget per minute for each
 * API key, and a smaller one for each client address without a key. Every answer carries
 * the IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers, the separate
 * RateLimit-Limit / -Remaining / -Reset form that most clients read) so well-behaved
 * clients can pace themselves; a refusal is 429 with Retry-After.
 *
 * Counters live in this process, or in Redis when REDIS_URL is set so that several servers
 * share one budget. If Redis stops answering, each process falls back to its own counters
 * rather than refusing or waving everything through.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import type { Logger } from '../lib/logger.js';

export interface RateLimitSettings {
  /** Requests per minute for each client address without a valid key; 0 = no limit. */
  anonymousPerMinute: number;
  /** Requests per minute for each API key; 0 = no limit. */
  keyedPerMinute: number;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

export interface RequestRateLimiter {
  /** Spends one request of the caller's budget; null when this caller has no limit. */
  consume(req: IncomingMessage, keyId: string | null): Promise<RateLimitDecision | null>;
  description: string;
  close(): Promise<void>;
}

const WINDOW_SECONDS = 60;

/** The address a request came from: the socket's, or the first X-Forwarded-For hop when trusted. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

type Limiter = RateLimiterMemory | RateLimiterRedis;

function decision(limit: number, res: RateLimiterRes, allowed: boolean): RateLimitDecision {
  return {
    allowed,
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

export async function createRateLimiter(
  settings: RateLimitSettings,
  redisUrl: string | undefined,
  logger: Logger,
): Promise<RequestRateLimiter> {
  let redis: ReturnType<typeof createClient> | undefined;
  if (redisUrl && (settings.anonymousPerMinute > 0 || settings.keyedPerMinute > 0)) {
    redis = createClient({
      url: redisUrl,
      socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(retries * 200, 5000) },
      disableOfflineQueue: true,
    });
    redis.on('error', (error: unknown) => logger.warn({ err: error }, 'Redis rate-limit store unavailable'));
    await redis.connect();
  }
  const build = (points: number, prefix: string): Limiter | null => {
    if (points <= 0) return null;
    const memory = new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix: prefix });
    if (!redis) return memory;
    return new RateLimiterRedis({
      storeClient: redis,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      points,
      duration: WINDOW_SECONDS,
      keyPrefix: `parley:ratelimit:${prefix}`,
      // Counts locally while Redis is away.
      insuranceLimiter: memory,
    });
  };
  const byAddress = build(settings.anonymousPerMinute, 'address');
  const byKey = build(settings.keyedPerMinute, 'key');

  return {
    description: `${settings.anonymousPerMinute || 'unlimited'}/min per address, ${
      settings.keyedPerMinute || 'unlimited'
    }/min per key, ${redis ? 'shared in Redis' : 'in memory'}`,
    async consume(req, keyId) {
      const limiter = keyId ? byKey : byAddress;
      if (!limiter) return null;
      const subject = keyId ?? clientAddress(req, settings.trustProxy);
      try {
        return decision(limiter.points, await limiter.consume(subject), true);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return decision(limiter.points, rejection, false);
        // The store failed and had no fallback: let the request through rather than fail it.
        logger.warn({ err: rejection }, 'rate limit not checked');
        return null;
      }
    },
    async close() {
      await redis?.quit().catch(() => undefined);
    },
  };
}

/** The RateLimit header fields for a decision, and Retry-After when it refuses. */
export function applyRateLimitHeaders(res: ServerResponse, limit: RateLimitDecision): void {
  res.setHeader('ratelimit-limit', String(limit.limit));
  res.setHeader('ratelimit-remaining', String(limit.remaining));
  res.setHeader('ratelimit-reset', String(limit.resetSeconds));
  res.setHeader('ratelimit-policy', `${limit.limit};w=${WINDOW_SECONDS}`);
  if (!limit.allowed) res.setHeader('retry-after', String(limit.resetSeconds));
}
