/**
 * The GraphiQL playground at /graphql, in a real Chromium with every request off this
 * machine blocked: it must load, show the example operations and the key hint, and run a
 * query, with nothing on the console.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../server/src/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startTestParley } from '../support/parley.js';

const chromiumCandidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter((path): path is string => Boolean(path));
const chromiumPath = chromiumCandidates.find((path) => existsSync(path));
if (!chromiumPath && process.env.CI) {
  // CI installs Chromium first; a missing browser there is a broken pipeline, not a skip.
  throw new Error(`No Chromium found (tried ${chromiumCandidates.join(', ')}); set CHROME_PATH.`);
}
const skipReason = `no Chromium found (tried ${chromiumCandidates.join(', ')}; set CHROME_PATH or apt-get install chromium)`;

const playgroundPage = fileURLToPath(new URL('../../client/dist/playground/index.html', import.meta.url));
const screenshotPath = fileURLToPath(new URL('../.artifacts/playground.png', import.meta.url));
const localHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

describe.skipIf(!chromiumPath)(
  chromiumPath ? 'GraphiQL playground' : `GraphiQL playground: skipped, ${skipReason}`,
  () => {
    let database: TestDatabase;
    let parley: RunningParley;
    let browser: Browser;
    let page: Page;
    const consoleErrors: string[] = [];
    const blocked: string[] = [];

    beforeAll(async () => {
      if (!existsSync(playgroundPage)) {
        throw new Error(`${playgroundPage} is missing: run \`npm run build -w @parley/client\` first.`);
      }
      database = await createTestDatabase();
      parley = await startTestParley(database.url);
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      // Offline, as on an air-gapped install: anything not served by this machine fails.
      await page.route('**', (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'data:' || localHosts.has(url.hostname)) return route.continue();
        blocked.push(url.href);
        return route.abort('internetdisconnected');
      });
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      // The console only says "Failed to load resource"; keep which one, for the report.
      page.on('response', (response) => {
        if (response.status() >= 400) consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
      });
    });

    afterAll(async () => {
      await browser?.close();
      await parley?.stop();
      await database?.drop();
    });

    it('leaves API clients on the API: no page for JSON or for a GET with a query', async () => {
      const json = await fetch(`${parley.url}/graphql`, { headers: { accept: 'application/json' } });
      expect(json.headers.get('content-type')).not.toMatch(/text\/html/);
      const withQuery = await fetch(`${parley.url}/graphql?query=${encodeURIComponent('{ serverInfo { version } }')}`, {
        headers: { accept: 'text/html', 'apollo-require-preflight': 'true' },
      });
      expect(withQuery.headers.get('content-type')).toMatch(/application\/json/);
    });

    it('loads offline, shows the examples and the key hint, and runs a query', async () => {
      const response = await page.goto(`${parley.url}/graphql`);
      expect(response?.headers()['content-type']).toMatch(/text\/html/);

      await page.locator('.graphiql-container').waitFor();
      const tabs = page.locator('.graphiql-tab');
      await expect.poll(() => tabs.count()).toBe(3);
      await expect.poll(() => page.locator('.graphiql-query-editor').innerText()).toContain('query Timeline');
      await expect
        .poll(() => page.locator('.graphiql-editor-tool').innerText())
        .toContain('"Authorization": "Bearer <key>"');

      await page.locator('.graphiql-execute-button').click();
      const result = page.locator('.result-window');
      await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('"serverInfo"');
      const text = await result.innerText();
      expect(text).toContain('"data"');
      expect(text).toContain('"totalCount": 0');
      expect(text).not.toContain('"errors"');

      mkdirSync(dirname(screenshotPath), { recursive: true });
      await page.screenshot({ path: screenshotPath, fullPage: true });

      expect(blocked).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  },
);
