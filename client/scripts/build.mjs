// Copies the static placeholder into dist/ so the server has one place to serve the client
// from, then builds the GraphiQL playground into dist/playground (served at /graphql).
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'), { recursive: true });
cpSync(join(root, 'public'), join(root, 'dist'), { recursive: true });
await build({ configFile: join(root, 'vite.playground.config.ts') });
