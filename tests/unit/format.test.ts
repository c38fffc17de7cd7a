import { describe, expect, it } from 'vitest';
import indicatorsText from '../../geo/indicators.json?raw';
import type { Indicator } from '../../geo/schema.ts';
import { formatNumber, formatValue, type IndicatorValue } from '../../src/i18n/format.ts';
import type { Lang } from '../../geo/model/lang.ts';

type Case = [name: string, value: IndicatorValue, unit: string, zh: string, en: string];

/** Each row: what a figure reads as in Chinese and in English. */
const CASES: Case[] = [
  // plain numbers
  ['a sum in 亿元, as billions in English', 2300, '亿元', '2,300 亿元', 'CNY 230 bn'],
  ['a fractional sum in 亿元', 69.4, '亿元', '69.4 亿元', 'CNY 6.94 bn'],
  ['a sum in 万元, as millions in English', 2, '万元', '2 万元', 'CNY 0.02 m'],
  ['a sum in 元', 1500, '元', '1,500 元', 'CNY 1,500'],
  ['people in 万人, as thousands in English', 23.2, '万人', '23.2 万人', '232 thousand people'],
  ['tonnes in 万吨, as thousand t in English', 0.03, '万吨', '0.03 万吨', '0.3 thousand t'],
  ['power in 万千瓦, as MW in English', 120, '万千瓦', '120 万千瓦', '1,200 MW'],
  ['land in 亩, as hectares in English', 1500, '亩', '1,500 亩', '100 ha'],
  ['an area in km²', 1316.5, 'km²', '1,316.5 km²', '1,316.5 km²'],
  ['a share in %, with no space before the sign', 12.5, '%', '12.5%', '12.5%'],
  ['a negative share in %', -1.3, '%', '-1.3%', '-1.3%'],
  ['percentage points', 4.6, '百分点', '4.6 百分点', '4.6 percentage points'],
  ['a ratio in 倍', 2.58, '倍', '2.58 倍', '2.58×'],
  ['a count, with 个 in Chinese and no unit in English', 12, 'count', '12 个', '12'],
  ['a count in 个', 9000, '个', '9,000 个', '9,000'],
  ['a rank', 7, 'rank', '第 7 位', 'no. 7'],
  ['a first rank', 1, 'rank', '第 1 位', 'no. 1'],
  ['a number of years, in the plural in English', 22, 'year', '22 年', '22 years'],
  ['one year, in the singular in English', 1, 'year', '1 年', '1 year'],
  ['consecutive years counted with 年, not 个', 6, 'year', '6 年', '6 years'],
  ['a move in a ranking counted with 位, not 个', 14, 'places', '14 位', '14 places'],
  ['a move of one place', 1, 'places', '1 位', '1 place'],
  ['zero', 0, '亿元', '0 亿元', 'CNY 0 bn'],
  ['a value rounded to two decimals', 3.14159, 'km²', '3.14 km²', '3.14 km²'],
  ['a unit it does not know, kept as it is', 5, 'widgets', '5 widgets', '5 widgets'],
  // thresholds
  ['more than 400 亿元', { gt: 400 }, '亿元', '> 400 亿元', '> CNY 40 bn'],
  ['at least 100 亿元', { gte: 100 }, '亿元', '≥ 100 亿元', '≥ CNY 10 bn'],
  ['less than 0.03 万吨', { lt: 0.03 }, '万吨', '< 0.03 万吨', '< 0.3 thousand t'],
  ['at most 5%', { lte: 5 }, '%', '≤ 5%', '≤ 5%'],
  ['more than 60%', { gt: 60 }, '%', '> 60%', '> 60%'],
  ['more than 9000 counted', { gt: 9000 }, 'count', '> 9,000 个', '> 9,000'],
  ['at least 2 万元', { gte: 2 }, '万元', '≥ 2 万元', '≥ CNY 0.02 m'],
  ['more than 23.2 万人', { gt: 23.2 }, '万人', '> 23.2 万人', '> 232 thousand people'],
  ['a rank of at most 3', { lte: 3 }, 'rank', '≤ 第 3 位', '≤ no. 3'],
  // ranges
  ['a range of counts', { min: 1, max: 2 }, 'count', '1–2 个', '1–2'],
  ['a range in 亿元', { min: 100, max: 250 }, '亿元', '100–250 亿元', 'CNY 10–25 bn'],
  ['a range in %', { min: 30, max: 40.5 }, '%', '30–40.5%', '30–40.5%'],
  ['a range in 万人', { min: 1.5, max: 2 }, '万人', '1.5–2 万人', '15–20 thousand people'],
  ['a range of ranks', { min: 2, max: 6 }, 'rank', '第 2–6 位', 'no. 2–6'],
  ['a range of years', { min: 10, max: 12 }, 'year', '10–12 年', '10–12 years'],
];

describe('formatValue', () => {
  it.each(CASES)('writes %s in Chinese', (_name, value, unit, zh) => {
    expect(formatValue(value, unit, 'zh')).toBe(zh);
  });

  it.each(CASES)('writes %s in English', (_name, value, unit, _zh, en) => {
    expect(formatValue(value, unit, 'en')).toBe(en);
  });

  it.each([
    '亿元',
    '万元',
    '元',
    '万人',
    '万吨',
    '万千瓦',
    '亩',
    '百分点',
    '倍',
    '个',
    'count',
    'rank',
    'year',
    'places',
    '%',
  ])('writes a %s figure in English without any Chinese character', (unit) => {
    for (const value of [7, { gt: 7 }, { gte: 7 }, { lt: 7 }, { lte: 7 }, { min: 1, max: 7 }] as IndicatorValue[]) {
      expect(formatValue(value, unit, 'en')).not.toMatch(/[\u3000-\u9fff]/);
    }
  });
});

describe('measure words in the data', () => {
  it('counts years with 年 and ranking moves with 位: no figure about years or places is a bare count', () => {
    const indicators = JSON.parse(indicatorsText) as Indicator[];
    // A label ending 年数 (number of years) or 位次 (places in a ranking) counts years or places.
    const miscounted = indicators.filter(
      (indicator) => indicator.unit === 'count' && /(年数|位次)$/.test(indicator.label),
    );
    expect(miscounted.map((indicator) => indicator.id)).toEqual([]);
  });
});

describe('formatNumber', () => {
  it.each<[number, Lang, number | undefined, string]>([
    [2300, 'zh', undefined, '2,300'],
    [2300, 'en', undefined, '2,300'],
    [1234567.891, 'en', undefined, '1,234,567.89'],
    [0.125, 'en', undefined, '0.13'],
    [0.125, 'en', 0, '0'],
    [2.5, 'zh', 0, '3'],
    [-1.3, 'zh', undefined, '-1.3'],
    [1e-9, 'en', undefined, '0'],
  ])('writes %s in %s with at most %s fraction digits as %j', (value, lang, digits, expected) => {
    expect(formatNumber(value, lang, digits)).toBe(expected);
  });
});
