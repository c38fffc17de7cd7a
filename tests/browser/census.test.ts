/**
 * The census in the browser: a county's, a sector's and a city's card hold the figures of
 * geo/census.json with their ranks; the computed resident shares sit beside the stated ones; and
 * "colour counties by" paints a census indicator with its legend.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseCensusFile } from '../../geo/schema.ts';
import { formatCensusValue } from '../../src/i18n/census-format.ts';
import { canvasPixels, changedFraction, launch, openApp, settle } from './harness.ts';

const parsed = parseCensusFile(JSON.parse(readFileSync('geo/census.json', 'utf8')));
if (!parsed.ok) throw new Error(parsed.error);
const CENSUS = parsed.data;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('census figures', () => {
  test.each(['county:141024', 'sector:fen', 'city:430400'])(
    'the card of %s shows every census figure of census.json, formatted',
    async (key) => {
      const { page, context, problems } = await openApp(browser, { hash: `#sel=${key}` });
      const section = page.locator(`[data-census="${key}"]`).first();
      await expect.poll(() => section.count()).toBeGreaterThan(0);
      const place = CENSUS.places[key]!;
      expect(place).toBeDefined();
      for (const [i, indicator] of CENSUS.indicators.entries()) {
        const row = section.locator(`tr[data-census-indicator="${indicator.id}"]`);
        expect(await row.locator('th').textContent()).toContain(indicator.label);
        expect(await row.locator('.number').textContent()).toBe(formatCensusValue(place.v[i] ?? null, indicator, 'zh'));
      }
      if (key.startsWith('county:')) {
        // 洪洞县: a rank within Linfen and within Shanxi, each "of N".
        const ranks = await section.locator('tr[data-census-indicator="census-res2020"] .ranks').textContent();
        expect(ranks).toMatch(/临汾市第\d+位（共17）/);
        expect(ranks).toMatch(/山西省第\d+位（共\d+）/);
      }
      expect(problems).toEqual([]);
      await context.close();
    },
  );

  test('the documents’ claims about residents get a computed value and agree (Hengyang 79.5 %, Fen ≥ 60 %)', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#sel=city:430400&lang=en' });
    const hy = page.locator('tr[data-indicator="hengyang-county-population-share"] .computed');
    expect(await hy.textContent()).toContain('79.5%');
    expect(await hy.getAttribute('data-agreement')).toBe('agrees');
    await settle(page, () => page.evaluate(() => (location.hash = '#sel=sector:fen&lang=en')));
    const fen = page.locator('tr[data-indicator="fen-population-share"] .computed');
    expect(await fen.textContent()).toContain('69.7%');
    expect(await fen.getAttribute('data-agreement')).toBe('agrees');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('colouring by the change 2010–2020 paints the counties with a diverging legend and opens the dataset panel', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#layers=counties' });
    const before = await canvasPixels(page);
    await settle(page, () => page.locator('#indicator-select').selectOption('census-change'));
    expect(await page.evaluate(() => location.hash)).toContain('ind=census-change');
    expect(changedFraction(before, await canvasPixels(page))).toBeGreaterThan(0.05);
    const legend = page.locator('[data-legend="choropleth"] li');
    expect(await legend.count()).toBeGreaterThan(2);
    expect(await page.locator('[data-legend="choropleth"]').textContent()).toContain('无数据');
    await page.locator('.indicator .source-link').click();
    await expect.poll(() => page.locator('[data-source-panel="census"]').textContent()).toContain('MIT');
    expect(problems).toEqual([]);
    await context.close();
  });
});
