/**
 * The servers under test, each a child process on its own loopback port, so that none
 * shares an event loop with another or with the load generator: Parley as it ships
 * (server/dist/main.js, twice: response cache off and on), PostGraphile 4 and the bare
 * node+pg server (peers/). All get the same Node binary, NODE_ENV=production and a pool
 * of 10 connections.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../config.js';
import { freePort } from '../lib/ports.js';

const serverDir = join(repoRoot, 'server');
const distMain = join(serverDir, 'dist', 'main.js');
const peersDir = join(dirname(fileURLToPath(import.meta.url)), 'peers');
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;
/** Lines of a child's output echoed live; the rest are counted, and the tail kept for errors. */
const ECHOED_LINES = 10;

/** `parley` runs with its response cache off, `parley-cached` as shipped (cache on). */
export type ServerName = 'parley' | 'parley-cached' | 'postgraphile' | 'bare';

export interface ChildServer {
  name: ServerName;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  pid: number;
  /** SIGTERM, then SIGKILL after 20 s; resolves once the process is gone. */
  stop(): Promise<void>;
}

function newestModification(dir: string, skip: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (path === skip) continue;
    if (entry.isDirectory()) newest = Math.max(newest, newestModification(path, skip));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * Compiles the server when server/dist is missing or older than any source outside
 * src/bench (the bench itself is not part of the server). Only the TypeScript compile of
 * `npm run build` is run: printing server/schema.graphql is the schema owner's step, and a
 * benchmark should not rewrite a committed file under someone editing it.
 */
export async function ensureParleyBuilt(log: (line: string) => void): Promise<void> {
  const srcDir = join(serverDir, 'src');
  const newestSource = newestModification(srcDir, join(srcDir, 'bench'));
  if (existsSync(distMain) && statSync(distMain).mtimeMs >= newestSource) return;
  log(existsSync(distMain) ? 'server/dist is older than server/src: compiling...' : 'compiling the server...');
  const started = performance.now();
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const { code, output } = await run(process.execPath, [tsc, '-p', 'tsconfig.build.json'], serverDir);
  if (code !== 0)
    throw new Error(`Compiling the server failed (tsc exit ${code}); Parley cannot be measured:\n${output.trim()}`);
  log(`compiled in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function waitUntilReady(url: string, child: ChildProcess, tail: () => string, name: string): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail()}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} was not ready within ${READY_TIMEOUT_MS / 1000} s (${url}):\n${tail()}`);
}

async function startChild(
  name: ServerName,
  args: string[],
  env: NodeJS.ProcessEnv,
  readyPath: string,
  log: (line: string) => void,
): Promise<ChildServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, args, {
    cwd: serverDir,
    env: { ...env, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const recent: string[] = [];
  let lines = 0;
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      lines += 1;
      if (lines <= ECHOED_LINES) log(`  [${name}] ${line.slice(0, 300)}`);
      else if (lines === ECHOED_LINES + 1) log(`  [${name}] (further output is counted, not shown)`);
      recent.push(line);
      if (recent.length > 40) recent.shift();
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const tail = () => recent.join('\n') || '(no output)';

  let stopping: Promise<void> | undefined;
  const server: ChildServer = {
    name,
    baseUrl,
    pid: child.pid ?? -1,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
        if (lines > ECHOED_LINES) log(`  [${name}] wrote ${lines} lines of output in all; last: ${recent.at(-1)}`);
      })();
      return stopping;
    },
  };
  try {
    await waitUntilReady(`${baseUrl}${readyPath}`, child, tail, name);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/**
 * Parley as `npm start` runs it, on the scratch database, quiet and without seeds. Its
 * response cache answers a repeated query without doing the work again, GET or POST, so
 * the comparison with the peers (which have no cache) uses an instance with it turned off;
 * `parley-cached` is Parley as shipped, for the rows that show what the cache gives.
 */
export function startParleyServer(
  name: 'parley' | 'parley-cached',
  databaseUrl: string,
  log: (line: string) => void,
): Promise<ChildServer> {
  return startChild(
    name,
    [distMain],
    {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PARLEY_LOAD_SEEDS: 'false',
      PARLEY_PUBLIC_READ: 'true',
      PARLEY_RESPONSE_CACHE: name === 'parley-cached' ? 'true' : 'false',
      // One load generator on loopback is one client address; it measures the query, not the limiter.
      PARLEY_RATE_LIMIT: '0',
    },
    '/ready',
    log,
  );
}

/** A peer from peers/, run from its TypeScript source through tsx (compiled once at start-up). */
export function startPeerServer(
  name: 'postgraphile' | 'bare',
  databaseUrl: string,
  log: (line: string) => void,
): Promise<ChildServer> {
  const file = join(peersDir, name === 'postgraphile' ? 'postgraphile-server.ts' : 'bare-server.ts');
  return startChild(name, ['--import', 'tsx', file], { ...process.env, DATABASE_URL: databaseUrl }, '/health', log);
}
