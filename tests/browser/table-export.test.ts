import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { downloaded, launch, openApp } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const hashParam = (page: Page, key: string): string | null =>
  new URLSearchParams(new URL(page.url()).hash.slice(1)).get(key);

/** What has focus: enough to steer by keyboard without ever clicking. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      value: el instanceof HTMLInputElement ? el.value : '',
      column: el?.closest('th')?.getAttribute('data-column') ?? '',
      place: el?.getAttribute('data-table-place') ?? '',
    };
  });

async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, limit = 12): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await done()) return;
    await page.keyboard.press(key);
  }
  expect(await done(), `pressing ${key} ${limit} times`).toBe(true);
}

const areas = (page: Page): Promise<number[]> =>
  page
    .locator('.table-view tbody td[data-cell="area"]')
    .allTextContents()
    .then((cells) => cells.map((cell) => Number(cell.replaceAll(',', ''))));

describe('the table view', () => {
  test('is operated by keyboard only: filter, sort, and Enter on a row selects the county on the map', async () => {
    const { page, context, problems } = await openApp(browser);
    const details = page.locator('details.table-view');
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);

    // Tab reaches the filter's checked radio; arrows move through the types to counties.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'INPUT', value: 'all' });
    await pressUntil(page, 'ArrowRight', async () => (await focused(page)).value === 'county');
    const keys = await details.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')));
    expect(keys.length).toBeGreaterThan(30);
    expect(keys.every((key) => key?.startsWith('county:'))).toBe(true);

    // Tab to the area column's sort button; Enter sorts ascending, Enter again descending.
    await pressUntil(page, 'Tab', async () => (await focused(page)).column === 'area');
    const areaHeader = details.locator('th[data-column="area"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => areaHeader.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await areas(page);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await details.locator('th[aria-sort]').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => areaHeader.getAttribute('aria-sort')).toBe('descending');
    const descending = await areas(page);
    expect(descending).toEqual([...ascending].sort((a, b) => b - a));

    // Tab on to the first row's name, the largest county, and select it with Enter.
    await pressUntil(page, 'Tab', async () => (await focused(page)).place !== '');
    const key = (await focused(page)).place;
    expect(key).toBe(keys.length > 0 ? await details.locator('tbody tr').first().getAttribute('data-row') : '');
    await page.keyboard.press('Enter');
    await page.locator(`[data-place-card="${key}"]`).waitFor({ state: 'visible' });
    await expect.poll(() => hashParam(page, 'sel')).toBe(key);
    expect(await details.locator(`tr[data-row="${key}"]`).getAttribute('aria-current')).toBe('true');

    // A selection made elsewhere (here: search) marks its row and scrolls it into the table's view.
    await page.locator('#place-search').fill('尧都');
    await page.locator('#place-search').press('Enter');
    await expect.poll(() => hashParam(page, 'sel')).toBe('county:141002');
    const yaodu = details.locator('tr[data-row="county:141002"]');
    await expect.poll(() => yaodu.getAttribute('aria-current')).toBe('true');
    expect(await details.locator('tr[aria-current]').count()).toBe(1);
    await expect
      .poll(() =>
        yaodu.evaluate((row) => {
          const box = row.closest('.scroller')?.getBoundingClientRect();
          const r = row.getBoundingClientRect();
          return box !== undefined && r.top >= box.top && r.bottom <= box.bottom + 1;
        }),
      )
      .toBe(true);

    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('export', () => {
  test('downloads the view as a PNG, the counties as CSV and GeoJSON, and every figure as CSV', async () => {
    const { page, context, problems } = await openApp(browser);
    await page.locator('details.export > summary').click();

    const png = await downloaded(page, '[data-export="png"]');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(20_000);
    const image = PNG.sync.read(png);
    const canvas = await page.locator('.maplibregl-canvas').boundingBox();
    // The map at full width, with a title band above it and the legend and credits below.
    expect(image.width).toBe(Math.round(canvas?.width ?? 0));
    expect(image.height).toBeGreaterThan(Math.round(canvas?.height ?? 0) + 80);

    const csvBytes = await downloaded(page, '[data-export="counties-csv"]');
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = csvBytes.toString('utf8').slice(1);
    const [header = '', ...lines] = csv.split('\r\n');
    expect(header.split(',').slice(0, 3)).toEqual(['key', 'code', 'name']);
    expect(header).toContain('indicator_id');
    expect(csv).toContain('尧都区');
    expect(lines.some((line) => line.startsWith('county:141002,') && line.includes('county-141002-area'))).toBe(true);

    // The app holds no county shapes (the map draws them from tiles): the export fetches them.
    const geojson = JSON.parse((await downloaded(page, '[data-export="counties-geojson"]')).toString('utf8')) as {
      type: string;
      features: { id: string; properties: { name: string }; geometry: { type: string; coordinates: unknown[] } }[];
    };
    expect(geojson.type).toBe('FeatureCollection');
    const yaodu = geojson.features.find((f) => f.id === 'county:141002');
    expect(yaodu?.properties.name).toBe('尧都区');
    expect(['Polygon', 'MultiPolygon']).toContain(yaodu?.geometry.type);
    expect(geojson.features.every((f) => f.geometry.coordinates.length > 0)).toBe(true);

    // Every figure, one row each, named by its place.
    const indicators = (await downloaded(page, '[data-export="indicators-csv"]')).toString('utf8');
    expect(indicators.startsWith('\uFEFFsubject,subject_name,indicator_id,')).toBe(true);
    expect(indicators).toContain('county:141002,尧都区,county-141002-area,');

    expect(problems).toEqual([]);
    await context.close();
  });

  test('a GeoJSON export whose shapes file fails says which file, and the map and the CSV still work', async () => {
    const { page, context, problems } = await openApp(browser, { failData: ['sectors-shapes.json'] });
    await page.locator('details.export > summary').click();
    await page.locator('[data-export="sectors-geojson"]').click();
    await expect
      .poll(() => page.locator('[data-notice="error"]').allTextContents())
      .toEqual([expect.stringContaining('sectors-shapes.json')]);
    // The sectors are still on the map (their tiles) and in the CSV (their file without shapes).
    const csv = (await downloaded(page, '[data-export="sectors-csv"]')).toString('utf8');
    expect(csv).toContain('sector:fen,');
    // Chrome itself logs the failed request; the app adds nothing to the console.
    expect(problems.filter((p) => !p.startsWith('console error: Failed to load resource'))).toEqual([]);
    await context.close();
  });
});
