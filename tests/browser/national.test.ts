/**
 * The national county layer in the browser (issue 18): nothing of it loads at the default view;
 * zoomed out it loads and paints counties far from the plan cities; a county in another province
 * has a card with its census figures and ranks, found by pinyin and framed by a link; a province
 * census file that fails costs only itself.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseCensusFile } from '../../geo/schema.ts';
import { formatCensusValue } from '../../src/i18n/census-format.ts';
import { PNG } from 'pngjs';
import { canvasPixels, changedFraction, downloaded, launch, openApp, settle } from './harness.ts';

/** The per-province census file the build wrote for Shaanxi, which the card must show. */
function shaanxi() {
  const parsed = parseCensusFile(JSON.parse(readFileSync('dist/data/census/610000.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.data;
}

const isNational = (url: string): boolean =>
  /\/tiles\/counties\/|\/data\/census\/|\/data\/national-/.test(new URL(url).pathname);

function countNational(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (isNational(request.url())) seen.push(new URL(request.url()).pathname);
  });
  return seen;
}

/** Where the map is, from the hash the app writes. */
async function viewOf(page: Page): Promise<{ zoom: number; lat: number; lng: number }> {
  const hash = await page.evaluate(() => location.hash);
  const map = new URLSearchParams(hash.slice(1)).get('map') ?? '';
  const [zoom = NaN, lat = NaN, lng = NaN] = map.split('/').map(Number);
  return { zoom, lat, lng };
}

/** Waits until the map has drawn everything it has (tiles included) and stays so for a moment. */
async function quiet(page: Page): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await page.waitForFunction(
      () => document.querySelector('[data-map-busy]')?.getAttribute('data-map-busy') === 'false',
      undefined,
      {
        timeout: 45_000,
      },
    );
    await page.waitForTimeout(500);
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('national layer', () => {
  test('at the default view nothing of it is requested', async () => {
    const { page, context, problems } = await openApp(browser, { waitForMap: false });
    const seen = countNational(page);
    await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, undefined, {
      timeout: 45_000,
    });
    // Pan about within Linfen: still nothing.
    await settle(page, () => page.evaluate(() => (location.hash = '#map=8/36.1/111.5')));
    await page.waitForTimeout(500);
    expect(seen).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('zoomed out it loads tiles and paints counties far from the plan cities', async () => {
    // Sichuan, about 800 km from the nearest plan city, where county borders show from zoom 6.
    const hash = '#map=6.2/30.6/104.1&layers=';
    const { page, context, problems } = await openApp(browser, { waitForMap: false });
    const seen = countNational(page);
    await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0);
    await settle(page, () => page.evaluate((h) => (location.hash = h), hash));
    await expect.poll(() => seen.filter((p) => p.includes('/tiles/counties/')).length).toBeGreaterThan(0);
    await quiet(page);
    const painted = await canvasPixels(page);
    // The same view with every tile empty: what the national layer adds is the difference.
    const bare = await openApp(browser, { hash, waitForMap: false });
    await bare.context.route('**/tiles/counties/**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/x-protobuf', body: Buffer.alloc(0) }),
    );
    await bare.page.reload();
    await bare.page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0);
    await quiet(bare.page);
    const empty = await canvasPixels(bare.page);
    expect(changedFraction(painted, empty)).toBeGreaterThan(0.01);
    expect(problems).toEqual([]);
    expect(bare.problems).toEqual([]);
    await bare.context.close();
    await context.close();
  });

  test('the 全国 switch is in the link: it draws the layer, a shared link draws it again, off hides it', async () => {
    // The default view: Shaanxi's counties west of the Yellow River are in the canvas, drawn only by this layer.
    const { page, context, problems } = await openApp(browser);
    await quiet(page);
    const without = await canvasPixels(page);
    const seen = countNational(page);
    await settle(page, () => page.locator('[data-national-toggle]').check());
    await expect.poll(() => seen.filter((p) => p.includes('/tiles/counties/')).length).toBeGreaterThan(0);
    expect(await page.evaluate(() => location.hash)).toBe('#national=1');
    await quiet(page);
    const drawn = await canvasPixels(page);
    expect(changedFraction(drawn, without)).toBeGreaterThan(0.01);

    const shared = await openApp(browser, { hash: '#national=1' });
    await quiet(shared.page);
    expect(await shared.page.locator('[data-national-toggle]').isChecked()).toBe(true);
    expect(changedFraction(await canvasPixels(shared.page), drawn)).toBeLessThan(0.002);
    expect(shared.problems).toEqual([]);
    await shared.context.close();

    await settle(page, () => page.locator('[data-national-toggle]').uncheck());
    expect(await page.evaluate(() => location.hash)).toBe('');
    await quiet(page);
    expect(changedFraction(await canvasPixels(page), without)).toBeLessThan(0.002);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the China region brings it in', async () => {
    const { page, context, problems } = await openApp(browser);
    const seen = countNational(page);
    await settle(page, () => page.locator('[data-region="china"]').click());
    await expect.poll(async () => (await viewOf(page)).zoom).toBeLessThan(5);
    await expect.poll(() => seen.filter((p) => p.includes('/tiles/counties/')).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a census indicator colours the whole country, far from the plan cities', async () => {
    // Centred on Qinghai at zoom 5: the plan cities lie some 350 px right of the centre, so the
    // left third of the canvas is all national layer.
    const view = '#map=5/33/104&layers=';
    const plain = await openApp(browser, { hash: view });
    await quiet(plain.page);
    const before = await canvasPixels(plain.page);
    expect(plain.problems).toEqual([]);
    await plain.context.close();
    const { page, context, problems } = await openApp(browser, { hash: `${view}&ind=census-density` });
    await expect
      .poll(
        () =>
          page.evaluate(
            () => performance.getEntriesByType('resource').filter((e) => /\/data\/census\//.test(e.name)).length,
          ),
        { timeout: 30_000 },
      )
      .toBeGreaterThanOrEqual(31);
    await quiet(page);
    const after = await canvasPixels(page);
    const leftThird = (p: typeof before) => {
      const w = Math.floor(p.width / 3);
      const data = Buffer.alloc(w * p.height * 4);
      for (let y = 0; y < p.height; y++) p.data.copy(data, y * w * 4, y * p.width * 4, (y * p.width + w) * 4);
      return { width: w, height: p.height, data };
    };
    expect(changedFraction(leftThird(before), leftThird(after))).toBeGreaterThan(0.3);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  test('sel=county:610581 (陕西 韩城市) frames it, draws it, and its card shows its census figures and ranks', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#sel=county:610581' });
    const card = page.locator('[data-place-card="county:610581"]').first();
    await expect.poll(() => card.locator('h2').textContent()).toContain('韩城市');
    expect(await card.locator('.kind').textContent()).toContain('渭南市');
    const census = shaanxi();
    const place = census.places['county:610581']!;
    const section = card.locator('[data-census="county:610581"]');
    await expect.poll(() => section.count()).toBe(1);
    for (const [i, indicator] of census.indicators.entries()) {
      const row = section.locator(`tr[data-census-indicator="${indicator.id}"]`);
      expect(await row.locator('.number').textContent()).toBe(formatCensusValue(place.v[i] ?? null, indicator, 'zh'));
    }
    const ranks = await section.locator('tr[data-census-indicator="census-res2020"] .ranks').textContent();
    expect(ranks).toMatch(/渭南市第[\d,]+位（共11）/);
    expect(ranks).toMatch(/陕西省第[\d,]+位（共\d+）/);
    expect(ranks).toMatch(/全国第[\d,]+位（共[\d,]+）/);
    // Framed: the view's centre is in the county's bbox (110.11, 35.3, 110.61, 35.87).
    await expect.poll(async () => (await viewOf(page)).zoom).toBeGreaterThan(8);
    const view = await viewOf(page);
    expect(view.lng).toBeGreaterThan(110.0);
    expect(view.lng).toBeLessThan(110.7);
    expect(view.lat).toBeGreaterThan(35.2);
    expect(view.lat).toBeLessThan(36);
    // Framed within reach of Yuncheng, where the view alone would not bring the layer in: the
    // selection does, since only this layer draws the county. Drawn, it asks for the tiles of the
    // next zoom out.
    const seen = countNational(page);
    await settle(page, () =>
      page.evaluate((v) => (location.hash = `#map=${v.zoom - 1}/${v.lat}/${v.lng}&sel=county:610581`), view),
    );
    await expect.poll(() => seen.filter((p) => p.includes('/tiles/counties/')).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the PNG of a view with a county elsewhere selected names it under the title', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#sel=county:610581' });
    await expect
      .poll(() => page.locator('[data-place-card="county:610581"] h2').first().textContent())
      .toContain('韩城市');
    await quiet(page);
    await page.locator('details.export > summary').click();
    const selected = PNG.sync.read(await downloaded(page, '[data-export="png"]'));
    // The same view, nothing selected: the title band loses the 20-pixel line that names the place.
    const view = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('map');
    await settle(page, () => page.evaluate((map) => (location.hash = `#map=${map}`), view));
    const plain = PNG.sync.read(await downloaded(page, '[data-export="png"]'));
    expect(selected.width).toBe(plain.width);
    expect(selected.height - plain.height).toBe(20);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('search finds a county elsewhere by pinyin and English', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#lang=en' });
    const input = page.locator('#place-search');
    await input.focus();
    await input.fill('hancheng');
    await expect.poll(() => page.locator('[data-place="county:610581"]').count()).toBe(1);
    await input.fill('长沙县');
    await expect.poll(() => page.locator('[data-place="county:430121"]').count()).toBe(1);
    await input.fill('Hancheng City');
    const option = page.locator('[data-place="county:610581"]');
    await expect.poll(() => option.count()).toBe(1);
    await settle(page, () => input.press('Enter'));
    await expect
      .poll(() => page.locator('[data-place-card="county:610581"] h2').first().textContent())
      .toContain('Hancheng');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('clicking a county of another province opens its card', async () => {
    // 长沙县 (430121) lies east of Changsha; the point is inside it.
    const { page, context, problems } = await openApp(browser, { hash: '#map=9/28.3/113.3' });
    await quiet(page);
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await settle(page, () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2));
    const card = page.locator('[data-place-card="county:430121"]').first();
    await expect.poll(() => card.locator('h2').textContent()).toContain('长沙县');
    await expect.poll(() => card.locator('[data-census="county:430121"] tr').count()).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('links to codes not in the index are refused by name; a failed province file costs only itself', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#sel=county:610599' });
    const notices = () => page.locator('[data-notice]').allTextContents();
    await expect.poll(async () => (await notices()).join('\n')).toContain('sel');
    expect(await page.locator('[data-place-card]').count()).toBe(0);
    await context.route('**/data/census/610000.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.evaluate(() => (location.hash = '#sel=county:610581'));
    await expect.poll(async () => (await notices()).join('\n')).toContain('census/610000.json');
    await expect
      .poll(() => page.locator('[data-place-card="county:610581"] h2').first().textContent())
      .toContain('韩城市');
    expect(problems.filter((p) => !p.startsWith('console error: Failed to load resource'))).toEqual([]);
    await context.close();
  });
});
