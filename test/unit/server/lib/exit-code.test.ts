/**
 * Loading the embedded PostgreSQL module must not change how a process exits. The package
 * behind it installs a hook that used to turn a natural exit into exit(0), so a test run
 * with failures, or a CLI command that set process.exitCode, reported success.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
const embeddedPostgres = fileURLToPath(new URL('../../../../server/src/lib/embedded-postgres.ts', import.meta.url));

function exitStatusAfterLoading(modulePath: string | null, exitCode: number): number | null {
  const load = modulePath ? `import(${JSON.stringify(modulePath)})` : 'Promise.resolve()';
  const script = `${load}.then(() => { process.exitCode = ${exitCode}; }, (error) => { console.error(error); process.exit(99); });`;
  const result = spawnSync(tsx, ['--eval', script], { encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  if (result.status === 99) throw new Error(`the module did not load: ${result.stderr}`);
  return result.status;
}

describe('process exit code', () => {
  it('is the one the process set, with embedded-postgres loaded', () => {
    expect(exitStatusAfterLoading(embeddedPostgres, 3)).toBe(3);
    expect(exitStatusAfterLoading(embeddedPostgres, 1)).toBe(1);
    expect(exitStatusAfterLoading(embeddedPostgres, 0)).toBe(0);
  });

  it('is the one the process set without it (the probe itself works)', () => {
    expect(exitStatusAfterLoading(null, 3)).toBe(3);
  });
});
