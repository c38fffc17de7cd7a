/**
 * Plans as data, in the browser: the build's outputs with a fixture plan for a fourth city
 * (Changzhi) replace the committed data files and the plan tiles (as `vite build` would cut them
 * from those outputs), and the app shows its region button, draws its counties and lists its
 * sector with no code change.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { COLLECTIONS, COLLECTION_KINDS, TABLE_FILES, TILED_KINDS } from '../../geo/model/kinds.ts';
import { placesOnly } from '../../geo/model/tiled.ts';
import { planTileServer } from '../../geo/build/plan-tiles.ts';
import { launch, openApp, settle } from './harness.ts';

let browser: Browser;
let replaceData: Record<string, string>;
let planTiles: (path: string) => Uint8Array | undefined;

beforeAll(async () => {
  process.env.BANKUAI_EXTRA_PLANS = 'tests/fixtures/plans';
  try {
    const { build } = await import('../../geo/build/index.ts');
    const files = build().files;
    const outputs = [...COLLECTION_KINDS.map((k) => COLLECTIONS[k]), ...Object.values(TABLE_FILES)];
    replaceData = Object.fromEntries(outputs.map((o) => [o.fetchName, files.get(o.file)!]));
    // The plan layers as the build serves them: each file without its shapes, the shapes in tiles.
    const tiled = Object.fromEntries(
      TILED_KINDS.map((k) => [k, JSON.parse(files.get(COLLECTIONS[k].file)!) as FeatureCollection]),
    );
    for (const k of TILED_KINDS) replaceData[COLLECTIONS[k].fetchName] = JSON.stringify(placesOnly(tiled[k]!));
    planTiles = planTileServer(tiled);
  } finally {
    delete process.env.BANKUAI_EXTRA_PLANS;
  }
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe('a fourth city from its plan file', () => {
  test('has a region button, a card with its counties and its fixture sector in the legend', async () => {
    const { page, context, problems } = await openApp(browser, { replaceData, planTiles });
    const button = page.locator('[data-region="140400"]');
    await expect.poll(() => button.textContent()).toBe('长治市');
    await settle(page, () => button.click());
    // Its counties are drawn from tiles cut from the new files: a click amid the city selects one.
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await settle(page, () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2));
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/sel=county:1404\d\d/);
    await expect
      .poll(() => page.locator('[data-legend="sectors"]').textContent())
      .toContain('测试板块（夹具，非文件所载）');
    await settle(page, () => page.evaluate(() => (location.hash = '#sel=city:140400')));
    const card = page.locator('.place-card').first();
    await expect.poll(() => card.textContent()).toContain('潞州区');
    expect(await card.textContent()).toContain('测试板块');
    expect(problems).toEqual([]);
    await context.close();
  });
});
