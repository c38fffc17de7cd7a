import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOSTILE } from '../fixtures/hostile-hashes.ts';
import { canvasPixels, distinctColours, launch, openApp, settle, waitForMapIdle } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const FULL = '#map=8.5/36.2/111.6&layers=counties,parks&sel=county:141024&ind=area&lang=en';

async function viewOf(page: Page): Promise<string> {
  return new URLSearchParams(new URL(page.url()).hash.slice(1)).get('map') ?? '';
}

async function expectFullView(page: Page): Promise<void> {
  expect(await page.locator('#layer-counties').isChecked()).toBe(true);
  expect(await page.locator('#layer-parks').isChecked()).toBe(true);
  expect(await page.locator('#layer-sectors').isChecked()).toBe(false);
  expect(await page.locator('#layer-rivers').isChecked()).toBe(false);
  expect(await page.locator('#indicator-select').inputValue()).toBe('area');
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  expect(await page.locator('.maplibregl-popup [data-place-card="county:141024"] h2').textContent()).toBe(
    'Hongtong County',
  );
  expect(await viewOf(page)).toBe('8.5/36.2/111.6');
}

describe('shared view URLs', () => {
  test('a full URL opened in a fresh page shows the same view, layers, popup, indicator and language', async () => {
    const { page, context, problems } = await openApp(browser, { hash: FULL });
    await expectFullView(page);
    await page.screenshot({ path: 'docs/screenshot-shared-view.png' });
    // A canonical URL is left exactly as it was.
    expect(new URL(page.url()).hash).toBe(FULL);
    await page.reload();
    await waitForMapIdle(page);
    await expectFullView(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('Back and Forward walk through three steps and restore each one completely, popup included', async () => {
    const { page, context, problems } = await openApp(browser);
    await settle(page, () => page.locator('#layer-rivers').uncheck());
    await page.locator('#place-search').fill('xiangning');
    await settle(page, () => page.locator('#place-search').press('Enter'));
    await settle(page, () => page.getByRole('button', { name: 'Switch to English' }).click());
    const popup = page.locator('.maplibregl-popup [data-place-card]');
    expect(await popup.getAttribute('data-place-card')).toBe('county:141029');

    await page.goBack();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await popup.getAttribute('data-place-card')).toBe('county:141029');
    await page.goBack();
    await expect.poll(() => popup.count()).toBe(0);
    expect(await page.locator('#layer-rivers').isChecked()).toBe(false);
    await page.goBack();
    await expect.poll(() => page.locator('#layer-rivers').isChecked()).toBe(true);

    await page.goForward();
    await expect.poll(() => page.locator('#layer-rivers').isChecked()).toBe(false);
    await page.goForward();
    await expect.poll(() => popup.getAttribute('data-place-card')).toBe('county:141029');
    await page.goForward();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await popup.locator('h2').textContent()).toBe('Xiangning County');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('panning replaces the history entry instead of adding one per frame', async () => {
    const { page, context, problems } = await openApp(browser);
    const before = await page.evaluate(() => history.length);
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    for (let i = 0; i < 5; i++) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 5 });
      await page.mouse.up();
    }
    await expect.poll(() => viewOf(page)).not.toBe('');
    expect(await page.evaluate(() => history.length)).toBe(before);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('copy link puts the canonical URL of the view on the clipboard and says so', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#sel=sector:taiyue&lang=en' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('[data-action="copy-link"]').click();
    await expect.poll(() => page.locator('[role="status"]').textContent()).toContain('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // A link with a selection and no view frames the selection, so the view is now part of it.
    expect(new URL(copied).hash).toMatch(/^#map=[\d.]+\/[\d.]+\/[\d.]+&sel=sector:taiyue&lang=en$/);
    await settle(page, () => page.locator('[data-action="reset-view"]').click());
    expect(new URL(page.url()).hash).toBe('#lang=en');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('embed mode shows only the map, its legend, attribution and a link to the full map', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#sel=county:141002&embed=1' });
    expect(await page.locator('h1').count()).toBe(0);
    expect(await page.locator('aside.panel').isVisible()).toBe(false);
    expect(await page.locator('.embed-overlay [data-legend="sectors"]').count()).toBe(1);
    expect(await page.locator('.maplibregl-ctrl-attrib').count()).toBe(1);
    expect(await page.locator('.embed-overlay a').getAttribute('href')).toMatch(
      /^#map=[\d.]+\/[\d.]+\/[\d.]+&sel=county:141002$/,
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  test("an embedded map coloured by an indicator carries that colouring's key, named, as the full map's panel shows it", async () => {
    const full = await openApp(browser, { hash: '#ind=census-change' });
    const panelKey = await full.page.locator('[data-legend="choropleth"] li').allTextContents();
    const name = await full.page.locator('#indicator-select option:checked').textContent();
    expect(full.problems).toEqual([]);
    await full.context.close();

    const { page, context, problems } = await openApp(browser, { hash: '#ind=census-change&embed=1' });
    const key = page.locator('.embed-overlay [data-legend="choropleth"] li');
    expect(panelKey.length).toBeGreaterThan(2);
    expect(await key.allTextContents()).toEqual(panelKey);
    expect(await page.locator('.embed-overlay .legend-title').textContent()).toBe(name);
    expect(problems).toEqual([]);
    await context.close();
  });

  test(`${HOSTILE.length} hostile hashes leave the app running, drawn, silent and unexecuted`, async () => {
    const { page, context, problems } = await openApp(browser);
    for (const { part } of HOSTILE) {
      await page.evaluate((hash) => {
        location.hash = hash;
      }, `sel=county:141002&${part}`);
      // Each one is parsed, reported and canonicalised; the valid selection survives.
      await expect.poll(() => new URL(page.url()).hash, { message: part.slice(0, 60) }).toContain('sel=county:141002');
    }
    expect(await page.locator('[data-notice="warning"]').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { xss?: boolean }).xss)).toBeUndefined();
    expect(distinctColours(await canvasPixels(page))).toBeGreaterThan(50);
    // A fresh load of a hostile link behaves the same as a hashchange.
    for (const { part } of HOSTILE.slice(0, 5)) {
      await page.goto(`${page.url().split('#')[0]}#${part}`);
      await waitForMapIdle(page);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
