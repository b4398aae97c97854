import { type Logger, pino } from 'pino';

export type { Logger };

/** One root logger; requests and ingest runs take children of it with their own ids. */
export function createLogger(level: string, name = 'parley'): Logger {
  return pino({
    name,
    level,
    redact: { paths: ['req.headers.authorization', 'password', '*.password'], censor: '[redacted]' },
  });
}
