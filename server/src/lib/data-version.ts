/**
 * Which version of the data this server has seen: the last number announced on
 * parley_data_changed (see the data_version migration). Response caches put it in their
 * keys, so any write, by any server or CLI on the same database, retires every cached read.
 *
 * While the listening connection is down, announcements can be missed: `current()` is then
 * null and callers must not use cached answers. It reconnects on its own.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from './logger.js';

export const DATA_CHANNEL = 'parley_data_changed';

export interface DataVersion {
  /** The version to key cached reads by; null while changes could go unnoticed. */
  current(): string | null;
  /** This process just wrote: move on at once rather than wait for the announcement. */
  bump(): void;
  close(): Promise<void>;
}

const RETRY_MS = [250, 1000, 5000];

export async function watchDataVersion(databaseUrl: string, logger: Logger): Promise<DataVersion> {
  let version: string | null = null;
  // Several databases may share one Redis: keys name the database (server address, name
  // and the sequence's oid, which differs between databases made separately) as well as
  // the version. Functions any role may call: no superuser needed.
  let database = '';
  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | undefined;

  /**
   * Opens the listening connection. Exactly one reconnect loop runs at a time: a failed
   * attempt schedules the next itself, and the 'end' of a connection is heeded only for the
   * connection in use (a refused attempt also ends, and must not start a second loop that
   * would double at every failure and leave extra LISTEN connections behind).
   */
  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: 'parley-data-version' });
    next.on('notification', (message) => {
      if (message.channel === DATA_CHANNEL && message.payload) version = `${database}:v${message.payload}`;
    });
    next.on('error', (error) => {
      logger.warn({ err: error }, 'data version listener failed; cached reads are off until it reconnects');
    });
    next.on('end', () => {
      if (client !== next) return;
      version = null;
      client = null;
      schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${DATA_CHANNEL}`);
      // The sequence's last number is the latest announced (or about to be: a transaction
      // that took it but has not committed yet would be missed until its cached reads expire,
      // at most their max-age). Every server starting now agrees on it, so a shared cache is
      // shared from the start.
      const { rows } = await next.query<{ last: string; database: string }>(
        `SELECT last_value::text AS last,
                coalesce(host(inet_server_addr()), 'socket') || ':' || coalesce(inet_server_port()::text, '')
                  || '/' || current_database() || '/' || 'parley_data_version'::regclass::oid AS database
         FROM parley_data_version`,
      );
      if (closed) throw new Error('data version listener closed while connecting');
      database = rows[0]?.database ?? '';
      version = `${database}:v${rows[0]?.last ?? '0'}`;
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    client = next;
    if (attempt > 0) logger.info({ attempts: attempt }, 'data version listener reconnected; cached reads are on again');
    attempt = 0;
  }

  function schedule(): void {
    if (closed || retry !== undefined) return;
    const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] as number;
    attempt += 1;
    retry = setTimeout(() => {
      retry = undefined;
      if (closed) return;
      connect().catch((error: unknown) => {
        if (closed) return;
        logger.warn({ err: error, attempt }, 'data version listener could not reconnect');
        schedule();
      });
    }, delay);
    retry.unref();
  }

  await connect();
  return {
    current: () => version,
    bump() {
      if (version !== null) version = `${database}:local-${randomUUID()}`;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      retry = undefined;
      const open = client;
      client = null;
      version = null;
      await open?.end().catch(() => undefined);
    },
  };
}
