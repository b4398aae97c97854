/**
 * What both peer processes share: where to listen and which database to use (from the
 * environment, as Parley takes them), /health for the runner to wait on, and a clean stop
 * on SIGTERM so that the runner can drop the scratch database right after.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface PeerSettings {
  databaseUrl: string;
  port: number;
}

/** A peer is started only by the bench runner; anything else is a usage mistake. */
export function peerSettings(name: string): PeerSettings {
  // Peers are separate programs, not part of Parley, so they read their own two variables.
  const databaseUrl = process.env.DATABASE_URL ?? '';
  const port = Number(process.env.PORT);
  if (!/^postgres(ql)?:\/\//.test(databaseUrl) || !Number.isInteger(port) || port < 1 || port > 65535) {
    process.stderr.write(`${name}: started by the bench runner with DATABASE_URL and PORT; see src/bench/run.ts\n`);
    process.exit(2);
  }
  return { databaseUrl, port };
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Listens on loopback; /health answers 200, everything else goes to `handler`. */
export function servePeer(port: number, handler: Handler, close: () => Promise<void>): void {
  const server = createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
      return;
    }
    handler(req, res);
  });
  // The same keep-alive window as Parley's server, so no side reconnects more often.
  server.keepAliveTimeout = 5_000;
  server.listen(port, '127.0.0.1');
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    close()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
