import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CensusFile } from '../../geo/schema.ts';
import { COMPARE_COLOURS } from '../../src/carto/palette.ts';
import { canvasPixels, downloaded, launch, openApp, settle, type Pixels } from './harness.ts';

const CENSUS = JSON.parse(readFileSync('geo/census.json', 'utf8')) as CensusFile;
const census = (key: string, id: string): number | null =>
  CENSUS.places[key]?.v[CENSUS.indicators.findIndex((d) => d.id === id)] ?? null;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page, as a11y.test.ts runs it (through DevTools, under the app's CSP). */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
      passes: unknown[];
    };
  });
  expect(result.passes.length).toBeGreaterThan(10);
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const PAIR = '#cmp=county:430481,county:430482';
const hashOf = (page: Page): string => new URL(page.url()).hash;
const cmpOf = (page: Page): string | null => new URLSearchParams(hashOf(page).slice(1)).get('cmp');

/** Pixels close to a colour: the compare outlines are drawn in their columns' colours. */
function pixelsNear(pixels: Pixels, hex: string, tolerance = 30): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    const d =
      Math.abs((pixels.data[i] ?? 0) - r!) +
      Math.abs((pixels.data[i + 1] ?? 0) - g!) +
      Math.abs((pixels.data[i + 2] ?? 0) - b!);
    if (d < tolerance) n++;
  }
  return n;
}

describe('compare places side by side', () => {
  test('a compare link shows both counties’ census figures as census.json gives them, charts with titles, thresholds as text', async () => {
    const { page, context, problems } = await openApp(browser, { hash: PAIR });
    const panel = page.locator('[data-compare-panel]');
    await panel.waitFor();
    const columns = panel.locator('thead [data-compare-column]');
    expect(await columns.evaluateAll((ths) => ths.map((th) => th.getAttribute('data-compare-column')))).toEqual([
      'county:430481',
      'county:430482',
    ]);
    expect(await columns.locator('button.name').allTextContents()).toEqual(['耒阳市', '常宁市']);

    for (const indicator of CENSUS.indicators) {
      const cells = panel.locator(`tr[data-compare-row="${indicator.id}"] td.value`);
      expect(await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value')))).toEqual(
        ['county:430481', 'county:430482'].map((key) => String(census(key, indicator.id) ?? '')),
      );
    }
    const residents = panel.locator('tr[data-compare-row="census-res2020"]');
    expect(await residents.locator('td.value').allTextContents()).toEqual(
      ['county:430481', 'county:430482'].map((key) => `${census(key, 'census-res2020')!.toLocaleString('en')}人`),
    );
    // Each chart is an image with a title and a description that reads out the numbers.
    const chart = residents.locator('svg[role="img"]');
    expect(await chart.locator('title').textContent()).toBe('常住人口');
    expect(await chart.locator('desc').textContent()).toContain('耒阳市 1,140,675人');
    expect(await chart.locator('rect').count()).toBe(2);
    expect(await panel.locator('svg[data-chart="dot"]').count()).toBeGreaterThan(0);
    // Both GDPs are "> 400 亿元": words, never two equal bars.
    const gdp = panel.locator('tr[data-compare-row="doc:GDP|亿元"]');
    expect(await gdp.locator('td.value').allTextContents()).toEqual(['> 400 亿元', '> 400 亿元']);
    expect(await gdp.locator('svg').count()).toBe(0);
    expect(await gdp.locator('[data-not-drawn]').getAttribute('data-not-drawn')).toBe('threshold');
    // The computed areas are drawn.
    expect(await panel.locator('tr[data-compare-row^="doc:Area"] svg rect').count()).toBe(2);

    // Without map= the view frames both counties, outlined in their columns' colours.
    expect(hashOf(page)).toMatch(/^#map=[^&]+&cmp=county:430481,county:430482$/);
    const pixels = await canvasPixels(page);
    expect(pixelsNear(pixels, COMPARE_COLOURS[0])).toBeGreaterThan(100);
    expect(pixelsNear(pixels, COMPARE_COLOURS[1])).toBeGreaterThan(100);

    // The table downloads as CSV, one column per place in picking order.
    const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-compare-csv]').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('county:430481 耒阳市,county:430482 常宁市');
    expect(csv).toContain(`census-res2020,常住人口,Residents,人,2020年第七次人口普查,1140675,790676`);

    // A column's name selects that place.
    await settle(page, () => columns.nth(1).locator('button.name').click());
    expect(new URLSearchParams(hashOf(page).slice(1)).get('sel')).toBe('county:430482');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a comparison built from the card and from search, then Back and Forward through it', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#lang=en' });
    await page.locator('#place-search').fill('leiyang');
    await settle(page, () => page.locator('#place-search').press('Enter'));
    const card = page.locator('.maplibregl-popup [data-place-card="county:430481"]');
    await settle(page, () => card.locator('[data-compare-toggle="add"]').click());
    // One place is the start of a comparison: the panel asks for another; the link has no cmp yet.
    const panel = page.locator('[data-compare-panel]');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Pick another place of the same kind');
    expect(cmpOf(page)).toBeNull();
    expect(await card.locator('[data-compare-toggle="remove"]').count()).toBe(1);

    await page.locator('#place-search').fill('changning');
    await settle(page, () => page.locator('#place-search').press('Enter'));
    const second = page.locator('.maplibregl-popup [data-place-card="county:430482"]');
    await settle(page, () => second.locator('[data-compare-toggle="add"]').click());
    await expect.poll(() => cmpOf(page)).toBe('county:430481,county:430482');

    // A sector cannot join a comparison of counties: the card says why.
    await page.locator('#place-search').fill('Fen River sector');
    await settle(page, () => page.locator('#place-search').press('Enter'));
    const sector = page.locator('.maplibregl-popup [data-place-card^="sector:"]');
    expect(await sector.locator('[data-compare-toggle="add"]').isDisabled()).toBe(true);
    expect(await sector.locator('.why').textContent()).toContain('one kind');

    // The panel's own search offers only places that can join, and adds them.
    await page.locator('#compare-search').fill('hengnan');
    await settle(page, () => page.locator('#compare-search').press('Enter'));
    await expect.poll(() => cmpOf(page)).toBe('county:430481,county:430482,county:430422');
    expect(await panel.locator('thead [data-compare-column]').count()).toBe(3);

    await settle(page, () => panel.locator('[data-compare-remove="county:430481"]').click());
    await expect.poll(() => cmpOf(page)).toBe('county:430482,county:430422');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('compare-title');

    await page.goBack();
    await expect.poll(() => cmpOf(page)).toBe('county:430481,county:430482,county:430422');
    await expect.poll(() => panel.locator('thead [data-compare-column]').count()).toBe(3);
    await page.goBack();
    await expect.poll(() => cmpOf(page)).toBe('county:430481,county:430482');
    await expect.poll(() => panel.locator('thead [data-compare-column]').count()).toBe(2);
    await page.goForward();
    await expect.poll(() => cmpOf(page)).toBe('county:430481,county:430482,county:430422');
    await page.goForward();
    await expect.poll(() => cmpOf(page)).toBe('county:430482,county:430422');

    await settle(page, () => panel.locator('[data-compare-clear]').click());
    await expect.poll(() => cmpOf(page)).toBeNull();
    await expect.poll(() => panel.count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the PNG export draws the compare table under the legend while the panel is open', async () => {
    const { page, context, problems } = await openApp(browser, { hash: `${PAIR}&layers=counties` });
    const panel = page.locator('[data-compare-panel]');
    await panel.waitFor();
    const rows = await panel.locator('tr[data-compare-row]').count();
    await page.locator('details.export > summary').click();
    const height = async (): Promise<number> => PNG.sync.read(await downloaded(page, '[data-export="png"]')).height;
    const withTable = await height();
    await settle(page, () => panel.locator('[data-compare-clear]').click());
    const without = await height();
    // A title, a header, and per row an 18-pixel line and a 14-pixel line of unit, period and source.
    expect(withTable - without).toBeGreaterThanOrEqual((40 + (18 + 14) * rows) * 0.99);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a bad compare link is refused by name, the rest kept, the link rewritten', async () => {
    const { page, context, problems } = await openApp(browser, {
      hash: '#sel=county:141002&cmp=county:430481,sector:fen&lang=en',
    });
    await expect.poll(() => page.locator('[data-notice="warning"]').textContent()).toContain('cmp');
    expect(hashOf(page)).not.toContain('cmp=');
    expect(hashOf(page)).toContain('sel=county:141002');
    expect(await page.locator('[data-compare-panel]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('embed mode shows the comparison over the map as the link made it, clear of the key', async () => {
    const { page, context, problems } = await openApp(browser, { hash: `${PAIR}&ind=area&embed=1` });
    const panel = page.locator('#map-area [data-compare-panel]');
    await panel.waitFor();
    expect(await panel.locator('thead [data-compare-column]').count()).toBe(2);
    // Nothing to add, remove, clear or download in someone else's page.
    for (const control of ['[data-compare-clear]', '[data-compare-csv]', '[data-compare-remove]', 'input'])
      expect(await panel.locator(control).count()).toBe(0);
    const key = await page.locator('.embed-overlay').boundingBox();
    const docked = await panel.boundingBox();
    expect(key !== null && docked !== null).toBe(true);
    if (key !== null && docked !== null) expect(key.y + key.height).toBeLessThanOrEqual(docked.y);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('on a 390 px phone the comparison sits in the sheet, one place per row, with nothing wider than the screen', async () => {
    const { page, context, problems } = await openApp(browser, {
      hash: '#cmp=sector:fen,sector:yellow,sector:taiyue',
      viewport: { width: 390, height: 844 },
      touch: true,
    });
    const panel = page.locator('#panel [data-compare-panel]');
    await panel.waitFor();
    const cells = panel.locator('tr[data-compare-row="census-res2020"] td.value');
    const boxes = await cells.evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(3);
    // Stacked: same left edge, each below the last.
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i]!.left).toBeCloseTo(boxes[0]!.left, 0);
      expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 1);
    }
    expect(await cells.first().evaluate((td) => getComputedStyle(td, '::before').content)).toContain('沿汾');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const widest = await panel.evaluate((el) =>
      Math.max(...[...el.querySelectorAll('svg, td, th')].map((n) => n.getBoundingClientRect().right)),
    );
    expect(widest).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
    await context.close();
  });

  test.each([
    [PAIR, 1280],
    [`${PAIR}&lang=en`, 1280],
    ['#cmp=sector:fen,sector:yellow,sector:taiyue', 390],
  ])('axe-core finds no violations with the panel open at %s (%i px)', async (hash, width) => {
    const { page, context, problems } = await openApp(browser, {
      hash,
      viewport: { width, height: width > 640 ? 800 : 844 },
    });
    await page.locator('[data-compare-panel] svg').first().waitFor();
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
