/**
 * Starts a whole Parley server in-process on a random port against a test database,
 * for tests that talk to it over real HTTP.
 */
import { type RunningParley, startParley } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { createLogger } from '../../server/src/lib/logger.js';

export async function startTestParley(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningParley> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    PARLEY_LOAD_SEEDS: 'false',
    ...env,
  });
  return startParley(config, createLogger(process.env.LOG_LEVEL ?? 'silent'));
}

export async function graphql<T = unknown>(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as never };
}
