import { describe, expect, it } from 'vitest';
import indicatorsText from '../../geo/indicators.json?raw';
import type { Indicator } from '../../geo/schema.ts';
import {
  basisLine,
  basisReasoning,
  computedMethod,
  documentDate,
  documentName,
  formatNumber,
  formatPeriod,
  formatSection,
  formatValue,
  formatWhere,
} from '../../src/i18n/format.ts';
import type { IndicatorValue } from '../../geo/schema.ts';
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
  // about (约, 近, 左右, 余), in the document's own unit
  ['nearly 300 吨, kept in 吨', { about: 300 }, '吨', '约300 吨', '≈ 300 t'],
  ['some 20 counted', { about: 20 }, 'count', '约20 个', '≈ 20'],
  ['some 23.2 万人', { about: 23.2 }, '万人', '约23.2 万人', '≈ 232 thousand people'],
  ['tonnes in 吨', 300, '吨', '300 吨', '300 t'],
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
    '吨',
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
    for (const value of [
      7,
      { about: 7 },
      { gt: 7 },
      { gte: 7 },
      { lt: 7 },
      { lte: 7 },
      { min: 1, max: 7 },
    ] as IndicatorValue[]) {
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

  it('writes every whole number under 1000 as Intl would, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const intl = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 });
      for (let n = 0; n < 1000; n++) expect(formatNumber(n, lang)).toBe(intl.format(n));
      for (const n of [1000, 2854, -1, 0.5, 999.5]) expect(formatNumber(n, lang)).toBe(intl.format(n));
    }
  });
});

describe('where a figure comes from', () => {
  const sections = [
    { id: '导语', line: '衡阳市', lead: true as const, name_en: 'lead' },
    { id: '二', line: '二、', name_en: 'section 2' },
    { id: '永济市委书记 何伟', line: '永济市委书记', name_en: 'Yongji Party secretary He Wei' },
  ];
  it.each<[string, number, string, string]>([
    ['二', 3, '第二节第3段', 'section 2, paragraph 3'],
    ['导语', 1, '导语第1段', 'lead, paragraph 1'],
    ['全文', 2, '第2段', 'paragraph 2'],
    ['永济市委书记 何伟', 3, '「永济市委书记 何伟」第3段', 'Yongji Party secretary He Wei, paragraph 3'],
  ])('writes section %s paragraph %i', (section, paragraph, zh, en) => {
    expect(formatWhere({ section, paragraph }, sections, 'zh')).toBe(zh);
    expect(formatWhere({ section, paragraph }, sections, 'en')).toBe(en);
  });

  it('names a section without its list by numeral', () => {
    expect(formatSection('四', undefined, 'en')).toBe('section 4');
    expect(formatSection('四', undefined, 'zh')).toBe('第四节');
  });

  it('names a document by its short title, never its stem, and marks an inferred date', () => {
    const doc = {
      stem: '003_b67cc1c0beddea5c',
      title: '2020年经济工作总体思路',
      short_title: '临汾经济开发区2020年工作思路',
      short_title_en: 'Linfen EDZ: 2020 work plan',
      date: '2020',
      date_inferred: true as const,
    };
    expect(documentName(doc, 'zh')).toBe('临汾经济开发区2020年工作思路');
    expect(documentName(doc, 'en')).toBe('Linfen EDZ: 2020 work plan');
    expect(documentName({ ...doc, short_title: undefined, short_title_en: undefined }, 'en')).toBe(doc.title);
    expect(documentDate(doc, 'zh')).toBe('2020（推定）');
    expect(documentDate(doc, 'en')).toBe('2020 (inferred)');
    expect(documentDate({ ...doc, date_inferred: undefined }, 'en')).toBe('2020');
  });

  it('never shows an inferred period as fact', () => {
    const notStated = { period: '年份未注明', period_en: 'year not stated', period_inferred: true as const };
    expect(formatPeriod(notStated, 'zh')).toEqual({ text: '年份未注明', inferred: true });
    expect(formatPeriod(notStated, 'en')).toEqual({ text: 'year not stated', inferred: true });
    const guess = { period: '约2022年7月', period_en: 'c. July 2022', period_inferred: true as const };
    expect(formatPeriod(guess, 'zh').text).toBe('约2022年7月（推定）');
    expect(formatPeriod(guess, 'en').text).toBe('c. July 2022 (inferred)');
    expect(formatPeriod({ period: '2021年', period_en: '2021' }, 'en')).toEqual({ text: '2021', inferred: false });
    expect(formatPeriod({ period: '2021年', period_en: '2021' }, 'zh')).toEqual({ text: '2021年', inferred: false });
  });

  it('says how a computed figure was made: boundaries or the membership list', () => {
    expect(computedMethod({ section: 'county polygons' }, 'en')).toBe('computed from boundaries');
    expect(computedMethod({ section: 'sector membership list (plan file)' }, 'en')).toBe(
      'counted from the membership list',
    );
    expect(computedMethod({ section: 'sector membership list (plan file)' }, 'zh')).toBe('按成员名单计数');
  });

  it('states a sector membership basis, with the reasoning in the UI language', () => {
    const inferred = {
      kind: 'inferred' as const,
      rests_on: [{ doc: '000_cadb55420808a2ac', section: '二' }],
      reasoning: '推理',
      reasoning_en: 'reasoning',
    };
    expect(basisLine(inferred, 'zh')).toBe('成员依据：推定（文件未列出各县）');
    expect(basisLine(inferred, 'en')).toBe('Members: inferred, the document does not list them');
    expect(basisReasoning(inferred, 'zh')).toBe('推理');
    expect(basisReasoning(inferred, 'en')).toBe('reasoning');
    const listed = { kind: 'listed' as const, source: { doc: '000_cadb55420808a2ac', section: '二' } };
    expect(basisLine(listed, 'en')).toBe('Members: listed in the document');
    expect(basisReasoning(listed, 'en')).toBeUndefined();
  });
});
