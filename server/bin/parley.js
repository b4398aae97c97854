#!/usr/bin/env node
// Runs the built CLI (server/dist); in a checkout that has not been built yet, runs the
// TypeScript sources through tsx instead.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const built = join(here, '..', 'dist', 'cli', 'main.js');
let entry = built;
if (!existsSync(built)) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = join(here, '..', 'src', 'cli', 'main.ts');
}
const { run } = await import(pathToFileURL(entry).href);
const code = await run(process.argv.slice(2));
// Exit explicitly, once output is flushed: an exit hook of the embedded PostgreSQL
// package would otherwise replace the exit code.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
