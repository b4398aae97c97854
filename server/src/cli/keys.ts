/** `parley keys create|list|revoke`: API keys for writes (and for reads when public reads are off). */
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { createLogger } from '../lib/logger.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../services/api-keys.js';
import { withDatabase } from './database.js';

export function addKeyCommands(program: Command): void {
  const keys = program.command('keys').description('Manage API keys (roles: READER < EDITOR < ADMIN).');
  const open = <T>(fn: Parameters<typeof withDatabase<T>>[2]) =>
    withDatabase<T>(loadConfig(), createLogger(process.env.LOG_LEVEL ?? 'warn', 'parley-cli'), fn);

  keys
    .command('create')
    .description('Create a key and print it once.')
    .requiredOption('--role <role>', 'READER, EDITOR or ADMIN')
    .requiredOption('--name <name>', 'who or what the key is for')
    .action(async (options: { role: string; name: string }) => {
      const created = await open((db) => createApiKey(db.prisma, options));
      process.stdout.write(`${created.key}\n`);
      process.stderr.write(
        `Created ${created.role} key "${created.name}" (${created.id}). It is shown only now: store it safely.\n`,
      );
    });

  keys
    .command('list')
    .description('List keys (never the secrets).')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const rows = await open((db) => listApiKeys(db.prisma));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const r of rows) {
        const state = r.revokedAt
          ? `revoked ${r.revokedAt.toISOString()}`
          : r.lastUsedAt
            ? `last used ${r.lastUsedAt.toISOString()}`
            : 'never used';
        process.stdout.write(`${r.id}  ${r.prefix}…  ${r.role.padEnd(6)}  ${r.name}  (${state})\n`);
      }
      if (rows.length === 0) process.stdout.write('No API keys.\n');
    });

  keys
    .command('revoke')
    .description('Revoke a key by id or by its printed prefix.')
    .argument('<id-or-prefix>')
    .action(async (idOrPrefix: string) => {
      const revoked = await open((db) => revokeApiKey(db.prisma, idOrPrefix));
      process.stdout.write(`Revoked "${revoked.name}" (${revoked.id}).\n`);
    });
}
