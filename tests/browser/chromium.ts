/**
 * Debian's Chromium, the flags it needs here, and the loopback-only network every page gets;
 * shared by the browser tests and the benchmark so both run the app the same way.
 */
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Software WebGL, no sandbox as root, no phoning home. */
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface DataRoutes {
  /** Data files (e.g. `rivers.json`) to answer with a 404. */
  failData?: string[];
  /** Data files whose request fails as a network time-out would. */
  timeoutData?: string[];
  /** Data files whose body is replaced: damaged, hostile or synthetic data. */
  replaceData?: Record<string, string>;
  /**
   * The plan tiles for replaced plan files (geo/build/plan-tiles.ts planTileServer): a path under
   * the app's root (`tiles/plan/…`) to its bytes, undefined (a 404) for one outside the tile sets.
   */
  planTiles?: (path: string) => Uint8Array | undefined;
}

/**
 * Lets only requests to 127.0.0.1 through; anything else is aborted and recorded in `problems`,
 * so a run that ends with none proves the app is self-contained.
 */
export async function routeLoopbackOnly(
  context: BrowserContext,
  problems: string[],
  routes: DataRoutes = {},
): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    if (url.hostname !== '127.0.0.1') {
      problems.push(`blocked request: ${url.href}`);
      return route.abort('blockedbyclient');
    }
    if (routes.planTiles !== undefined && url.pathname.startsWith('/tiles/plan/')) {
      const tile = routes.planTiles(url.pathname.slice(1));
      return tile === undefined
        ? route.fulfill({ status: 404, body: 'not found' })
        : route.fulfill({ status: 200, contentType: 'application/x-protobuf', body: Buffer.from(tile) });
    }
    const file = /\/data\/([a-z-]+\.json)$/.exec(url.pathname)?.[1];
    if (file === undefined) return route.continue();
    if (routes.timeoutData?.includes(file)) return route.abort('timedout');
    if (routes.failData?.includes(file)) return route.fulfill({ status: 404, body: 'not found' });
    const body = routes.replaceData?.[file];
    if (body !== undefined) return route.fulfill({ status: 200, contentType: 'application/json', body });
    return route.continue();
  });
}
