/**
 * The explorer in a real Chromium against the built app on a database loaded with the
 * seed corpus, offline. Every test fails on any console error or warning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
import { parseCsv } from '../support/csv.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { graphql, startTestParley } from '../support/parley.js';

const explorerPage = fileURLToPath(new URL('../../client/dist/index.html', import.meta.url));
const MATTIS_QUOTE = 'We are not in a position right now to collaborate on a military level';

describe.skipIf(!chromiumPath)(chromiumPath ? 'Explorer' : `Explorer: skipped, ${skipReason}`, () => {
  let database: TestDatabase;
  let parley: RunningParley;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let blocked: string[];

  beforeAll(async () => {
    if (!existsSync(explorerPage)) {
      throw new Error(`${explorerPage} is missing: run \`npm run build -w @parley/client\` first.`);
    }
    database = await createTestDatabase();
    parley = await startTestParley(database.url, { PARLEY_LOAD_SEEDS: 'true' });
    browser = await launchChromium();
  });

  beforeAll(async () => {
    ({ page, problems, blocked } = await openWatchedPage(browser));
  });

  afterEach(() => {
    expect(problems).toEqual([]);
    expect(blocked).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.stop();
    await database?.drop();
  });

  const list = () => page.getByRole('listbox', { name: 'Timeline items in date order' });
  const options = () => list().getByRole('option');
  // Point items draw their dot as a second .vis-item element; count the items themselves.
  const drawn = () => page.locator('.vis-item.parley-item:not(.vis-dot)');
  const details = () => page.getByRole('complementary', { name: 'Item details' });

  it('opens with the seed items on the timeline and in the list', async () => {
    await page.goto(parley.url);
    await drawn().first().waitFor();
    expect(await drawn().count()).toBeGreaterThan(10);
    await expect.poll(() => options().count()).toBeGreaterThan(10);
    // Kinds are told apart on the timeline and explained by the legend.
    expect(await page.locator('.vis-item.kind-statement').count()).toBeGreaterThan(0);
    expect(await page.locator('.vis-item.kind-meeting').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('list', { name: 'Legend' }).innerText()).toContain('Meeting');
    // Month-precise items are ranges, not points.
    expect(await page.locator('.vis-item.vis-range.precision-month').count()).toBeGreaterThan(0);
    // The window settled into the URL.
    expect(new URL(page.url()).searchParams.get('start')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.screenshot({ path: screenshotPath('explorer-main'), fullPage: true });
  });

  it('switches lanes between kinds and actors, and keeps the choice in the URL', async () => {
    await page.goto(parley.url);
    await drawn().first().waitFor();
    const lanes = () => page.locator('.vis-labelset .vis-label').allInnerTexts();
    await expect.poll(lanes).toEqual(expect.arrayContaining(['Meetings', 'Statements']));
    await page.getByRole('radio', { name: 'By actor' }).check();
    await expect.poll(lanes).toEqual(expect.arrayContaining(['James Mattis']));
    expect(new URL(page.url()).searchParams.get('group')).toBe('actor');
    // The busiest actors get lanes: the two generals who met twice among them.
    await expect.poll(lanes).toEqual(expect.arrayContaining(['Joseph Dunford Jr.', 'Valeriy Gerasimov']));
    await page.reload();
    await expect.poll(lanes).toEqual(expect.arrayContaining(['James Mattis']));
  });

  it('shows the Mattis statement with one citation from each of the three articles that report it', async () => {
    await page.goto(parley.url);
    await drawn().first().waitFor();
    await page.locator('.vis-item.kind-statement', { hasText: 'We are not in a position right now' }).click();

    const panel = details();
    await panel.getByRole('heading', { level: 2 }).waitFor();
    await expect.poll(() => panel.locator('.detail-quote').innerText()).toContain(MATTIS_QUOTE);
    const sources = panel.locator('.citations > li');
    await expect.poll(() => sources.count()).toBe(3);
    const excerpts: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const source = sources.nth(i);
      const marked = await source.locator('mark').allInnerTexts();
      // Each source's own passage, with the quoted words highlighted in it.
      expect(marked.join(' ')).toMatch(/not in a position right now to collaborate/i);
      excerpts.push(await source.locator('.excerpt').first().innerText());
    }
    expect(new Set(excerpts).size).toBe(3);
    expect(await panel.innerText()).toMatch(/3 sources/);
    expect(new URL(page.url()).searchParams.get('item')).toBeTruthy();
    await page.screenshot({ path: screenshotPath('explorer-detail'), fullPage: true });

    // Back closes the details: opening an item is a history entry.
    await page.goBack();
    await expect.poll(() => details().count()).toBe(0);
  });

  it('filters by the actor Valery Gerasimov to exactly the two Dunford-Gerasimov meetings, and keeps it on reload', async () => {
    await page.goto(parley.url);
    await drawn().first().waitFor();
    const combobox = page.getByRole('combobox', { name: 'Actors' });
    await combobox.fill('Valery Gerasimov');
    const option = page.getByRole('listbox', { name: 'Matching actors' }).getByRole('option', { name: /Gerasimov/ });
    await option.first().waitFor();
    await option.first().click();

    await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toBeTruthy();
    const expectTwoMeetings = async () => {
      await expect.poll(() => options().count()).toBe(2);
      const rows = await options().allInnerTexts();
      for (const row of rows) {
        expect(row).toMatch(/Meeting/);
        expect(row).toMatch(/Dunford/);
        expect(row).toMatch(/Gerasimov/);
      }
      await expect.poll(() => drawn().count()).toBe(2);
    };
    await expectTwoMeetings();
    const filtered = page.url();

    await page.reload();
    expect(page.url()).toBe(filtered);
    await expectTwoMeetings();
    await expect.poll(() => page.getByRole('list', { name: 'Chosen actors' }).innerText()).toContain('Gerasimov');

    // Back returns to the unfiltered timeline.
    await page.goBack();
    await expect.poll(() => options().count()).toBeGreaterThan(2);
  });

  it('exports the items under the current filters as CSV, JSON and TimelineJS', async () => {
    const found = await graphql<{ actors: { nodes: Array<{ id: string }> } }>(
      parley.url,
      '{ actors(search: "Valery Gerasimov") { nodes { id } } }',
    );
    const actorId = found.body.data?.actors.nodes[0]?.id;
    expect(actorId).toBeTruthy();
    await page.goto(`${parley.url}/?actor=${actorId}`);
    await expect.poll(() => options().count()).toBe(2);
    await page.getByText('Export', { exact: true }).click();

    const download = async (name: RegExp) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      const path = await file.path();
      return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
    };
    const csv = await download(/CSV/);
    expect(csv.name).toMatch(/^parley-timeline-\d{8}\.csv$/);
    const [header, ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(2);
    const kind = header?.indexOf('kind') ?? -1;
    const title = header?.indexOf('title') ?? -1;
    expect(rows.map((row) => row[kind])).toEqual(['MEETING', 'MEETING']);
    expect(rows.every((row) => /Dunford/.test(row[title] ?? ''))).toBe(true);

    const json = JSON.parse((await download(/JSON \(with every citation\)/)).text) as {
      items: Array<{ kind: string; citations: unknown[] }>;
    };
    expect(json.items.map((item) => item.kind)).toEqual(['MEETING', 'MEETING']);
    expect(json.items.every((item) => item.citations.length > 0)).toBe(true);

    const timelineJs = JSON.parse((await download(/TimelineJS/)).text) as { events: unknown[] };
    expect(timelineJs.events).toHaveLength(2);
  });

  it('works by keyboard alone: reach the list, move through items, open and close the details', async () => {
    await page.goto(parley.url);
    await drawn().first().waitFor();
    await expect.poll(() => options().count()).toBeGreaterThan(3);

    // Tab from the top of the page until the list has focus.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await list().evaluate((element) => element === document.activeElement);
    }
    expect(reached).toBe(true);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const active = await list().getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    const selected = list().locator('[aria-selected="true"]');
    expect(await selected.count()).toBe(1);
    expect(await selected.getAttribute('id')).toBe(active);
    const title = await selected.locator('.item-title').innerText();
    // The timeline follows the list's selection.
    // A lane below the fold is scrolled to first; on a busy machine that takes more than a second.
    await expect.poll(() => page.locator('.vis-item.vis-selected').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.keyboard.press('Enter');
    const heading = details().getByRole('heading', { level: 2 });
    await heading.waitFor();
    expect(await heading.innerText()).toBe(title);
    // Focus moved into the panel.
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => details().count()).toBe(0);
    // And came back to the list.
    await expect.poll(() => list().evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('lists the sources with their warnings, and ingests a pasted article with an editor key', async () => {
    await page.goto(`${parley.url}/sources`);
    const sources = page.locator('.source-row');
    await expect.poll(() => sources.count()).toBe(5);
    // The plain-text copy of the Moscow Times article is shown as a copy.
    await expect.poll(() => page.locator('.source-list').innerText()).toMatch(/Copy of NATO Will Never Give Up/);

    // Without a key the form says what is needed.
    await expect.poll(() => page.locator('.notice').innerText()).toMatch(/editor's API key/);
    const { key } = await createApiKey(parley.db.prisma, { name: 'explorer test', role: 'editor' });
    await page.getByRole('button', { name: 'Enter it in settings' }).click();
    await page.getByLabel('API key (editors only)').fill(key);
    await page.getByRole('button', { name: 'Save' }).click();

    const article = [
      'Lavrov and Tillerson meet in Moscow',
      '',
      'MOSCOW, April 12, 2017 — Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Rex Tillerson in Moscow on Wednesday.',
      '"We are not in a position right now to collaborate on a military level," U.S. Defense Secretary Jim Mattis said in February, Tillerson recalled.',
    ].join('\n');
    await page.getByLabel('Article text (plain text, Markdown or HTML)').fill(article);
    await page.getByLabel('Publisher').fill('Test Wire');
    await page.getByLabel('Published').fill('2017-04-12');
    await page.getByRole('button', { name: 'Ingest article' }).click();
    const outcome = page.getByRole('region', { name: 'What the article added' });
    await outcome.waitFor();
    expect(await outcome.innerText()).toMatch(/was ingested: \d+ new items?, \d+ existing items? corroborated/);
    await expect.poll(() => sources.count()).toBe(6);
  });

  it('is usable at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(parley.url);
    await drawn().first().waitFor();
    await options().first().click();
    await details().getByRole('heading', { level: 2 }).waitFor();
    // The details cover the lower part of the screen like a sheet, down to its bottom edge.
    const sheet = await details().boundingBox();
    expect(sheet && sheet.y + sheet.height).toBeGreaterThanOrEqual(843);
    expect(sheet?.width).toBeGreaterThanOrEqual(389);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: screenshotPath('explorer-phone') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  // Last: it adds a source, which the sources test above counts.
  it('shows a date that is only the publication day as "reported on", in the details, list and tooltip', async () => {
    const { key } = await createApiKey(parley.db.prisma, { name: 'reported-on test', role: 'editor' });
    const ingested = await graphql<{ ingestArticle: { created: Array<{ kind: string; id: string }> } }>(
      parley.url,
      'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { created { kind id } } }',
      {
        input: {
          // No date in the text: the statement can only be dated by the article's publication.
          text: '“We will keep the border open for aid convoys,” Interior Minister Lena Marsh said.',
          format: 'TEXT',
          publisher: 'Test Wire',
          publishedAt: '2018-12-07',
        },
      },
      { authorization: `Bearer ${key}` },
    );
    expect(ingested.body.errors).toBeUndefined();
    const statement = ingested.body.data?.ingestArticle.created.find((item) => item.kind === 'STATEMENT');
    expect(statement).toBeTruthy();

    await page.goto(`${parley.url}/?q=Marsh&item=${statement?.id}`);
    const facts = details().locator('.detail-facts');
    await expect.poll(() => facts.innerText()).toContain('reported on 7 Dec 2018');
    expect(await facts.innerText()).not.toContain('exact day');
    await expect.poll(() => list().locator('.item-date').allInnerTexts()).toEqual(['reported on 7 Dec 2018']);
    // The timeline marks it as not a known day, and its tooltip reads the same phrase.
    const item = page.locator('.vis-item.parley-item.basis-publication:not(.vis-dot)');
    await item.waitFor();
    expect(await item.getAttribute('class')).not.toMatch(/\bexact\b/);
    await item.hover();
    await expect.poll(() => page.locator('.vis-tooltip').innerText()).toContain('reported on 7 Dec 2018');
    await details().screenshot({ path: docsScreenshotPath('explorer-reported-on') });
  });
});
