/**
 * The `parley` command. Each subcommand lives in its own module; this file only wires
 * arguments to them and turns failures into a message and an exit code.
 */
import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { isAppError } from '../lib/errors.js';
import { createLogger } from '../lib/logger.js';
import { PARLEY_VERSION } from '../version.js';
import { createMigration } from './db-migration.js';

function logLevelFor(verbose: boolean | undefined): string {
  return verbose ? 'debug' : (process.env.LOG_LEVEL ?? 'warn');
}

export function buildProgram(): Command {
  const program = new Command('parley')
    .description('Parley: a sourced timeline of who met whom, who said what, and what happened, when.')
    .version(PARLEY_VERSION)
    .showHelpAfterError()
    .exitOverride();

  const db = program.command('db').description('Database schema tools.');
  db.command('migration')
    .description('Write the next migration in prisma/migrations from the changes to prisma/schema.prisma.')
    .argument('<name>', 'what the migration does, e.g. add_item_links')
    .option('-v, --verbose', 'log more')
    .action(async (name: string, options: { verbose?: boolean }) => {
      const config = loadConfig();
      const logger = createLogger(logLevelFor(options.verbose), 'parley-cli');
      const result = await createMigration(name, config, logger);
      if (result.folder === null) {
        process.stdout.write('No changes: prisma/schema.prisma and the migrations agree.\n');
      } else {
        process.stdout.write(`Wrote prisma/migrations/${result.folder}/migration.sql\n\n${result.sql}`);
      }
    });

  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 78;
    }
    process.stderr.write(`parley: ${isAppError(error) ? error.message : (error as Error).message}\n`);
    return 1;
  }
}
