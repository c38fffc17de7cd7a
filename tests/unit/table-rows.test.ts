import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../geo/schema.ts';
import type { Place, Registry } from '../../src/data/places.ts';
import { sortRows, tableRows, type SortDir, type SortKey } from '../../src/data/table-rows.ts';
import type { PlaceKey } from '../../geo/model/place-key.ts';

const place = (key: PlaceKey, name: string, name_en: string, parents: PlaceKey[] = []): Place => ({
  key,
  type: key.split(':')[0] as Place['type'],
  id: key.split(':')[1] ?? '',
  name,
  name_en,
  bounds: [0, 0, 1, 1],
  anchor: [0.5, 0.5],
  parents,
  children: [],
});

const area = (id: string, subject: string, value: number): Indicator => ({
  id,
  subject,
  label: '面积',
  label_en: 'Area',
  value,
  unit: 'km²',
  period: 'current boundaries',
  source: { doc: 'geometry', section: 'county polygons' },
  computed_only: true,
});

const PLACES = [
  place('city:141000', '临汾市', 'Linfen'),
  place('sector:fen', '汾河谷地板块', 'Fen River Valley', ['city:141000']),
  place('county:141002', '尧都区', 'Yaodu District', ['sector:fen', 'city:141000']),
  place('county:141023', '襄汾县', 'Xiangfen County', ['sector:fen', 'city:141000']),
  place('county:141030', '大宁县', 'Daning County', ['city:141000']),
  place('park:linfen-edz', '临汾经济开发区', 'Linfen EDZ', ['county:141002', 'sector:fen']),
];
const INDICATORS = [
  area('county-141002-area', 'county:141002', 1316.5),
  area('county-141023-area', 'county:141023', 1034.2),
  area('sector-fen-area', 'sector:fen', 5252.4),
  area('city-141000-area-computed', 'city:141000', 20293.8),
  { ...area('yaodu-gdp', 'county:141002', 400), unit: '亿元' },
];
const bySubject = new Map<string, Indicator[]>();
for (const i of INDICATORS) bySubject.set(i.subject, [...(bySubject.get(i.subject) ?? []), i]);
const REGISTRY: Registry = {
  places: new Map(PLACES.map((p) => [p.key, p])),
  indicators: new Map(INDICATORS.map((i) => [i.id, i])),
  indicatorsBySubject: bySubject,
  plans: [],
  documents: new Map(),
  census: null,
  has: (key) => PLACES.some((p) => p.key === key),
  get: (key) => PLACES.find((p) => p.key === key),
  planOf: () => undefined,
  groupName: () => undefined,
};

describe('tableRows', () => {
  const rows = tableRows(REGISTRY, 'zh');
  const row = (key: string) => rows.find((r) => r.key === key);

  it('has a row per place, with its parents named in the language', () => {
    expect(rows).toHaveLength(PLACES.length);
    expect(row('county:141002')?.parents).toBe('汾河谷地板块、临汾市');
    expect(tableRows(REGISTRY, 'en').find((r) => r.key === 'county:141002')?.parents).toBe('Fen River Valley, Linfen');
  });

  it('counts every figure and takes the computed area by its geo:build id, and only in km²', () => {
    expect(row('county:141002')).toMatchObject({ figures: 2, area: 1316.5 });
    expect(row('sector:fen')?.area).toBe(5252.4);
    expect(row('city:141000')?.area).toBe(20293.8);
    expect(row('county:141030')).toMatchObject({ figures: 0, area: undefined });
    expect(row('park:linfen-edz')?.area).toBeUndefined();
  });
});

describe('sortRows', () => {
  const rows = tableRows(REGISTRY, 'en');
  const cases: [SortKey, SortDir, string[]][] = [
    [
      'area',
      'ascending',
      ['county:141023', 'county:141002', 'sector:fen', 'city:141000', 'county:141030', 'park:linfen-edz'],
    ],
    [
      'area',
      'descending',
      ['city:141000', 'sector:fen', 'county:141002', 'county:141023', 'county:141030', 'park:linfen-edz'],
    ],
    [
      'name',
      'ascending',
      ['county:141030', 'sector:fen', 'city:141000', 'park:linfen-edz', 'county:141023', 'county:141002'],
    ],
    [
      'figures',
      'descending',
      ['county:141002', 'sector:fen', 'city:141000', 'county:141023', 'county:141030', 'park:linfen-edz'],
    ],
    [
      'type',
      'ascending',
      ['city:141000', 'sector:fen', 'county:141030', 'county:141023', 'county:141002', 'park:linfen-edz'],
    ],
  ];
  it.each(cases)('by %s, %s; missing values last, ties by name', (key, dir, order) => {
    expect(sortRows(rows, key, dir, 'en').map((r) => r.key)).toEqual(order);
  });

  it('sorts Chinese names by pinyin', () => {
    const zh = sortRows(tableRows(REGISTRY, 'zh'), 'name', 'ascending', 'zh').map((r) => r.name);
    expect(zh).toEqual(['大宁县', '汾河谷地板块', '临汾经济开发区', '临汾市', '襄汾县', '尧都区']);
  });
});
