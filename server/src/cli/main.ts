/**
 * The `parley` command. Each subcommand lives in its own module; this file only wires
 * arguments to them and turns failures into a message and an exit code.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { ConfigError, invocationDir, loadConfig } from '../config.js';
import { isAppError } from '../lib/errors.js';
import { createLogger } from '../lib/logger.js';
import { PARLEY_VERSION } from '../version.js';
import { type ActorsAuditOptions, runActorsAudit } from './actors-audit.js';
import { createMigration } from './db-migration.js';
import { runEvaluation } from './eval.js';
import { type ExportCommandOptions, runExport } from './export.js';
import { type IngestCommandOptions, runIngest } from './ingest.js';
import { addKeyCommands } from './keys.js';
import { runSynth, type SynthCommandOptions } from './synth.js';

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

  program
    .command('ingest')
    .description('Ingest article files or directories (.txt, .md, .html); one result per article.')
    .argument('<paths...>', 'files or directories')
    .option('--url <url>', 'the article URL (wins over what is found in the text)')
    .option('--title <title>', 'the article title')
    .option('--publisher <name>', 'the publisher')
    .option('--published <date>', 'the publication date, YYYY-MM-DD')
    .option('--format <format>', 'text, markdown or html (default: from the file extension, else detected)')
    .option('--json', 'print one JSON document with every result, and no progress')
    .option('-v, --verbose', 'log more')
    .action(async (paths: string[], options: IngestCommandOptions & { verbose?: boolean }) => {
      const config = loadConfig();
      const logger = createLogger(logLevelFor(options.verbose), 'parley-cli');
      process.exitCode = await runIngest(
        paths.map((p) => resolve(invocationDir(), p)),
        options,
        config,
        logger,
      );
    });

  addKeyCommands(program);

  program
    .command('export')
    .description('Write the timeline, or the part a filter selects, as CSV, JSON or TimelineJS JSON (as GET /export).')
    .option('--format <format>', 'csv, json or timelinejs (required)')
    .option('--from <date>', 'items whose date overlaps [from, to): 2017-02-16 or an ISO-8601 date-time with offset')
    .option('--to <date>', 'see --from')
    .option('--kind <kinds>', 'comma-separated: statement, meeting, event')
    .option(
      '--actor <name-or-id>',
      'an actor id (as the API gives it) or name; repeat for several (any of them)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--q <text>', 'full-text search (as the API filter "text"), or part of a name')
    .option('--min-sources <n>', 'only items cited by at least n distinct sources')
    .option('--status <statuses>', 'comma-separated: occurred, scheduled')
    .option('--include-undated', 'include items no source dates (after the dated ones)')
    .option('--output <file>', 'write to this file (complete or not at all) instead of stdout')
    .option('-v, --verbose', 'log more')
    .action(async (options: ExportCommandOptions & { verbose?: boolean }) => {
      const config = loadConfig();
      const logger = createLogger(logLevelFor(options.verbose), 'parley-cli');
      const output = options.output ? resolve(invocationDir(), options.output) : options.output;
      process.exitCode = await runExport({ ...options, output }, config, logger);
    });

  program
    .command('synth')
    .description('Add a synthetic timeline (invented actors, synthetic sources) for load tests and demos.')
    .option('--items <n>', 'how many timeline items: 1 to 5,000,000 (required)')
    .option('--seed <seed>', 'the same seed and item count give the same timeline (default 1)')
    .option('--from <day>', 'first day items fall on (default 1996-01-01)')
    .option('--to <day>', 'last day items fall on (default 2025-12-31)')
    .option('-v, --verbose', 'log more')
    .action(async (options: SynthCommandOptions & { verbose?: boolean }) => {
      const config = loadConfig();
      const logger = createLogger(logLevelFor(options.verbose), 'parley-cli');
      process.exitCode = await runSynth(options, config, logger);
    });

  program
    .command('eval')
    .description(
      'Ingest a directory of articles with gold annotations (*.gold.json) into a fresh database and score extraction.',
    )
    .argument('<dir>', 'directory of <name>.txt + <name>.gold.json')
    .option('--json', 'print the scores as JSON')
    .option('-v, --verbose', 'list misses and false positives per article')
    .action(async (dir: string, options: { json?: boolean; verbose?: boolean }) => {
      const config = loadConfig();
      const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'parley-eval');
      const { report } = await runEvaluation({
        dir: resolve(invocationDir(), dir),
        logger,
        databaseUrl: config.databaseUrl ?? null,
        ...(options.json ? { json: true } : {}),
        ...(options.verbose ? { verbose: true } : {}),
      });
      process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
    });

  program
    .command('actors-audit')
    .description(
      'Extract a corpus (JSON lines, optionally gzipped) and print a reproducible random sample of the distinct actors found, with their kind, for judging by hand.',
    )
    .argument(
      '<corpus>',
      'a .jsonl or .jsonl.gz file, one article per line: {"text": ..., "title"?, "url"?, "publisher"?, "published"?}',
    )
    .option('--sample <n>', 'how many actors to list (default 300)')
    .option('--seed <n>', 'the same seed draws the same sample (default 1)')
    .option('--limit <n>', 'read at most this many articles')
    .option('--json', 'print the counts and the sample as JSON')
    .action(async (corpus: string, options: ActorsAuditOptions) => {
      process.exitCode = await runActorsAudit(resolve(invocationDir(), corpus), options);
    });

  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
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
