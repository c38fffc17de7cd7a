import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { placesOnly } from '../../geo/model/tiled.ts';
import { canvasPixels, distinctColours, launch, openApp, settle, waitForMapIdle } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const geo = (file: string): { type: string; features: { properties: Record<string, unknown>; geometry: unknown }[] } =>
  JSON.parse(readFileSync(`geo/${file}`, 'utf8'));

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

describe('faults the app survives', () => {
  test('without WebGL the page says so plainly and the panel, search and place card still work', async () => {
    const noGl = await launch(['--disable-webgl', '--disable-3d-apis']);
    const { page, context, problems } = await openApp(noGl, { waitForMap: false });
    await page.locator('.no-webgl').waitFor();
    expect(await page.locator('.no-webgl').textContent()).toContain('WebGL');
    await page.locator('#place-search').fill('houma');
    await page.locator('#place-search').press('Enter');
    expect(await page.locator('aside [data-place-card="county:141081"] h2').textContent()).toBe('侯马市');
    expect(new URL(page.url()).hash).toBe('#sel=county:141081');
    expect(problems).toEqual([]);
    await context.close();
    await noGl.close();
  });

  test('a data file that answers 404 or times out is named in a notice and the other layers still draw', async () => {
    const { page, context, problems } = await openApp(browser, {
      failData: ['rivers.json'],
      timeoutData: ['parks.json'],
    });
    const notices = (await page.locator('[data-notice="error"]').allTextContents()).join('\n');
    expect(notices).toContain('rivers.json');
    expect(notices).toContain('parks.json');
    expect(distinctColours(await canvasPixels(page))).toBeGreaterThan(50);
    expect(await page.locator('label[for="layer-rivers"]').textContent()).toContain('0');
    // Chrome itself logs a failed resource (404, time-out); the app adds nothing to the console.
    expect(problems.filter((p) => !p.startsWith('console error: Failed to load resource'))).toEqual([]);
    await context.close();
  });

  test('a damaged file is refused with a message naming the file and the feature', async () => {
    // counties.json as the app fetches it (its shapes are in the tiles), its first label point off the globe.
    const counties = placesOnly(geo('counties.geojson')) as unknown as { features: { label_point: number[] }[] };
    counties.features[0]!.label_point = [111, 91];
    const parks = geo('parks.geojson');
    parks.features[1]!.properties.name = 'x'.repeat(1024 * 1024);
    const { page, context, problems } = await openApp(browser, {
      replaceData: { 'counties.json': JSON.stringify(counties), 'parks.json': JSON.stringify(parks) },
    });
    const notices = await page.locator('[data-notice="error"]').allTextContents();
    expect(notices.join('\n')).toMatch(/counties\.geojson: feature #0 "[^"]+" \(code \d{6}\).*outside the region/);
    expect(notices.join('\n')).toMatch(/parks\.geojson: feature #1.*longer than 200 characters/);
    // The notice quotes the feature's name, not a megabyte of it.
    expect(notices.join('').length).toBeLessThan(2000);
    expect(distinctColours(await canvasPixels(page))).toBeGreaterThan(50);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('hostile text in the data is shown literally and never runs', async () => {
    const parks = geo('parks.geojson');
    const park = parks.features[0]!;
    park.properties.name = '<img src=x onerror="window.xss=1">开发区';
    park.properties.note = '<script>window.xss=1</script>';
    const indicators = JSON.parse(readFileSync('geo/indicators.json', 'utf8')) as Record<string, unknown>[];
    const figure = indicators.find((i) => i.subject === `park:${String(park.properties.id)}`)!;
    figure.label = '<b onmouseover="window.xss=1">粗体</b>';
    const { page, context, problems } = await openApp(browser, {
      hash: `#sel=park:${String(park.properties.id)}`,
      replaceData: { 'parks.json': JSON.stringify(parks), 'indicators.json': JSON.stringify(indicators) },
    });
    const card = page.locator('.maplibregl-popup [data-place-card]');
    expect(await card.locator('h2').textContent()).toBe('<img src=x onerror="window.xss=1">开发区');
    expect(await card.locator('.precision').textContent()).toContain('<script>window.xss=1</script>');
    expect(await card.textContent()).toContain('<b onmouseover="window.xss=1">粗体</b>');
    expect(await card.locator('img, script, b').count()).toBe(0);
    await card.hover();
    expect(await page.evaluate(() => (window as unknown as { xss?: number }).xss)).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });

  test('after a WebGL context loss the map restores itself and draws again', async () => {
    const { page, context, problems } = await openApp(browser);
    const lost = await page.evaluate(() => {
      const canvas = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
      const gl = canvas.getContext('webgl2');
      const extension = gl?.getExtension('WEBGL_lose_context');
      extension?.loseContext();
      return new Promise<boolean>((resolve) =>
        setTimeout(() => {
          extension?.restoreContext();
          resolve(extension !== undefined && extension !== null);
        }, 300),
      );
    });
    expect(lost).toBe(true);
    await settle(page, () => page.locator('#layer-rivers').uncheck());
    expect(distinctColours(await canvasPixels(page))).toBeGreaterThan(50);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the production build runs under its strict Content-Security-Policy with no violation', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#sel=sector:fen&ind=area' });
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    // The harness turns every securitypolicyviolation event into a console error.
    expect(problems).toEqual([]);
    await context.close();
  });

  test('1,000 rapid pans and selections push one history entry per selection and leak no heap', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#sel=county:141024' });
    // Count the app's own history calls: Chrome caps history.length at 50, which would hide excess.
    await page.evaluate(() => {
      const counts = { push: 0, replace: 0 };
      (window as unknown as { historyCalls: typeof counts }).historyCalls = counts;
      const push = history.pushState.bind(history);
      const replace = history.replaceState.bind(history);
      history.pushState = (...args) => {
        counts.push++;
        push(...args);
      };
      history.replaceState = (...args) => {
        counts.replace++;
        replace(...args);
      };
    });
    const calls = (): Promise<{ push: number; replace: number }> =>
      page.evaluate(() => ({
        ...(window as unknown as { historyCalls: { push: number; replace: number } }).historyCalls,
      }));
    const canvas = page.locator('.maplibregl-canvas');
    // Selections alternate between a county and its sector through the card's own links, and the
    // pans cancel out, so a run ends where it began: heap growth would be a leak, not new tiles.
    const churn = async (selections: number, pans: number): Promise<void> => {
      for (let i = 0; i < selections; i++) {
        const target = i % 2 === 0 ? 'sector:fen' : 'county:141024';
        await page.locator(`.maplibregl-popup [data-place="${target}"]`).first().click();
        await page.locator(`.maplibregl-popup [data-place-card="${target}"]`).waitFor();
      }
      await canvas.focus();
      for (let i = 0; i < pans; i++) await page.keyboard.press(i % 2 === 0 ? 'ArrowLeft' : 'ArrowRight');
      await waitForMapIdle(page);
      await page.waitForTimeout(1000);
    };
    // A first round fills MapLibre's tile and glyph caches for both views.
    await churn(20, 200);
    const before = await calls();
    const startHeap = await heapAfterGc(page);
    await churn(30, 970);
    const after = await calls();
    // Each selection is a step Back can return to; the 970 pans only replace the current entry.
    expect(after.push - before.push).toBe(30);
    expect(after.replace - before.replace).toBeLessThan(200);
    const endHeap = await heapAfterGc(page);
    expect(endHeap / startHeap).toBeLessThan(1.1);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
