/**
 * The embed widget on a host page served from another origin (another port), in a real
 * Chromium, offline: both snippets mount the filtered seed timeline; hostile host CSS
 * cannot restyle the widget and the widget cannot restyle the host; hostile quotes stay
 * text in the widget and the explorer; the iframe variant resizes its frame.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { embedSnippets, readOptions } from '../../client/src/embed/options.js';
import type { RunningParley } from '../../server/src/app.js';
import { createApiKey } from '../../server/src/services/api-keys.js';
import {
  chromiumPath,
  docsScreenshotPath,
  launchChromium,
  openWatchedPage,
  screenshotPath,
  skipReason,
} from '../support/browser.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { graphql, startTestParley } from '../support/parley.js';

const HOSTILE_CSS = '* { color: red !important; font-size: 40px !important }';
const HOSTILE_QUOTE = 'Markup such as <img src=x onerror=alert(1)> and <script>alert(2)</script> must stay text';

describe.skipIf(!chromiumPath)(chromiumPath ? 'Embed widget' : `Embed widget: skipped, ${skipReason}`, () => {
  let database: TestDatabase;
  let parley: RunningParley;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let blocked: string[];
  let host: Server;
  let hostUrl: string;
  const dialogs: string[] = [];
  const pages = new Map<string, string>();

  function hostPage(body: string, css = ''): string {
    return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title>
<style>body { font-family: serif; margin: 8px } ${css}</style></head><body>
<h1 id="headline">A host page</h1>${body}<p id="after">Text after the widget.</p></body></html>`;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    parley = await startTestParley(database.url, { PARLEY_LOAD_SEEDS: 'true' });
    host = createServer((req, res) => {
      const html = pages.get(new URL(req.url ?? '/', 'http://host').pathname);
      res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html ?? 'not found');
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    // "localhost" rather than 127.0.0.1: another host name as well as another port.
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
    browser = await launchChromium();
    ({ page, problems, blocked } = await openWatchedPage(browser));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterEach(() => {
    expect(problems).toEqual([]);
    expect(blocked).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await parley?.stop();
    await database?.drop();
  });

  const widgetItems = (id: string) => page.locator(`#${id} .vis-item.parley-item:not(.vis-dot)`);

  it('mounts the div and custom-element snippets on another origin with their filters', async () => {
    const div = embedSnippets(
      parley.url,
      readOptions((name) => ({ actors: 'Valery Gerasimov', height: '320' })[name as 'actors'] ?? null),
    );
    const element = embedSnippets(
      parley.url,
      readOptions((name) => ({ kinds: 'statement', text: 'Mattis' })[name as 'kinds'] ?? null),
    );
    pages.set(
      '/snippets',
      hostPage(
        div.script.replace('<div data-parley-timeline', '<div id="by-actor" data-parley-timeline') +
          element.element
            .replace('<parley-timeline', '<parley-timeline id="by-text"')
            .replace(/<script[^>]*><\/script>/, ''),
      ),
    );
    await page.goto(`${hostUrl}/snippets`);
    await expect.poll(() => widgetItems('by-actor').count(), { timeout: 20_000 }).toBe(2);
    const meetings = await widgetItems('by-actor').allInnerTexts();
    expect(meetings.every((title) => /Dunford/.test(title) && /Gerasimov/.test(title))).toBe(true);
    await expect.poll(() => widgetItems('by-text').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    expect(await page.locator('#by-text .vis-item.kind-meeting').count()).toBe(0);
    expect((await widgetItems('by-text').allInnerTexts()).every((title) => /Mattis/.test(title))).toBe(true);

    // Elements added later, as a single-page app would, mount too.
    await page.evaluate(() => {
      const late = document.createElement('div');
      late.id = 'late';
      late.setAttribute('data-parley-timeline', '');
      late.setAttribute('data-actors', 'Valery Gerasimov');
      document.body.append(late);
    });
    await expect.poll(() => widgetItems('late').count(), { timeout: 20_000 }).toBe(2);

    // Clicking an item opens a popover with its sources.
    await widgetItems('by-actor').first().click();
    const popover = page.locator('#by-actor .parley-popover');
    await expect.poll(() => popover.innerText()).toMatch(/Meeting/);
    await expect.poll(() => popover.locator('.parley-sources li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('embed-host'), fullPage: true });
  });

  it('keeps host CSS out of the widget and the widget CSS out of the host', async () => {
    const snippet = embedSnippets(
      parley.url,
      readOptions((name) => (name === 'actors' ? 'Valery Gerasimov' : null)),
    );
    const body = snippet.script.replace('<div data-parley-timeline', '<div id="w" data-parley-timeline');
    pages.set('/plain', hostPage(body));
    pages.set('/hostile', hostPage(body, HOSTILE_CSS));
    pages.set('/hostile-no-widget', hostPage('<div id="w"></div>', HOSTILE_CSS));
    pages.set('/plain-no-widget', hostPage('<div id="w"></div>'));

    const widgetStyles = async (path: string) => {
      await page.goto(`${hostUrl}${path}`);
      await expect.poll(() => widgetItems('w').count(), { timeout: 20_000 }).toBe(2);
      return page.evaluate(() => {
        const root = document.querySelector('#w')?.shadowRoot;
        const pick = (selector: string) => {
          const element = root?.querySelector(selector);
          if (!element) return null;
          const style = getComputedStyle(element);
          return { color: style.color, fontSize: style.fontSize, fontFamily: style.fontFamily };
        };
        return {
          item: pick('.vis-item.parley-item .vis-item-content'),
          label: pick('.vis-label'),
          credit: pick('.parley-credit'),
          axis: pick('.vis-time-axis .vis-text'),
        };
      });
    };
    const plain = await widgetStyles('/plain');
    const hostile = await widgetStyles('/hostile');
    expect(plain.item).not.toBeNull();
    expect(hostile).toEqual(plain);
    expect(hostile.item?.color).not.toBe('rgb(255, 0, 0)');
    expect(hostile.item?.fontSize).not.toBe('40px');

    const hostStyles = async (path: string) => {
      await page.goto(`${hostUrl}${path}`);
      if (path.includes('no-widget')) await page.waitForLoadState('load');
      else await expect.poll(() => widgetItems('w').count(), { timeout: 20_000 }).toBe(2);
      return page.evaluate(() =>
        ['headline', 'after'].map((id) => {
          const style = getComputedStyle(document.getElementById(id) as Element);
          return [style.color, style.fontSize, style.fontFamily, style.margin, style.lineHeight].join(' | ');
        }),
      );
    };
    expect(await hostStyles('/plain')).toEqual(await hostStyles('/plain-no-widget'));
    expect(await hostStyles('/hostile')).toEqual(await hostStyles('/hostile-no-widget'));
  });

  it('shows a hostile quote as literal text in the widget and in the explorer, and runs none of it', async () => {
    const { key } = await createApiKey(parley.db.prisma, { name: 'embed test', role: 'editor' });
    const article = [
      'Senator warns about markup',
      '',
      `WASHINGTON, March 3, 2017 - Senator Jane Roe said on Friday: "${HOSTILE_QUOTE}," according to her office.`,
    ].join('\n');
    const ingested = await graphql<{ ingestArticle: { created: Array<{ kind: string; id: string }> } }>(
      parley.url,
      'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { created { kind id } } }',
      { input: { text: article, format: 'TEXT', publisher: 'Test Wire', publishedAt: '2017-03-03' } },
      { authorization: `Bearer ${key}` },
    );
    expect(ingested.body.errors).toBeUndefined();
    const statement = ingested.body.data?.ingestArticle.created.find((item) => item.kind === 'STATEMENT');
    expect(statement).toBeTruthy();

    const snippet = embedSnippets(
      parley.url,
      readOptions((name) => (name === 'text' ? 'Roe' : null)),
    );
    pages.set(
      '/xss',
      hostPage(snippet.script.replace('<div data-parley-timeline', '<div id="x" data-parley-timeline')),
    );
    await page.goto(`${hostUrl}/xss`);
    await expect.poll(() => widgetItems('x').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await widgetItems('x').first().click();
    const quote = page.locator('#x .parley-quote');
    await expect.poll(() => quote.innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(await quote.innerText()).toContain('<script>alert(2)</script>');
    expect(
      await page.evaluate(() => document.querySelector('#x')?.shadowRoot?.querySelectorAll('img, script').length),
    ).toBe(0);

    await page.goto(`${parley.url}/?item=${statement?.id}`);
    const panelQuote = page.locator('.detail-quote');
    await expect.poll(() => panelQuote.innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(await panelQuote.innerText()).toContain('<script>alert(2)</script>');
    expect(await page.locator('.detail-panel img, .detail-panel script').count()).toBe(0);
    // The list and the timeline carry it as text too.
    await page.goto(`${parley.url}/?q=Roe`);
    await expect.poll(() => page.locator('.item-row').first().innerText()).toContain('Jane Roe');
    expect(await page.locator('.vis-item img, .item-list img').count()).toBe(0);
    await page.waitForTimeout(500); // any onerror would have fired by now
  });

  it('renders the iframe variant on the host and resizes its frame', async () => {
    const options = readOptions((name) => ({ actors: 'Valery Gerasimov', height: '300' })[name as 'actors'] ?? null);
    const snippet = embedSnippets(parley.url, options);
    pages.set(
      '/frame',
      hostPage(snippet.iframe.replace('<iframe ', '<iframe id="f" ').replace('height="300"', 'height="120"')),
    );
    await page.goto(`${hostUrl}/frame`);
    const frame = page.frameLocator('#f');
    await expect.poll(() => frame.locator('.vis-item.parley-item:not(.vis-dot)').count(), { timeout: 20_000 }).toBe(2);
    // The frame reported its height and the host's listener applied it.
    await expect
      .poll(async () =>
        Number.parseFloat(
          (await page.locator('#f').evaluate((element) => (element as HTMLElement).style.height)) || '0',
        ),
      )
      .toBeGreaterThanOrEqual(300);
    const box = await page.locator('#f').boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(300);
    await page.screenshot({ path: screenshotPath('embed-iframe'), fullPage: true });
  });

  it('generates the snippets for the current filters in the explorer, with a live preview', async () => {
    await page.goto(`${parley.url}/?kind=meeting`);
    await page.locator('.vis-item.parley-item').first().waitFor();
    await page.getByRole('button', { name: 'Embed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this timeline' });
    await expect.poll(() => dialog.getByLabel('Script and div').inputValue()).toContain('data-kinds="meeting"');
    expect(await dialog.getByLabel('Custom element').inputValue()).toContain('<parley-timeline kinds="meeting">');
    expect(await dialog.getByLabel('Iframe (no third-party script)').inputValue()).toContain('/embed?kinds=meeting');
    const preview = page.frameLocator('.embed-preview');
    await expect
      .poll(() => preview.locator('.vis-item.kind-meeting:not(.vis-dot)').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await preview.locator('.vis-item.kind-statement').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('embed-generator') });
  });

  // Last: its article would otherwise show up in the filtered timelines above.
  it('shows a date that is only the publication day as "reported on" in the popover', async () => {
    const { key } = await createApiKey(parley.db.prisma, { name: 'embed reported-on test', role: 'editor' });
    const ingested = await graphql<{ ingestArticle: { created: Array<{ kind: string }> } }>(
      parley.url,
      'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { created { kind } } }',
      {
        input: {
          // No date in the text: the statement can only be dated by the article's publication.
          text: '“The ferry to the islands will run all winter,” Transport Minister Ines Varga said.',
          format: 'TEXT',
          publisher: 'Test Wire',
          publishedAt: '2018-12-07',
        },
      },
      { authorization: `Bearer ${key}` },
    );
    expect(ingested.body.errors).toBeUndefined();
    expect(ingested.body.data?.ingestArticle.created.map((item) => item.kind)).toContain('STATEMENT');

    const snippet = embedSnippets(
      parley.url,
      readOptions((name) => ({ text: 'Varga', height: '360' })[name as 'text'] ?? null),
    );
    pages.set(
      '/reported',
      hostPage(snippet.script.replace('<div data-parley-timeline', '<div id="r" data-parley-timeline')),
    );
    await page.goto(`${hostUrl}/reported`);
    await expect.poll(() => widgetItems('r').count(), { timeout: 20_000 }).toBe(1);
    await widgetItems('r').first().click();
    const kindLine = page.locator('#r .parley-popover .parley-kind');
    await expect.poll(() => kindLine.innerText()).toBe('Statement · reported on 7 Dec 2018');
    await page.locator('#r').screenshot({ path: docsScreenshotPath('embed-reported-on') });
  });
});
