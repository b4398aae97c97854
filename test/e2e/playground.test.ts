/**
 * The GraphiQL playground at /graphql, in a real Chromium with every request off this
 * machine blocked: it must load, show the example operations and the key hint, and run a
 * query, with nothing on the console.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../server/src/app.js';
import { chromiumPath, launchChromium, openWatchedPage, screenshotPath, skipReason } from '../support/browser.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startTestParley } from '../support/parley.js';

const playgroundPage = fileURLToPath(new URL('../../client/dist/playground/index.html', import.meta.url));

describe.skipIf(!chromiumPath)(
  chromiumPath ? 'GraphiQL playground' : `GraphiQL playground: skipped, ${skipReason}`,
  () => {
    let database: TestDatabase;
    let parley: RunningParley;
    let browser: Browser;
    let page: Page;
    let consoleErrors: string[] = [];
    let blocked: string[] = [];

    beforeAll(async () => {
      if (!existsSync(playgroundPage)) {
        throw new Error(`${playgroundPage} is missing: run \`npm run build -w @parley/client\` first.`);
      }
      database = await createTestDatabase();
      parley = await startTestParley(database.url);
      browser = await launchChromium();
      // Offline, as on an air-gapped install: anything not served by this machine fails.
      ({ page, problems: consoleErrors, blocked } = await openWatchedPage(browser, { warnings: false }));
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

      await page.screenshot({ path: screenshotPath('playground'), fullPage: true });

      expect(blocked).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  },
);
