/**
 * A real Chromium for the browser tests, offline: every request that leaves this machine is
 * refused and recorded, and every console error, console warning, uncaught exception and
 * failed response is collected so a test can insist there were none.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter((path): path is string => Boolean(path));

export const chromiumPath = candidates.find((path) => existsSync(path));
if (!chromiumPath && process.env.CI) {
  // CI installs Chromium first; a missing browser there is a broken pipeline, not a skip.
  throw new Error(`No Chromium found (tried ${candidates.join(', ')}); set CHROME_PATH.`);
}
export const skipReason = `no Chromium found (tried ${candidates.join(', ')}; set CHROME_PATH or apt-get install chromium)`;

export const artifactsDir = fileURLToPath(new URL('../.artifacts/', import.meta.url));

export function screenshotPath(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return `${artifactsDir}${name}.png`;
}

const docsScreenshotsDir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * Where a screenshot that the docs show is written. A test run leaves the committed images
 * alone (they go to the artifacts folder with the others); `npm run docs:screenshots -w
 * @parley/test` sets PARLEY_DOCS_SCREENSHOTS=1 and rewrites docs/screenshots/ instead.
 */
export function docsScreenshotPath(name: string): string {
  if (process.env.PARLEY_DOCS_SCREENSHOTS !== '1') return screenshotPath(name);
  mkdirSync(docsScreenshotsDir, { recursive: true });
  return `${docsScreenshotsDir}${name}.png`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

export interface WatchedPage {
  page: Page;
  /** Console errors and warnings, page errors and HTTP failures, in order. */
  problems: string[];
  /** Requests refused because they would have left this machine. */
  blocked: string[];
}

const localHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function openWatchedPage(
  browser: Browser,
  options: BrowserContextOptions & { warnings?: boolean } = {},
): Promise<WatchedPage> {
  const { warnings = true, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const problems: string[] = [];
  const blocked: string[] = [];
  await page.route('**', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || localHosts.has(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort('internetdisconnected');
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || (warnings && message.type() === 'warning')) {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // The console only says "Failed to load resource"; keep which one, for the report.
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return { page, problems, blocked };
}
