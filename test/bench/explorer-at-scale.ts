/**
 * `npm run bench:explorer -w @parley/test -- [--url URL | --items N] [--runs N] [--filter Q]`: the
 * explorer in headless Chromium over a large timeline. Prints the time to the first items
 * painted (zoomed in) and to the first density band (zoomed out), and the redraw time after
 * zooming and panning (p50/p95), measured in the page from the input to the next frame.
 * A benchmark: never part of `npm test`, and nothing here asserts a time.
 *
 * Without --url it builds a scratch database (embedded PostgreSQL, or DATABASE_URL's
 * server) with N synthetic items (default 1,000,000) and serves the built explorer on it.
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { startParley } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { openScratchDatabase } from '../../server/src/eval/scratch-database.js';
import { connectDb } from '../../server/src/lib/db.js';
import { createLogger } from '../../server/src/lib/logger.js';
import { synthesizeTimeline } from '../../server/src/services/synthesize-timeline.js';
import { chromiumPath, launchChromium } from '../support/browser.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    items: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '30' },
    /** Explorer URL parameters for the zoomed-in page and the gestures, e.g. `actor=<id>`. */
    filter: { type: 'string', default: '' },
  },
});
const items = Number(values.items);
const runs = Number(values.runs);
if (!Number.isInteger(items) || items < 1 || items > 5_000_000) throw new Error('--items must be 1 to 5,000,000');
if (!Number.isInteger(runs) || runs < 5 || runs > 1000) throw new Error('--runs must be 5 to 1000');
if (!chromiumPath) throw new Error('No Chromium found: set CHROME_PATH or apt-get install chromium');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Milliseconds from navigation start until `selector` is in the DOM. */
async function timeToFirst(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(selector).first().waitFor({ timeout: 60_000 });
  return page.evaluate(() => performance.now());
}

/**
 * Milliseconds from an input to the frame after it, all inside the page (synthetic pointer
 * and wheel events, as vis-timeline's handlers receive them), so the browser automation's
 * round trips are not counted.
 */
function inPage(page: Page, gesture: 'zoom-in' | 'zoom-out' | 'pan-left' | 'pan-right'): Promise<number> {
  return page.evaluate((kind) => {
    const target = document.querySelector('.timeline-canvas .vis-center') as HTMLElement;
    const box = target.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const started = performance.now();
    if (kind === 'zoom-in' || kind === 'zoom-out') {
      target.dispatchEvent(
        new WheelEvent('wheel', {
          deltaY: kind === 'zoom-in' ? -120 : 120,
          clientX: x,
          clientY: y,
          bubbles: true,
          cancelable: true,
        }),
      );
    } else {
      // No named helpers in here: tsx would wrap them in a function the page does not have.
      const step = kind === 'pan-left' ? -40 : 40;
      const moves: Array<[string, number]> = [
        ['pointerdown', 0],
        ['pointermove', step],
        ['pointermove', step * 2],
        ['pointermove', step * 3],
        ['pointerup', step * 3],
      ];
      for (const [type, dx] of moves) {
        target.dispatchEvent(
          new PointerEvent(type, {
            pointerId: 1,
            pointerType: 'mouse',
            isPrimary: true,
            buttons: type === 'pointerup' ? 0 : 1,
            clientX: x + dx,
            clientY: y,
            bubbles: true,
            cancelable: true,
          }),
        );
      }
    }
    return new Promise<number>((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started))),
    );
  }, gesture);
}

const logger = createLogger('warn');
let stop: () => Promise<void> = async () => {};
let baseUrl = values.url;
if (!baseUrl) {
  const config = loadConfig();
  const scratch = await openScratchDatabase({ serverUrl: config.databaseUrl, logger });
  const db = connectDb(scratch.url);
  const started = performance.now();
  process.stdout.write(`synthesizing ${items.toLocaleString('en-US')} items… `);
  await synthesizeTimeline(db.prisma, { items, seed: 'explorer-bench' });
  await db.close();
  console.log(`${((performance.now() - started) / 1000).toFixed(0)} s`);
  const parley = await startParley(
    loadConfig({
      ...process.env,
      DATABASE_URL: scratch.url,
      PORT: '0',
      NODE_ENV: 'production',
      PARLEY_LOAD_SEEDS: 'false',
      PARLEY_RATE_LIMIT: '0',
    }),
    logger,
  );
  baseUrl = parley.url;
  stop = async () => {
    await parley.stop();
    await scratch.dispose();
  };
}

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const filter = values.filter ? `&${new URLSearchParams(values.filter).toString()}` : '';
  // The overview, as a reader first sees it: the whole timeline, unfiltered.
  const density = await timeToFirst(page, `${baseUrl}/`, '.vis-item.parley-density');
  // Two weeks. At 1,000,000 items any window holds over 500 (a thousand year-precision items
  // overlap every day), so the explorer draws density there unless filtered: pass --filter.
  const itemsPainted = await timeToFirst(
    page,
    `${baseUrl}/?start=2012-03-01&end=2012-03-15${filter}`,
    '.vis-item.parley-item',
  );
  await page.waitForTimeout(1000); // let the first load settle
  const zooms: number[] = [];
  const pans: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    zooms.push(await inPage(page, i % 2 === 0 ? 'zoom-out' : 'zoom-in'));
    pans.push(await inPage(page, i % 2 === 0 ? 'pan-left' : 'pan-right'));
    // Let windowed loading run between gestures, as it would between a reader's.
    await page.waitForTimeout(300);
  }
  const report = (name: string, times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `${name.padEnd(28)} p50 ${percentile(sorted, 50).toFixed(1)} ms   p95 ${percentile(sorted, 95).toFixed(1)} ms   (${times.length} runs)`,
    );
  };
  console.log(
    `explorer on ${baseUrl}${values.url ? '' : ` (${items.toLocaleString('en-US')} items)`}${values.filter ? ` with ${values.filter}` : ''}`,
  );
  console.log(`${'first density band painted'.padEnd(28)} ${density.toFixed(0)} ms after navigation`);
  console.log(`${'first items painted'.padEnd(28)} ${itemsPainted.toFixed(0)} ms after navigation`);
  report('redraw after a zoom step', zooms);
  report('redraw after a pan (drag)', pans);
} finally {
  await browser.close();
  await stop();
}
