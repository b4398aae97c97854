// Builds the explorer into dist/ (served at /), embed.js and the /embed frame page beside
// it, and the GraphiQL playground into dist/playground (served at /graphql). Prints the
// embed's gzip size against its budget.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const EMBED_BUDGET_BYTES = 130 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

await build({ configFile: join(root, 'vite.config.ts') });
await build({ configFile: join(root, 'vite.embed.config.ts') });
mkdirSync(join(dist, 'embed'), { recursive: true });
copyFileSync(join(root, 'src', 'embed', 'frame.html'), join(dist, 'embed', 'index.html'));
await build({ configFile: join(root, 'vite.playground.config.ts') });

const embed = readFileSync(join(dist, 'embed.js'));
const gzip = gzipSync(embed, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`embed.js: ${kb(embed.length)} minified, ${kb(gzip)} gzip (budget ${kb(EMBED_BUDGET_BYTES)})`);
if (gzip > EMBED_BUDGET_BYTES) {
  console.error('embed.js is over its budget.');
  process.exit(1);
}
