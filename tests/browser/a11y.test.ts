/**
 * What a person meets: cards that fit the map, keyboard focus that goes where it should, one
 * language at a time, a folded attribution on a phone, and axe-core with no violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { latinWords } from '../../src/i18n/language-check.ts';
import { launch, openApp, settle } from './harness.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

async function rect(locator: Locator): Promise<Rect> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('not rendered');
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
}

function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.left >= outer.left - 0.5 &&
    inner.top >= outer.top - 0.5 &&
    inner.right <= outer.right + 0.5 &&
    inner.bottom <= outer.bottom + 0.5
  );
}

/** Waits until the popup has stopped moving (the map pans it into view after it opens). */
async function popupSettled(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = JSON.stringify(await rect(page.locator('.maplibregl-popup')));
    const busy = await page.locator('[data-map-busy]').getAttribute('data-map-busy');
    if (now === last && busy === 'false') return;
    last = now;
    await page.waitForTimeout(150);
  }
}

const activeInfo = (page: Page): Promise<{ tag: string; id: string; inCard: boolean; place: string | null }> =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName ?? '',
      id: element?.id ?? '',
      inCard: element?.closest('[data-place-card]') !== null && element !== null,
      place: element?.getAttribute('data-table-place') ?? null,
    };
  });

describe('cards fit the view', () => {
  test('the long Linfen card fits inside the map at 1280×800 and scrolls inside itself, header in view', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#sel=city:141000&lang=zh' });
    await popupSettled(page);
    const map = await rect(page.locator('.map-area'));
    const popup = page.locator('.maplibregl-popup');
    expect(inside(await rect(popup), map)).toBe(true);
    const card = popup.locator('[data-place-card="city:141000"]');
    const sizes = await card.evaluate((element) => ({ scroll: element.scrollHeight, client: element.clientHeight }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    // Scrolled to its end, the card still shows its heading and close button where they were.
    const close = card.locator('button.close');
    const before = await rect(close);
    await card.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.waitForTimeout(100);
    expect(await rect(close)).toEqual(before);
    expect(inside(await rect(card.locator('h2')), map)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a link with sel= and no map= frames Hengyang, with its card on screen', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#sel=city:430400&lang=en' });
    await popupSettled(page);
    const view = /map=([\d.]+)\/([\d.]+)\/([\d.]+)/.exec(new URL(page.url()).hash);
    expect(view).not.toBeNull();
    const [, , lat, lng] = view?.map(Number) ?? [];
    // Hengyang spans about 26.1–27.5 °N, 111.5–113.3 °E; Linfen, the default view, is at 36 °N.
    expect(lat).toBeGreaterThan(25.5);
    expect(lat).toBeLessThan(28);
    expect(lng).toBeGreaterThan(111);
    expect(lng).toBeLessThan(114);
    const popup = page.locator('.maplibregl-popup [data-place-card="city:430400"]');
    expect(inside(await rect(page.locator('.maplibregl-popup')), await rect(page.locator('.map-area')))).toBe(true);
    expect(await popup.locator('h2').textContent()).toContain('Hengyang');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('keyboard and focus', () => {
  test('a search choice focuses the card heading; Escape closes the card and returns to the search box', async () => {
    const { page, context, problems } = await openApp(browser);
    const search = page.locator('#place-search');
    await search.fill('洪洞');
    await settle(page, () => search.press('Enter'));
    await expect.poll(() => activeInfo(page)).toMatchObject({ tag: 'H2', inCard: true });
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-place-card]').count()).toBe(0);
    expect(new URL(page.url()).hash).not.toContain('sel=');
    expect(await activeInfo(page)).toMatchObject({ tag: 'INPUT', id: 'place-search' });
    expect(problems).toEqual([]);
    await context.close();
  });

  test('from a table row, a link inside the card keeps focus in the card, and Escape goes back to the row', async () => {
    const { page, context, problems } = await openApp(browser);
    await page.locator('.table-view summary').click();
    const row = page.locator('[data-table-place="county:141024"]');
    await settle(page, () => row.click());
    await expect.poll(() => activeInfo(page)).toMatchObject({ tag: 'H2', inCard: true });
    const link = page.locator('.maplibregl-popup [data-place="sector:fen"]');
    await link.focus();
    await settle(page, () => page.keyboard.press('Enter'));
    await expect
      .poll(() => page.locator('.maplibregl-popup [data-place-card]').getAttribute('data-place-card'))
      .toBe('sector:fen');
    await expect.poll(() => activeInfo(page)).toMatchObject({ tag: 'H2', inCard: true });
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-place-card]').count()).toBe(0);
    expect(await activeInfo(page)).toMatchObject({ place: 'county:141024' });
    expect(problems).toEqual([]);
    await context.close();
  });

  test('skip links lead to the map and to the panel; landmarks are unique and named', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#lang=en' });
    const focusedText = (): Promise<string | null | undefined> =>
      page.evaluate(() => document.activeElement?.textContent);
    // The first two Tabs reach the skip links, before anything else on the page.
    await page.keyboard.press('Tab');
    expect(await focusedText()).toBe('Skip to the map');
    await page.keyboard.press('Tab');
    expect(await focusedText()).toBe('Skip to search, layers and table');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel');
    await page.locator('.skip-links a').first().focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
    // No two landmarks or regions share a name.
    const names = await page.evaluate(() =>
      [...document.querySelectorAll('main, aside, nav, header, footer, [role="region"], [role="search"]')].map(
        (element) =>
          `${element.tagName}:${element.getAttribute('role') ?? ''}:${element.getAttribute('aria-label') ?? ''}`,
      ),
    );
    expect(new Set(names).size).toBe(names.length);
    expect(await page.locator('aside').getAttribute('aria-label')).toBe('Search, layers, table and export');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('one language at a time', () => {
  test('a Chinese county card and the map controls show no Latin words beyond the allowed names', async () => {
    const { page, context, problems } = await openApp(browser, { hash: '#sel=county:141024' });
    const card = page.locator('.maplibregl-popup [data-place-card="county:141024"]');
    // The interface around the data: figures' periods and notes come from the data, which is being
    // translated separately, so this checks what the app itself writes.
    const chrome = await card
      .locator('.kind, h3, thead th, .relation-label, .precision strong, .empty, .geometry-source')
      .allTextContents();
    const labels = await page
      .locator('.maplibregl-ctrl button, .maplibregl-ctrl summary, .maplibregl-canvas')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
    const attribution = await page.locator('.maplibregl-ctrl-attrib-inner').textContent();
    const close = await card.locator('button.close').getAttribute('aria-label');
    const texts = [...chrome, ...labels, attribution ?? '', close ?? ''];
    expect(texts.filter((text) => text.trim() !== '').length).toBeGreaterThan(8);
    expect(texts.flatMap((text) => latinWords(text))).toEqual([]);
    // The other language's name is marked as such for screen readers.
    expect(await card.locator('.other-name').getAttribute('lang')).toBe('en');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('MapLibre in the interface language', () => {
  test("the map's controls and attribution follow a language switch, and the attribution stays folded", async () => {
    const { page, context, problems } = await openApp(browser);
    const zoomIn = page.locator('.maplibregl-ctrl-zoom-in');
    const inner = page.locator('.maplibregl-ctrl-attrib-inner');
    expect(await zoomIn.getAttribute('aria-label')).toBe('放大');
    expect(await inner.textContent()).toContain('县界');
    expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toContain('地图');
    await settle(page, () => page.getByRole('button', { name: 'Switch to English' }).click());
    expect(await zoomIn.getAttribute('aria-label')).toBe('Zoom in');
    expect(await inner.textContent()).toContain('Counties:');
    expect(await inner.textContent()).not.toContain('县界');
    expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toContain('Map');
    expect(await page.locator('.maplibregl-ctrl-attrib').count()).toBe(1);
    expect(await inner.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('phones', () => {
  test('on a 390 px phone the attribution starts folded and opens on demand', async () => {
    const { page, context, problems } = await openApp(browser, { viewport: { width: 390, height: 844 }, touch: true });
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    expect(await attribution.getAttribute('class')).toContain('maplibregl-compact');
    expect(await attribution.getAttribute('class')).not.toContain('maplibregl-compact-show');
    expect(await page.locator('.maplibregl-ctrl-attrib-inner').isVisible()).toBe(false);
    expect((await rect(attribution)).bottom - (await rect(attribution)).top).toBeLessThan(32);
    await page.locator('.maplibregl-ctrl-attrib-button').click();
    expect(await attribution.getAttribute('class')).toContain('maplibregl-compact-show');
    expect(await page.locator('.maplibregl-ctrl-attrib-inner').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the attribution starts folded on a desktop too, clear of the scale bar', async () => {
    const { page, context, problems } = await openApp(browser);
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    expect(await attribution.getAttribute('class')).not.toContain('maplibregl-compact-show');
    expect(await page.locator('.maplibregl-ctrl-attrib-inner').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the bottom sheet keeps its place while the data arrives: layout shift under 0.05', async () => {
    const { page, context, problems } = await openApp(browser, { viewport: { width: 390, height: 844 }, touch: true });
    const cls = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
              if (!entry.hadRecentInput) total += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 300);
        }),
    );
    console.log(`CLS on a 390 px phone: ${cls.toFixed(4)}`);
    expect(cls).toBeLessThan(0.05);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('axe-core', () => {
  // axe-core's source goes in through DevTools (page.evaluate), which the page's
  // Content-Security-Policy does not govern, so the app runs under its real policy.
  async function violations(page: Page): Promise<string[]> {
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })) as {
        violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
        passes: unknown[];
      };
    });
    // axe ran its rules on the page (a failed injection would find nothing to pass).
    expect(result.passes.length).toBeGreaterThan(10);
    return result.violations.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  }

  test.each(['', '#lang=en', '#sel=county:141024', '#sel=county:141024&lang=en'])(
    'finds no violations at %j',
    async (hash) => {
      const { page, context, problems } = await openApp(browser, { hash });
      if (hash.includes('sel=')) await popupSettled(page);
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
