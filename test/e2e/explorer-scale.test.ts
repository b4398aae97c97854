/**
 * The explorer over 50,000 generated items: zoomed out it must draw density instead of
 * items, keep the DOM small, and not fire a request per frame while panning; zoomed in it
 * must draw the items themselves.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../server/src/app.js';
import { connectDb } from '../../server/src/lib/db.js';
import { synthesizeTimeline } from '../../server/src/services/synthesize-timeline.js';
import { chromiumPath, launchChromium, openWatchedPage, screenshotPath, skipReason } from '../support/browser.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startTestParley } from '../support/parley.js';

const explorerPage = fileURLToPath(new URL('../../client/dist/index.html', import.meta.url));
const ITEMS = 50_000;
/** "About 500" item elements, as the explorer promises; dots of point items are not items. */
const MAX_ITEM_ELEMENTS = 500;

describe.skipIf(!chromiumPath)(chromiumPath ? 'Explorer at scale' : `Explorer at scale: skipped, ${skipReason}`, () => {
  let database: TestDatabase;
  let parley: RunningParley;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let blocked: string[];
  const graphqlRequests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(explorerPage)) {
      throw new Error(`${explorerPage} is missing: run \`npm run build -w @parley/client\` first.`);
    }
    database = await createTestDatabase();
    const db = connectDb(database.url);
    try {
      const result = await synthesizeTimeline(db.prisma, { items: ITEMS, seed: 'explorer-scale' });
      expect(result.items).toBe(ITEMS);
    } finally {
      await db.close();
    }
    parley = await startTestParley(database.url);
    browser = await launchChromium();
    ({ page, problems, blocked } = await openWatchedPage(browser));
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') graphqlRequests.push(request.url());
    });
  }, 300_000);

  afterEach(() => {
    expect(problems).toEqual([]);
    expect(blocked).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.stop();
    await database?.drop();
  });

  const itemElements = () => page.locator('.vis-item:not(.vis-dot)').count();

  it('zoomed out, draws density buckets, not items, and invites zooming in', async () => {
    await page.goto(parley.url);
    await page.locator('.vis-item.parley-density').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.vis-item.parley-item').count()).toBe(0);
    expect(await itemElements()).toBeLessThanOrEqual(MAX_ITEM_ELEMENTS);
    expect(await page.locator('.status-text').innerText()).toMatch(/Zoom in/);
    // The list offers the periods instead of 50,000 rows.
    await expect
      .poll(() =>
        page
          .getByRole('list', { name: /Items per period/ })
          .locator('li')
          .count(),
      )
      .toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('explorer-density'), fullPage: true });
  });

  it('pans for 2 seconds with a handful of requests at most, and a small DOM throughout', async () => {
    // A one-year window: still density, and 2 seconds of fast panning leaves the loaded range.
    await page.goto(`${parley.url}/?start=2010-01-01&end=2011-01-01`);
    await page.locator('.vis-item.parley-density').first().waitFor({ timeout: 30_000 });
    const canvas = page.locator('.timeline-canvas .vis-center');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the timeline has no box');
    await page.waitForTimeout(1000); // let the first load settle
    const before = graphqlRequests.length;
    const y = box.y + box.height / 2;
    let x = box.x + box.width * 0.8;
    let largestDom = 0;
    await page.mouse.move(x, y);
    await page.mouse.down();
    const started = Date.now();
    while (Date.now() - started < 2000) {
      x -= 30;
      if (x < box.x + 20) {
        // Start another drag from the right edge, as a reader panning through years would.
        await page.mouse.up();
        x = box.x + box.width * 0.8;
        await page.mouse.move(x, y);
        await page.mouse.down();
      }
      await page.mouse.move(x, y);
      await page.waitForTimeout(16);
      largestDom = Math.max(largestDom, await itemElements());
    }
    await page.mouse.up();
    await page.waitForTimeout(1500); // the debounced load after the pan
    const during = graphqlRequests.length - before;
    largestDom = Math.max(largestDom, await itemElements());
    console.info(`2 s of panning: ${during} GraphQL requests, at most ${largestDom} item elements`);
    expect(largestDom).toBeLessThanOrEqual(MAX_ITEM_ELEMENTS);
    expect(during).toBeLessThanOrEqual(5);
    // The pan left the range loaded at first (the window plus half a window each side), so
    // the requests counted are the ones it needed, not zero because nothing moved.
    const start = Date.parse(`${new URL(page.url()).searchParams.get('start')}T00:00:00Z`);
    expect(start - Date.parse('2010-01-01T00:00:00Z')).toBeGreaterThan(183 * 86_400_000);
    expect(during).toBeGreaterThanOrEqual(1);
  });

  it('zoomed in to a few weeks, draws the items themselves', async () => {
    await page.goto(`${parley.url}/?start=2012-03-01&end=2012-03-15`);
    await page.locator('.vis-item.parley-item').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.vis-item.parley-density').count()).toBe(0);
    expect(await itemElements()).toBeLessThanOrEqual(MAX_ITEM_ELEMENTS);
    const listed = await page
      .getByRole('listbox', { name: 'Timeline items in date order' })
      .getByRole('option')
      .count();
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThanOrEqual(MAX_ITEM_ELEMENTS);

    // Zooming out with the keyboard turns items back into density.
    await page.locator('.timeline-canvas').focus();
    for (let i = 0; i < 8; i += 1) await page.keyboard.press('-');
    await page.locator('.vis-item.parley-density').first().waitFor({ timeout: 30_000 });
    expect(await itemElements()).toBeLessThanOrEqual(MAX_ITEM_ELEMENTS);
  });
});
