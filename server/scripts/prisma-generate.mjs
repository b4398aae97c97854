// Generates the Prisma client without Prisma's native engines. The generated
// `prisma-client` talks to PostgreSQL through @prisma/adapter-pg, so the engine binary the
// CLI insists on locating is never run: pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing
// file keeps it from trying to download one (which fails offline and in air-gapped installs).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');
const require = createRequire(import.meta.url);
const prismaCli = require.resolve('prisma/build/index.js');

const result = spawnSync(
  process.execPath,
  [prismaCli, 'generate', '--schema', join(repoRoot, 'prisma', 'schema.prisma')],
  {
    cwd: repoRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  },
);
process.exit(result.status ?? 1);
