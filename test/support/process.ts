/**
 * Runs the built server (server/dist/main.js) as a child process, the way `npm start`
 * does, and collects its output.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../server/src/config.js';

export const serverMain = join(repoRoot, 'server', 'dist', 'main.js');

export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

export function spawnServer(env: Record<string, string>): ServerProcess {
  if (!existsSync(serverMain)) throw new Error(`${serverMain} is missing: build the server first (npm run build)`);
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.PARLEY_DATA_DIR;
  const child = spawn(process.execPath, [serverMain], {
    env: { ...inherited, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

export async function waitForReady(url: string, server: ServerProcess, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  let exitCode: number | null | undefined;
  void server.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() - started < timeoutMs) {
    if (exitCode !== undefined)
      throw new Error(`server exited with ${exitCode} before it was ready:\n${server.output()}`);
    try {
      const response = await fetch(`${url}/ready`);
      if (response.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server was not ready within ${timeoutMs} ms:\n${server.output()}`);
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
