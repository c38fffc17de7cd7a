import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LAYER_IDS } from '../../geo/model/layers.ts';
import { DEFAULT_VIEW } from '../../src/state/app-types.ts';
import { canvasPixels, changedFraction, launch, openApp, settle } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

function hashParam(page: Page, key: string): string | null {
  return new URLSearchParams(new URL(page.url()).hash.slice(1)).get(key);
}

describe('the map', () => {
  test('every layer draws pixels that disappear from the canvas when its box is unticked', async () => {
    const { page, context, problems } = await openApp(browser);
    for (const id of LAYER_IDS) {
      const before = await canvasPixels(page);
      await settle(page, () => page.locator(`#layer-${id}`).uncheck());
      const after = await canvasPixels(page);
      expect(changedFraction(before, after), `unticking ${id}`).toBeGreaterThan(0.0005);
      expect(hashParam(page, 'layers')?.split(',')).not.toContain(id);
      await settle(page, () => page.locator(`#layer-${id}`).check());
      const restored = await canvasPixels(page);
      expect(changedFraction(before, restored), `ticking ${id} again`).toBeLessThan(0.0005);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  test('hovering a county shows a pointer and clicking it selects it and opens its card', async () => {
    const { page, context, problems } = await openApp(browser);
    const canvas = page.locator('.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    // 洪洞县 lies here in the first view (1280 × 800, panel on the left). The mouse API is used
    // because Playwright's actionability checks never find a WebGL canvas "stable".
    await settle(page, () => page.mouse.move(box.x + 470, box.y + 320));
    expect(await canvas.evaluate((element) => (element as HTMLElement).style.cursor)).toBe('pointer');
    await settle(page, () => page.mouse.click(box.x + 470, box.y + 320));
    expect(hashParam(page, 'sel')).toBe('county:141024');
    expect(await page.locator('.maplibregl-popup [data-place-card="county:141024"]').count()).toBe(1);
    // Clicking empty land outside every layer clears the selection.
    await settle(page, () => page.mouse.click(box.x + 700, box.y + 650));
    expect(hashParam(page, 'sel')).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a drag that starts on a county shows the grabbing cursor, not the pointer, and moves the map', async () => {
    const { page, context, problems } = await openApp(browser);
    const canvas = page.locator('.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    const cursor = (): Promise<string> => canvas.evaluate((element) => getComputedStyle(element).cursor);
    const [x, y] = [box.x + 470, box.y + 320]; // 洪洞县, as above
    await settle(page, () => page.mouse.move(x, y));
    expect(await cursor()).toBe('pointer');
    const before = hashParam(page, 'map');
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(x - i * 20, y - i * 10);
    // MapLibre's own cursor while the button is held; the pointer would say a click is coming.
    expect(await cursor()).toBe('grabbing');
    await settle(page, () => page.mouse.up());
    await expect.poll(() => hashParam(page, 'map'), { message: 'the view after the drag' }).not.toBe(before);
    // Over a county again, with no button held, the pointer is back.
    await settle(page, () => page.mouse.move(x - 110, y - 60));
    expect(await cursor()).toBe('pointer');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('parks and park clusters share one circle layer: a park selects, a cluster zooms in', async () => {
    const { page, context, problems } = await openApp(browser);
    const canvas = page.locator('.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    const cursor = (): Promise<string> => canvas.evaluate((element) => (element as HTMLElement).style.cursor);
    // In the first view (docs/screenshot-desktop.png): a lone park in 洪洞县, and the cluster of
    // six parks in 尧都区.
    const park = [box.x + 473, box.y + 340] as const;
    const cluster = [box.x + 455, box.y + 386] as const;
    await settle(page, () => page.mouse.move(...park));
    expect(await cursor()).toBe('pointer');
    await settle(page, () => page.mouse.click(...park));
    expect(hashParam(page, 'sel')).toMatch(/^park:/);
    await settle(page, () => page.keyboard.press('Escape'));
    await settle(page, () => page.mouse.move(...cluster));
    expect(await cursor()).toBe('pointer');
    await settle(page, () => page.mouse.click(...cluster));
    const zoom = (): number => Number((hashParam(page, 'map') ?? '0').split('/')[0]);
    await expect.poll(zoom, { message: 'zoom after clicking the cluster' }).toBeGreaterThan(DEFAULT_VIEW.zoom + 0.5);
    expect(hashParam(page, 'sel')).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  test('each region button brings its city into view', async () => {
    const { page, context, problems } = await openApp(browser);
    const centres: Record<string, [number, number]> = {
      '430400': [112.6, 26.9],
      '140800': [110.9, 35.1],
      '141000': [111.5, 36.2],
    };
    for (const [code, [lng, lat]] of Object.entries(centres)) {
      await settle(page, () => page.locator(`[data-region="${code}"]`).click());
      // The view reaches the URL through a throttled replaceState, so poll for it.
      const centre = (): number[] => (hashParam(page, 'map') ?? '0/0/0').split('/').map(Number);
      await expect
        .poll(() => Math.abs((centre()[1] ?? 0) - lat), { message: `latitude for ${code}` })
        .toBeLessThan(0.6);
      await expect
        .poll(() => Math.abs((centre()[2] ?? 0) - lng), { message: `longitude for ${code}` })
        .toBeLessThan(0.6);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  test('search finds a county by pinyin, and Enter selects it and opens its card', async () => {
    const { page, context, problems } = await openApp(browser);
    const box = page.locator('#place-search');
    await box.fill('hongtong');
    const first = page.locator('#place-search-results [role="option"]').first();
    expect(await first.textContent()).toContain('洪洞县');
    await settle(page, () => box.press('Enter'));
    expect(hashParam(page, 'sel')).toBe('county:141024');
    expect(await page.locator('.maplibregl-popup [data-place-card="county:141024"] h2').textContent()).toBe('洪洞县');
    // Chinese characters and English names find the same place.
    await box.fill('Hongtong County');
    expect(await first.getAttribute('data-place')).toBe('county:141024');
    await box.fill('洪洞');
    expect(await first.getAttribute('data-place')).toBe('county:141024');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('switching to English redraws the map labels and the interface', async () => {
    const { page, context, problems } = await openApp(browser);
    const zh = await canvasPixels(page);
    await settle(page, () => page.getByRole('button', { name: 'Switch to English' }).click());
    const en = await canvasPixels(page);
    expect(changedFraction(zh, en)).toBeGreaterThan(0.002);
    expect(hashParam(page, 'lang')).toBe('en');
    expect(await page.locator('label[for="layer-counties"]').textContent()).toContain('Counties and districts');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('at 640 px or less the panel is a bottom sheet and the map keeps most of the screen', async () => {
    const { page, context, problems } = await openApp(browser, { viewport: { width: 390, height: 844 }, touch: true });
    const map = await page.locator('.maplibregl-canvas').boundingBox();
    const panel = await page.locator('aside.panel').boundingBox();
    expect(map).not.toBeNull();
    expect(panel).not.toBeNull();
    expect(map!.height).toBeGreaterThan(844 * 0.5);
    expect(panel!.y).toBeGreaterThanOrEqual(map!.y + map!.height - 1);
    await page.screenshot({ path: 'docs/screenshot-narrow.png' });
    // On a narrow screen a selection opens in the sheet rather than in a popup over the map.
    await page.locator('#place-search').fill('jishan');
    await settle(page, () => page.locator('#place-search').press('Enter'));
    expect(await page.locator('aside [data-place-card="county:140824"]').count()).toBe(1);
    expect(await page.locator('.maplibregl-popup').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
