import { describe, expect, it } from 'vitest';
import type { CensusIndicator } from '../../geo/schema.ts';
import { formatCensusValue, formatRank, ordinal } from '../../src/i18n/census-format.ts';

const indicator = (over: Partial<CensusIndicator>): CensusIndicator => ({
  id: 'census-res2020',
  label: '常住人口',
  label_en: 'Residents',
  unit: '人',
  unit_en: 'people',
  kind: 'count',
  decimals: 0,
  period: '2020年第七次人口普查',
  period_en: '2020 census',
  note: '',
  note_en: '',
  ...over,
});

describe('census values in words', () => {
  it('writes counts with grouping and the unit in each language', () => {
    expect(formatCensusValue(959198, indicator({}), 'zh')).toBe('959,198人');
    expect(formatCensusValue(959198, indicator({}), 'en')).toBe('959,198 people');
  });

  it('signs a change and keeps its decimals', () => {
    const change = indicator({ id: 'census-change', unit: '%', unit_en: '%', kind: 'change', decimals: 1 });
    expect(formatCensusValue(1.6, change, 'en')).toBe('+1.6%');
    expect(formatCensusValue(-12, change, 'zh')).toBe('-12.0%');
    expect(formatCensusValue(0, change, 'en')).toBe('0.0%');
  });

  it('says "no data" for null, never 0', () => {
    expect(formatCensusValue(null, indicator({}), 'zh')).toBe('无数据');
    expect(formatCensusValue(null, indicator({}), 'en')).toBe('no data');
  });

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [112, '112th'],
    [1406, '1,406th'],
    [2011, '2,011th'],
  ])('ordinal(%i) is %s', (n, text) => expect(ordinal(n)).toBe(text));

  it('words a rank in its group', () => {
    const rank = { rank: 3, of: 17, group: 'city:141000', name: '临汾市' };
    expect(formatRank(rank, 'zh', (r) => r.name)).toBe('临汾市第3位（共17）');
    expect(formatRank(rank, 'en', () => 'Linfen')).toBe('3rd of 17 in Linfen');
  });
});
