/**
 * One measured page load in a fresh headless Chromium: time to ready, bytes over the wire, JS
 * heap after a forced GC, frames and main-thread time while panning and wheel-zooming, and (for
 * the app) the time from a hashchange to the new view being drawn.
 */
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as TEST_CHROMIUM_ARGS, routeLoopbackOnly } from '../../tests/browser/chromium.ts';

export { CHROMIUM };

/** The tests' flags, plus precise memory figures for the heap measurement. */
export const CHROMIUM_ARGS = [...TEST_CHROMIUM_ARGS, '--enable-precise-memory-info'];

export const VIEWPORT = { width: 1280, height: 800 };
export const HASH_TARGET = '#map=9/35.0/111.0';

export interface Bytes {
  js: number;
  css: number;
  data: number;
  other: number;
  total: number;
}

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Main-thread task time during the window (CDP Performance TaskDuration), ms. */
  busyMs: number;
  windowMs: number;
}

export interface RunResult {
  readyMs: number;
  /** Response bodies as sent by the server (gzipped where gzipped) up to ready, by type. */
  bytes: Bytes;
  /** The same, by path. */
  files: Record<string, number>;
  heapBytes: number;
  pan: FrameStats;
  zoom: FrameStats;
  /** Pan and zoom frames together: the figures the budgets use. */
  interaction: FrameStats;
  hashchangeMs: number | null;
  /** Page errors, console errors and blocked requests: should stay empty. */
  problems: string[];
  wallMs: number;
}

export interface RunOptions {
  url: string;
  /** Measure hashchange → data-map-busy="false" (the app only). */
  hashchange: boolean;
  /** Pan and zoom after ready to time frames (default); off, a run measures ready, bytes and heap only. */
  interaction?: boolean;
  /** Data files answered from memory through Playwright routing instead of the server. */
  replaceData?: Record<string, string>;
  /** The plan tiles for replaced plan files, the same way (see tests/browser/chromium.ts). */
  planTiles?: (path: string) => Uint8Array | undefined;
  readyTimeoutMs: number;
  /** The server's count of response bytes sent since the last call (see server.ts); resets it. */
  takeSent?: () => Map<string, number>;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function classify(path: string): keyof Omit<Bytes, 'total'> {
  if (/\.m?js$/.test(path)) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('.json') || path.endsWith('.geojson')) return 'data';
  return 'other';
}

async function metric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const found = metrics.find((m) => m.name === name);
  if (found === undefined) throw new Error(`CDP Performance metric ${name} missing`);
  return found.value;
}

async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __benchFrames: number[]; __benchRun: boolean };
    w.__benchFrames = [];
    w.__benchRun = true;
    let last = -1;
    const tick = (t: number): void => {
      if (last >= 0) w.__benchFrames.push(t - last);
      last = t;
      if (w.__benchRun) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __benchFrames: number[]; __benchRun: boolean };
    w.__benchRun = false;
    return w.__benchFrames;
  });
}

async function waitIdle(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForSelector('[data-map-busy="false"]', { state: 'attached', timeout });
}

/** Runs `act` while recording rAF deltas and main-thread task time. */
async function measured(
  page: Page,
  cdp: CDPSession,
  act: () => Promise<void>,
): Promise<{ stats: FrameStats; deltas: number[] }> {
  const busy0 = await metric(cdp, 'TaskDuration');
  const t0 = Date.now();
  await startFrames(page);
  await act();
  await sleep(300);
  const deltas = await stopFrames(page);
  const windowMs = Date.now() - t0;
  const busyMs = ((await metric(cdp, 'TaskDuration')) - busy0) * 1000;
  return { stats: stats(deltas, busyMs, windowMs), deltas };
}

function stats(deltas: number[], busyMs: number, windowMs: number): FrameStats {
  return {
    frames: deltas.length,
    p50: quantile(deltas, 0.5),
    p95: quantile(deltas, 0.95),
    max: deltas.length === 0 ? NaN : Math.max(...deltas),
    busyMs,
    windowMs,
  };
}

/** Two mouse drags (there and back), 20 moves of 15 × 7.5 px each, about one move per frame. */
async function pan(page: Page, cx: number, cy: number): Promise<void> {
  for (const dir of [1, -1]) {
    const x0 = cx + (dir === 1 ? 150 : -150);
    const y0 = cy + (dir === 1 ? 75 : -75);
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) {
      await page.mouse.move(x0 - dir * i * 15, y0 - dir * i * 7.5);
      await sleep(16);
    }
    await page.mouse.up();
    await sleep(150);
  }
}

/** Six wheel notches in, then six out, at the map's centre. */
async function zoom(page: Page, cx: number, cy: number): Promise<void> {
  await page.mouse.move(cx, cy);
  for (const dy of [-120, 120]) {
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, dy);
      await sleep(60);
    }
    await sleep(250);
  }
}

/** ms from setting location.hash until data-map-busy goes "true" and then "false" again. */
async function hashchange(page: Page): Promise<number> {
  return page.evaluate(
    (hash) =>
      new Promise<number>((resolve) => {
        const el = document.querySelector('[data-map-busy]');
        if (el === null) return resolve(NaN);
        let sawBusy = false;
        const t0 = performance.now();
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve(NaN);
        }, 30_000);
        const observer = new MutationObserver((records) => {
          for (const record of records) if (record.oldValue === 'false') sawBusy = true;
          if (el.getAttribute('data-map-busy') === 'true') sawBusy = true;
          else if (sawBusy) {
            clearTimeout(timer);
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        });
        observer.observe(el, { attributes: true, attributeFilter: ['data-map-busy'], attributeOldValue: true });
        location.hash = hash;
      }),
    HASH_TARGET,
  );
}

export async function measurePage(options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const problems: string[] = [];
    await routeLoopbackOnly(context, problems, { replaceData: options.replaceData, planTiles: options.planTiles });
    // tsx (esbuild keepNames) wraps named functions in __name(); functions we pass to
    // page.evaluate carry that call along, so give the page a no-op one.
    await context.addInitScript('globalThis.__name ??= (fn) => fn;');
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    options.takeSent?.();

    await page.goto(options.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, undefined, {
      timeout: options.readyTimeoutMs,
      polling: 50,
    });
    const readyMs = await page.evaluate(() => performance.getEntriesByName('map-idle')[0]!.startTime);
    await waitIdle(page);
    await sleep(500);
    const files = Object.fromEntries([...(options.takeSent?.() ?? new Map<string, number>())].sort());
    const bytes: Bytes = { js: 0, css: 0, data: 0, other: 0, total: 0 };
    for (const [path, n] of Object.entries(files)) {
      bytes[classify(path)] += n;
      bytes.total += n;
    }

    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heapBytes = await metric(cdp, 'JSHeapUsedSize');
    await cdp.send('HeapProfiler.disable');

    const skipped: { stats: FrameStats; deltas: number[] } = { stats: stats([], NaN, 0), deltas: [] };
    let panStats = skipped;
    let zoomStats = skipped;
    if (options.interaction ?? true) {
      const box = await page.locator('.maplibregl-canvas').boundingBox();
      if (box === null) throw new Error('no .maplibregl-canvas on the page');
      const cx = Math.round(box.x + box.width / 2);
      const cy = Math.round(box.y + box.height / 2);
      panStats = await measured(page, cdp, () => pan(page, cx, cy));
      await waitIdle(page);
      zoomStats = await measured(page, cdp, () => zoom(page, cx, cy));
      await waitIdle(page);
    }
    const interaction = stats(
      [...panStats.deltas, ...zoomStats.deltas],
      panStats.stats.busyMs + zoomStats.stats.busyMs,
      panStats.stats.windowMs + zoomStats.stats.windowMs,
    );

    const hashchangeMs = options.hashchange ? await hashchange(page) : null;
    if (hashchangeMs !== null && Number.isNaN(hashchangeMs)) problems.push('hashchange: map never went busy and idle');

    await context.close();
    return {
      readyMs,
      bytes,
      files,
      heapBytes,
      pan: panStats.stats,
      zoom: zoomStats.stats,
      interaction,
      hashchangeMs,
      problems,
      wallMs: Date.now() - started,
    };
  } finally {
    await browser.close();
  }
}

/** Opens a page once, unmeasured, until it is ready: the first start of Chromium is the slowest. */
export async function warmUp(url: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await routeLoopbackOnly(context, []);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('map-idle').length > 0, undefined, {
      timeout: 60_000,
    });
    await context.close();
  } finally {
    await browser.close();
  }
}
