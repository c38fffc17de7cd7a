import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, routeLoopbackOnly, type DataRoutes } from './chromium.ts';

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface OpenOptions extends DataRoutes {
  hash?: string;
  viewport?: { width: number; height: number };
  waitForMap?: boolean;
  touch?: boolean;
}

export interface OpenPage {
  page: Page;
  context: BrowserContext;
  /** Page errors, console errors, blocked requests and CSP violations, in order. */
  problems: string[];
}

export const baseUrl = (): string => inject('baseUrl');

/**
 * Opens the app in a fresh context that lets only loopback requests through. Anything else is
 * aborted and recorded, so a test that ends with an empty `problems` proves the app is
 * self-contained as well as error-free.
 */
export async function openApp(browser: Browser, options: OpenOptions = {}): Promise<OpenPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    hasTouch: options.touch ?? false,
    acceptDownloads: true,
  });
  const problems: string[] = [];
  await routeLoopbackOnly(context, problems, options);
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(baseUrl() + (options.hash ?? ''));
  if (options.waitForMap ?? true) await waitForMapIdle(page);
  return { page, context, problems };
}

/** The app marks `map-idle` on the first MapLibre idle after every source has loaded. */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, undefined, {
    timeout: 45_000,
  });
}

async function idleCount(page: Page): Promise<number> {
  return Number(await page.locator('[data-idle-count]').getAttribute('data-idle-count'));
}

/**
 * Does something and waits until the map has drawn its result: MapLibre fires `idle` once the
 * frames a change causes are done, and the map container counts those events.
 */
export async function settle(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await idleCount(page);
  await action();
  await page.waitForFunction(
    (count) => {
      const map = document.querySelector('[data-idle-count]');
      return (
        map !== null &&
        Number(map.getAttribute('data-idle-count')) > count &&
        map.getAttribute('data-map-busy') === 'false'
      );
    },
    before,
    { timeout: 30_000 },
  );
}

/** Clicks what starts a download and returns the file's bytes. */
export async function downloaded(page: Page, selector: string): Promise<Buffer> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(selector).click(),
  ]);
  return readFileSync(await download.path());
}

export interface Pixels {
  width: number;
  height: number;
  data: Buffer;
}

export async function canvasPixels(page: Page): Promise<Pixels> {
  const png = PNG.sync.read(await page.locator('.maplibregl-canvas').screenshot());
  return { width: png.width, height: png.height, data: png.data };
}

/** How many distinct colours the canvas shows: a blank canvas shows one. */
export function distinctColours(pixels: Pixels): number {
  const colours = new Set<number>();
  for (let i = 0; i < pixels.data.length; i += 4) {
    colours.add(((pixels.data[i] ?? 0) << 16) | ((pixels.data[i + 1] ?? 0) << 8) | (pixels.data[i + 2] ?? 0));
  }
  return colours.size;
}

/** Fraction of pixels that differ between two same-sized captures. */
export function changedFraction(a: Pixels, b: Pixels): number {
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) changed++;
  }
  return changed / (a.data.length / 4);
}
