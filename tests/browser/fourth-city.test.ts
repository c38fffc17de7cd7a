/**
 * Plans as data, in the browser: the build's outputs with a fixture plan for a fourth city
 * (Changzhi) replace the committed data files, and the app shows its region button, its counties
 * and its sector with no code change.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COLLECTIONS, COLLECTION_KINDS, TABLE_FILES } from '../../geo/model/kinds.ts';
import { launch, openApp, settle } from './harness.ts';

let browser: Browser;
let replaceData: Record<string, string>;

beforeAll(async () => {
  process.env.BANKUAI_EXTRA_PLANS = 'tests/fixtures/plans';
  try {
    const { build } = await import('../../geo/build/index.ts');
    const files = build().files;
    const outputs = [...COLLECTION_KINDS.map((k) => COLLECTIONS[k]), ...Object.values(TABLE_FILES)];
    replaceData = Object.fromEntries(outputs.map((o) => [o.fetchName, files.get(o.file)!]));
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
    const { page, context, problems } = await openApp(browser, { replaceData });
    const button = page.locator('[data-region="140400"]');
    await expect.poll(() => button.textContent()).toBe('长治市');
    await settle(page, () => button.click());
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
