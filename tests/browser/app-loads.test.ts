import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canvasPixels, distinctColours, launch, openApp } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('the built app', () => {
  test('renders a non-blank map with the app shell and requests nothing outside 127.0.0.1', async () => {
    const { page, context, problems } = await openApp(browser);
    const title = await page.locator('header h1').textContent();
    expect(title).toContain('板块');
    expect(title).toContain('Bankuai');
    const pixels = await canvasPixels(page);
    // Background, province lines, sector fills, county lines, rivers, labels: far more than one colour.
    expect(distinctColours(pixels)).toBeGreaterThan(50);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('GSHHG');
    await page.screenshot({ path: 'docs/screenshot-desktop.png' });
    expect(problems).toEqual([]);
    await context.close();
  });
});
