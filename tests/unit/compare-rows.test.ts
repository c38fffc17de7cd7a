import { describe, expect, it } from 'vitest';
import censusText from '../../geo/census.json?raw';
import indicatorsText from '../../geo/indicators.json?raw';
import { parseCensusFile, parseIndicators, type Indicator, type Result } from '../../geo/schema.ts';
import type { PlaceKey } from '../../geo/model/place-key.ts';
import { censusLookup } from '../../src/data/census.ts';
import {
  compareRows,
  formatCell,
  rowNumbers,
  rowMeta,
  rowPeriods,
  rowUnit,
  type CompareData,
  type CompareRow,
} from '../../src/data/compare-rows.ts';
import { compareCsv } from '../../src/export/compare-csv.ts';

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

// The real outputs, checked by the app's own schema as load.ts does.
const census = ok(parseCensusFile(JSON.parse(censusText)));
const indicators = ok(parseIndicators(JSON.parse(indicatorsText)));
const bySubject = new Map<string, Indicator[]>();
for (const f of indicators) bySubject.set(f.subject, [...(bySubject.get(f.subject) ?? []), f]);
const DATA: CompareData = { indicatorsBySubject: bySubject, census: censusLookup(census) };

const rowsFor = (...keys: PlaceKey[]): CompareRow[] => compareRows(DATA, keys);
const row = (rows: CompareRow[], id: string): CompareRow => {
  const found = rows.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no row ${id}: ${rows.map((r) => r.id).join(', ')}`);
  return found;
};
const censusValue = (key: string, id: string): number | null => {
  const i = census.indicators.findIndex((d) => d.id === id);
  return census.places[key]?.v[i] ?? null;
};

describe('compare rows on the real data', () => {
  const rows = rowsFor('county:430481', 'county:430482');

  it('gives every census indicator a row, with each place’s value from census.json, in picking order', () => {
    const censusRows = rows.filter((r) => r.origin === 'census');
    expect(censusRows.map((r) => r.id)).toEqual(census.indicators.map((d) => d.id));
    for (const r of censusRows) {
      expect(r.cells.map((c) => c.key)).toEqual(['county:430481', 'county:430482']);
      expect(r.cells.map((c) => c.value)).toEqual([
        censusValue('county:430481', r.id),
        censusValue('county:430482', r.id),
      ]);
    }
    expect(row(rows, 'census-res2020').cells.map((c) => c.value)).toEqual([1140675, 790676]);
    const reversed = rowsFor('county:430482', 'county:430481');
    expect(row(reversed, 'census-res2020').cells.map((c) => c.value)).toEqual([790676, 1140675]);
  });

  it('draws counts and changes as bars and shares as dots', () => {
    expect(row(rows, 'census-res2020').chart).toBe('bar');
    expect(row(rows, 'census-change').chart).toBe('bar');
    for (const r of rows.filter((r) => r.census?.kind === 'share' && r.notDrawn === null)) expect(r.chart).toBe('dot');
    expect(rows.some((r) => r.chart === 'dot')).toBe(true);
  });

  it('puts the computed areas side by side as a chart, first after the census', () => {
    const area = row(rows, 'doc:Area (computed from the county boundary)|km²');
    expect(area.origin).toBe('geometry');
    expect(area.chart).toBe('bar');
    expect(area.cells.map((c) => c.indicator?.id)).toEqual(['county-430481-area', 'county-430482-area']);
    const firstOther = rows.findIndex((r) => r.origin !== 'census');
    expect(rows[firstOther]?.origin).toBe('geometry');
  });

  it('shows two GDP thresholds (> 400 亿元 each) as text, not as equal bars', () => {
    const gdp = row(rows, 'doc:GDP|亿元');
    expect(gdp.origin).toBe('document');
    expect(gdp.cells.map((c) => c.value)).toEqual([{ gt: 400 }, { gt: 400 }]);
    expect(gdp.chart).toBeNull();
    expect(gdp.notDrawn).toBe('threshold');
    expect(gdp.cells.map((c) => formatCell(gdp, c.value, 'zh'))).toEqual(['> 400 亿元', '> 400 亿元']);
    expect(gdp.cells.map((c) => formatCell(gdp, c.value, 'en'))).toEqual(['> CNY 40 bn', '> CNY 40 bn']);
    expect(gdp.cells.every((c) => c.source.kind === 'document')).toBe(true);
  });

  it('keeps a document figure only one place has out of the comparison', () => {
    const linfenCounty = rowsFor('county:430481', 'county:141002');
    expect(linfenCounty.find((r) => r.id === 'doc:GDP|亿元')).toBeUndefined();
  });

  it('compares the three Linfen sectors on census, area, land share and member counties', () => {
    const sectors = rowsFor('sector:fen', 'sector:yellow', 'sector:taiyue');
    expect(row(sectors, 'census-res2020').cells.map((c) => c.value)).toEqual([
      censusValue('sector:fen', 'census-res2020'),
      censusValue('sector:yellow', 'census-res2020'),
      censusValue('sector:taiyue', 'census-res2020'),
    ]);
    const area = row(sectors, 'doc:Area (computed from county boundaries)|km²');
    expect(rowNumbers(area)).toEqual([5252.4, 9781.6, 5259.8]);
    const share = row(sectors, "doc:Share of Linfen's land area (computed)|%");
    expect(share.chart).toBe('dot');
    expect(row(sectors, 'doc:Member counties (from the membership list)|count').cells.map((c) => c.value)).toEqual([
      6, 7, 4,
    ]);
    // Each sector has its own document figures, none shared by all three.
    expect(sectors.filter((r) => r.origin === 'document')).toEqual([]);
  });

  it('compares cities on census and computed land area', () => {
    const cities = rowsFor('city:141000', 'city:430400');
    expect(row(cities, 'census-res2020').chart).toBe('bar');
    expect(rowNumbers(row(cities, 'doc:Land area (computed from county boundaries)|km²'))).toEqual([20293.8, 15327.4]);
  });

  it('shows a census "no data" as text (no comparable place lacks one today, so one is taken out)', () => {
    const i = census.indicators.findIndex((d) => d.id === 'census-res2010');
    const copy = structuredClone(census);
    copy.places['county:430481']!.v[i] = null;
    const gap = compareRows({ ...DATA, census: censusLookup(copy) }, ['county:430481', 'county:430482']);
    const r = row(gap, 'census-res2010');
    expect(r.cells.map((c) => c.value)).toEqual([null, 810447]);
    expect(r.chart).toBeNull();
    expect(r.notDrawn).toBe('no-data');
    expect(formatCell(r, null, 'zh')).toBe('无数据');
    expect(formatCell(r, null, 'en')).toBe('no data');
  });

  it('words census values with their decimals and unit, and reads units and periods per language', () => {
    const res = row(rows, 'census-res2020');
    expect(formatCell(res, 1140675, 'zh')).toBe('1,140,675人');
    expect(formatCell(res, 1140675, 'en')).toBe('1,140,675 people');
    expect(formatCell(row(rows, 'census-change'), -0.9, 'en')).toBe('-0.9%');
    expect(rowUnit(res, 'en')).toBe('people');
    expect(rowPeriods(res, 'zh')).toEqual(['2020年第七次人口普查']);
    expect(rowUnit(row(rows, 'doc:GDP|亿元'), 'en')).toBe('CNY bn');
  });

  it('writes the table as CSV: one column per place in picking order, plain numbers, thresholds as text', () => {
    const names = { 'county:430481': '耒阳市', 'county:430482': '常宁市' } as Record<string, string>;
    const csv = compareCsv(rows, ['county:430481', 'county:430482'], (key) => names[key] ?? key, census.source.name);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('indicator,label,label_en,unit,period,county:430481 耒阳市,county:430482 常宁市,source');
    expect(lines).toContain(
      `census-res2020,常住人口,Residents,人,2020年第七次人口普查,1140675,790676,"${census.source.name}"`,
    );
    expect(lines.find((l) => l.startsWith('doc:GDP|亿元'))).toMatch(/,>400,>400,/);
    expect(lines).toHaveLength(rows.length + 1);
  });
});

describe('the line under a row', () => {
  const rows = rowsFor('county:430481', 'county:430482');
  const documents = new Map();

  it('says the unit, period and source, in each language', () => {
    expect(rowMeta(row(rows, 'census-res2020'), 'zh', documents)).toBe(
      '单位：人 · 2020年第七次人口普查 · 来源：第七次、第六次全国人口普查分县数据',
    );
    expect(rowMeta(row(rows, 'census-res2020'), 'en', documents)).toBe(
      'Unit: people · 2020 census · Source: 2020 and 2010 county census data',
    );
  });

  it('names a computed figure as computed', () => {
    const area = rows.find((r) => r.origin === 'geometry');
    expect(area).toBeDefined();
    if (area !== undefined) expect(rowMeta(area, 'en', documents)).toContain('Source: computed from boundaries');
  });
});

describe('compare rows, the rules on small cases', () => {
  const fig = (subject: string, value: Indicator['value'], period = '2021年', unit = '亿元'): Indicator =>
    ({
      id: `${subject}-gdp`,
      subject,
      label: '地区生产总值',
      label_en: 'GDP',
      value,
      unit,
      period,
      source: { doc: '004_5db95c285ec6e824', section: '第一节' },
    }) as Indicator;
  const data = (...figures: Indicator[]): CompareData => ({
    census: null,
    indicatorsBySubject: new Map(figures.map((f) => [f.subject, [f]])),
  });
  const one = (...figures: Indicator[]): CompareRow | undefined =>
    compareRows(
      data(...figures),
      figures.map((f) => f.subject as PlaceKey),
    )[0];

  it.each<[string, Indicator['value'][], string[], 'bar' | null, string | null]>([
    ['plain numbers of one period', [410, 380], ['2021年', '2021年'], 'bar', null],
    ['a threshold against a number', [{ gt: 400 }, 380], ['2021年', '2021年'], null, 'threshold'],
    ['an approximate figure', [{ about: 400 }, 380], ['2021年', '2021年'], null, 'inexact'],
    ['a range', [{ min: 300, max: 400 }, 380], ['2021年', '2021年'], null, 'inexact'],
    ['different periods', [410, 380], ['2021年', '2022年'], null, 'periods'],
  ])('%s', (_name, values, periods, chart, notDrawn) => {
    const r = one(fig('county:1', values[0]!, periods[0]), fig('county:2', values[1]!, periods[1]));
    expect(r?.chart).toBe(chart);
    expect(r?.notDrawn).toBe(notDrawn);
  });

  it('draws no rank as a bar', () => {
    const r = one(fig('city:1', 2, '2021年', 'rank'), fig('city:2', 6, '2021年', 'rank'));
    expect(r?.notDrawn).toBe('rank');
  });

  it('gives no row when the unit differs', () => {
    expect(one(fig('county:1', 410), fig('county:2', 38, '2021年', '万元'))).toBeUndefined();
  });

  it('gives no rows without places, and no census rows when a place has no census row', () => {
    expect(compareRows(DATA, [])).toEqual([]);
    expect(compareRows(DATA, ['county:430481', 'county:999999']).filter((r) => r.origin === 'census')).toEqual([]);
  });
});
