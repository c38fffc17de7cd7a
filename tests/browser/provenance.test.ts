/**
 * Every figure as the document states it (issue 14), on the card, in both languages: 耒阳's
 * "近300吨" is about 300 吨 with its printed form and place one click away; 临猗 has no ≥ 100 亿元
 * slogan; Hengyang's shares say their year is not stated; the Fen sector says how its members
 * were determined, with the reasoning one click away.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, openApp } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const LANGS = [
  { lang: 'zh', hash: '' },
  { lang: 'en', hash: '&lang=en' },
] as const;

const card = (key: string) => `.maplibregl-popup [data-place-card="${key}"]`;

describe.each(LANGS)('provenance on the card ($lang)', ({ lang, hash }) => {
  test('耒阳: nearly 300 t a day is about 300 吨, with the printed form and its place on demand', async () => {
    const { page, context, problems } = await openApp(browser, { hash: `#sel=county:430481${hash}` });
    const row = page.locator(`${card('county:430481')} tr[data-indicator="leiyang-cailun-daily-paper-output"]`);
    const value = (await row.locator('td.value .figure-value').textContent()) ?? '';
    if (lang === 'zh') expect(value).toMatch(/约\s?300\s?吨/);
    else expect(value).toMatch(/≈ 300 t\b/);
    expect(value).not.toMatch(/万吨|thousand t|</);
    // The printed form is there on demand, closed until asked for.
    const printed = row.locator('details[data-printed]');
    expect(await printed.getAttribute('open')).toBeNull();
    await printed.locator('summary').click();
    const text = (await printed.textContent()) ?? '';
    expect(text).toContain('近300吨');
    expect(text).toContain(lang === 'zh' ? '第四节第1段' : 'section 4, paragraph 1');
    expect(await printed.locator('summary').textContent()).toBe(lang === 'zh' ? '原文' : 'As printed');
    // The source by name, never the file stem.
    const source = (await row.locator('.source-link').textContent()) ?? '';
    expect(source).toContain(lang === 'zh' ? '衡阳“四个聚焦”' : "Hengyang's 'four focuses'");
    expect(source).not.toMatch(/004|5db95c/);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('临猗: the "三个百亿" slogan is no figure', async () => {
    const { page, context, problems } = await openApp(browser, { hash: `#sel=county:140821${hash}` });
    const text = (await page.locator(card('county:140821')).textContent()) ?? '';
    expect(text).not.toMatch(/≥\s?100 亿元|≥ CNY 10 bn/);
    expect(await page.locator(`${card('county:140821')} tr[data-indicator="linyi-three-100yi-target"]`).count()).toBe(
      0,
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  test('Hengyang: periods the document does not print are marked as not stated, not shown as 2022', async () => {
    const { page, context, problems } = await openApp(browser, { hash: `#sel=city:430400${hash}` });
    for (const id of ['hengyang-county-land-share', 'hengyang-county-population-share', 'hengyang-county-gdp-share']) {
      const period = page.locator(`${card('city:430400')} tr[data-indicator="${id}"] .period`);
      expect((await period.textContent())?.trim()).toBe(lang === 'zh' ? '年份未注明' : 'year not stated');
      expect(await period.getAttribute('data-period-inferred')).not.toBeNull();
    }
    // A printed year stays a plain year.
    const printedYear = page.locator(
      `${card('city:430400')} tr[data-indicator="hengyang-counties-gdp-over-300"] .period`,
    );
    expect((await printedYear.textContent())?.trim()).toBe(lang === 'zh' ? '2021年' : '2021');
    expect(await printedYear.getAttribute('data-period-inferred')).toBeNull();
    // An inferred one is marked as such.
    const inferred = page.locator(`${card('city:430400')} tr[data-indicator="hengyang-village-workshops"] .period`);
    expect(await inferred.textContent()).toContain(lang === 'zh' ? '（推定）' : '(inferred)');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the Fen sector card says how its members were determined, the reasoning one click away', async () => {
    const { page, context, problems } = await openApp(browser, { hash: `#sel=sector:fen${hash}` });
    const basis = page.locator(`${card('sector:fen')} [data-basis]`);
    expect(await basis.getAttribute('data-basis')).toBe('inferred');
    expect(await basis.locator('p').first().textContent()).toBe(
      lang === 'zh' ? '成员依据：推定（文件未列出各县）' : 'Members: inferred, the document does not list them',
    );
    const details = basis.locator('details');
    expect(await details.getAttribute('open')).toBeNull();
    await details.locator('summary').click();
    expect(await details.textContent()).toContain(lang === 'zh' ? '汾河谷地' : 'Fen valley');
    // The member count says it comes from the membership list, not from boundaries.
    const count = page.locator(`${card('sector:fen')} tr[data-indicator="sector-fen-county-count"] td`).last();
    expect(await count.textContent()).toContain(lang === 'zh' ? '按成员名单计数' : 'counted from the membership list');
    expect(problems).toEqual([]);
    await context.close();
  });
});
