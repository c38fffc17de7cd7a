import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Indicator } from '../../geo/schema.ts';
import { computedMethod, formatValue } from '../../src/i18n/format.ts';
import { canvasPixels, changedFraction, launch, openApp, settle } from './harness.ts';

const INDICATORS = JSON.parse(readFileSync('geo/indicators.json', 'utf8')) as Indicator[];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('linked indicator popups', () => {
  test.each(['county:141024', 'sector:fen', 'park:linfen-edz', 'county:430481', 'city:430400'])(
    'the popup of %s lists every figure indicators.json gives it, formatted, with its source',
    async (key) => {
      const { page, context, problems } = await openApp(browser, { hash: `#sel=${key}` });
      const card = page.locator(`.maplibregl-popup [data-place-card="${key}"]`);
      const expected = INDICATORS.filter((indicator) => indicator.subject === key);
      expect(expected.length).toBeGreaterThan(0);
      expect(await card.locator('tr[data-indicator]').count()).toBe(expected.length);
      for (const indicator of expected) {
        const row = card.locator(`tr[data-indicator="${indicator.id}"]`);
        expect(await row.locator('th').textContent()).toContain(indicator.label);
        expect(await row.locator('td.value').textContent()).toContain(
          formatValue(indicator.value, indicator.unit, 'zh'),
        );
        const source = await row.locator('td').last().textContent();
        if (indicator.computed_only === true) expect(source).toContain(computedMethod(indicator.source, 'zh'));
        else expect(source).toContain(indicator.source.section);
        expect(source).not.toContain(indicator.source.doc);
      }
      expect(problems).toEqual([]);
      await context.close();
    },
  );

  test('thresholds stay thresholds in both languages, and stated figures sit beside computed ones', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#sel=county:430481' });
    const gdp = page.locator('tr[data-indicator="leiyang-gdp-2021"] td.value .figure-value');
    expect((await gdp.textContent())?.trim()).toBe('> 400 亿元');
    await settle(page, () => page.getByRole('button', { name: 'Switch to English' }).click());
    expect((await gdp.textContent())?.trim()).toBe('> CNY 40 bn');
    await settle(page, () => page.locator('.maplibregl-popup [data-place="city:430400"]').click());
    const share = page.locator('tr[data-indicator="hengyang-county-land-share"] .computed');
    expect(await share.textContent()).toContain('95.4%');
    expect(await share.getAttribute('data-agreement')).toBe('agrees');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('links lead from a county to its sector to a park, highlighting each target on hover', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#sel=county:141024' });
    const popup = page.locator('.maplibregl-popup');
    const before = await canvasPixels(page);
    await settle(page, () => popup.locator('[data-place="sector:fen"]').hover());
    expect(changedFraction(before, await canvasPixels(page))).toBeGreaterThan(0.001);
    await settle(page, () => popup.locator('[data-place="sector:fen"]').click());
    expect(await popup.locator('[data-place-card]').getAttribute('data-place-card')).toBe('sector:fen');
    expect(await popup.locator('[data-children="county"] [data-place]').count()).toBe(6);
    await settle(page, () => popup.locator('[data-place="park:linfen-edz"]').click());
    expect(await popup.locator('[data-place-card]').getAttribute('data-place-card')).toBe('park:linfen-edz');
    // The park's location is a guess, and the card says so.
    expect(await popup.locator('[data-precision="approximate"]').textContent()).toContain('大致位置');
    expect(new URL(page.url()).hash).toContain('sel=park:linfen-edz');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a source link opens the document with every figure it yields, each linked to its place', async () => {
    const doc = '004_5db95c285ec6e824';
    const { page, context, problems } = await openApp(browser, { hash: '#sel=county:430481' });
    await page.locator('tr[data-indicator="leiyang-gdp-2021"] .source-link').click();
    const panel = page.locator(`[data-source-panel="${doc}"]`);
    expect(await panel.locator('.title').textContent()).toContain('四个聚焦');
    const expected = INDICATORS.filter((indicator) => indicator.source.doc === doc);
    expect(await panel.locator('li[data-indicator]').count()).toBe(expected.length);
    await settle(page, () => panel.locator('li[data-indicator="hengdong-seal-market-share"] [data-place]').click());
    expect(new URL(page.url()).hash).toContain('sel=county:430424');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a figure whose place is missing from the map is listed as not on the map, not dropped', async () => {
    const parks = JSON.parse(readFileSync('geo/parks.geojson', 'utf8')) as {
      features: { properties: { id: string } }[];
    };
    parks.features = parks.features.filter((feature) => feature.properties.id !== 'fenglingdu-edz');
    const { page, context, problems } = await openApp(browser, {
      hash: '#sel=city:140800',
      replaceData: { 'parks.json': JSON.stringify(parks) },
    });
    await page.locator('[data-place-card="city:140800"] tr[data-indicator] .source-link').first().click();
    const item = page.locator('li[data-indicator="fenglingdu-coal-project-investment"]');
    expect(await item.textContent()).toContain('不在地图上');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('choosing an indicator colours the counties and the legend gives classes, no data, unit and source', async () => {
    const { page, context, problems } = await openApp(browser);
    const plain = await canvasPixels(page);
    await settle(page, () => page.locator('#indicator-select').selectOption('area'));
    const area = await canvasPixels(page);
    expect(changedFraction(plain, area)).toBeGreaterThan(0.05);
    const legend = page.locator('[data-legend="choropleth"] li');
    expect(await legend.count()).toBe(6);
    expect(await legend.last().textContent()).toContain('无数据');
    expect(await page.locator('.indicator .source').textContent()).toContain('km²');
    expect(new URL(page.url()).hash).toContain('ind=area');
    await settle(page, () => page.locator('#indicator-select').selectOption('city-land-share'));
    expect(changedFraction(area, await canvasPixels(page))).toBeGreaterThan(0.01);
    expect(await page.locator('.indicator .source').textContent()).toContain('%');
    expect(problems).toEqual([]);
    await context.close();
  });
});
