import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { parseCrosswalk, readCrosswalk, type CrosswalkFile } from '../../geo/build/national/crosswalk';
import { joinUnits, type JoinResult } from '../../geo/build/national/join';
import { buildLayer, NATIONAL_MIN_WEIGHT, type NationalProps } from '../../geo/build/national/layer';
import { cityUnitNameEn, unitNameEn } from '../../geo/build/national/names-en';
import { parseTopology, topologyFeatures } from '../../geo/build/national/outputs';
import { loadSourceUnits, type SourceUnit } from '../../geo/build/national/source';
import { polygonKinks } from '../../geo/build/national/simplify-fast';
import { buildTiles } from '../../geo/build/national/tiles';
import { currentUnits, type CurrentUnit } from '../../geo/build/national/units';

const CROSSWALK = 'geo/sources/national-crosswalk.json';

// ------------------------------------------------------------------ small synthetic inputs

const square = (x: number, y: number, s = 1): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
});
const src = (name: string, id: string | null, x: number): SourceUnit => ({
  file: 'test_city',
  id,
  name,
  city: '9901',
  geometry: square(110 + x, 30),
});
const cur = (code: string, name: string): CurrentUnit => ({
  code,
  name,
  city: '990100',
  cityName: '测试市',
  province: '990000',
  provinceName: '测试省',
});
const about = 'test';
const SOURCES = [
  src('甲县', '990121', 0),
  src('乙区', '990102', 1),
  src('丙区', '990103', 2),
  src('丁区', '990104', 3),
  src('戊岛', null, 5),
];
const CURRENT = [cur('990102', '乙区'), cur('990105', '丙丁区'), cur('990181', '甲市'), cur('990106', '己区')];
const CW: CrosswalkFile = {
  about,
  entries: [
    { file: 'test_city', id: '990121', name: '甲县', code: '990181', to: '甲市', kind: '撤县设市', year: 2018 },
    { file: 'test_city', id: '990103', name: '丙区', code: '990105', to: '丙丁区', kind: 'merger', year: 2020 },
    { file: 'test_city', id: '990104', name: '丁区', code: '990105', to: '丙丁区', kind: 'merger', year: 2020 },
  ],
  unmapped: [{ file: 'test_city', id: null, name: '戊岛', reason: 'no current unit' }],
};

describe('join (synthetic)', () => {
  const r = joinUnits(SOURCES, CURRENT, CW);
  it('joins by name, through the crosswalk, and lists leftovers', () => {
    expect(r.assignments.map((a) => [a.unit.code, a.sources])).toEqual([
      ['990102', [1]],
      ['990105', [2, 3]],
      ['990181', [0]],
    ]);
    expect(r.unmapped.map((u) => u.name)).toEqual(['戊岛']);
    expect(r.missing.map((m) => m.code)).toEqual(['990106']);
  });
  it('refuses a feature that neither joins nor is listed', () => {
    expect(() => joinUnits(SOURCES, CURRENT, { ...CW, unmapped: [] })).toThrow(/戊岛.*joins no current unit/);
  });
  it('refuses an unused entry, a wrong target name and a merger without a merger kind', () => {
    const extra = { ...CW.entries[0]!, name: '庚县' };
    expect(() => joinUnits(SOURCES, CURRENT, { ...CW, entries: [...CW.entries, extra] })).toThrow(/matches no source/);
    const wrong = { ...CW.entries[0]!, to: '甲县' };
    expect(() => joinUnits(SOURCES, CURRENT, { ...CW, entries: [wrong, ...CW.entries.slice(1)] })).toThrow(
      /its name is 甲市/,
    );
    const noMerge = CW.entries.map((e) => ({ ...e, kind: e.kind === 'merger' ? ('rename' as const) : e.kind }));
    expect(() => joinUnits(SOURCES, CURRENT, { ...CW, entries: noMerge })).toThrow(/no merger entry/);
  });
  it('makes a merger one feature, the dissolve of its parts', () => {
    // Taken as WGS 84 already, so the GCJ-02 conversion does not move the squares.
    const layer = buildLayer(SOURCES, r, new Set([0, 1, 2, 3]));
    expect(layer.features.map((f) => f.properties.code)).toEqual(['990102', '990105', '990181']);
    const merged = layer.features[1]!;
    expect(merged.geometry.type).toBe('Polygon');
    const ring = (merged.geometry as Polygon).coordinates[0]!;
    const xs = ring.map((p) => p[0]!);
    // Two unit squares side by side (lon 112–114) dissolve into one 2 × 1 rectangle.
    expect([Math.min(...xs), Math.max(...xs)]).toEqual([112, 114]);
    expect(merged.properties).toMatchObject({ name: '丙丁区', province: '990000', city: '990100' });
  });
});

describe('crosswalk file', () => {
  const cw = readCrosswalk(CROSSWALK);
  const entry = (name: string, file?: string) => cw.entries.find((e) => e.name === name && (!file || e.file === file));
  it('has an example of each kind', () => {
    expect(entry('潜山县')).toMatchObject({ code: '340882', to: '潜山市', kind: '撤县设市', year: 2018 });
    expect(entry('株洲县')).toMatchObject({ code: '430212', to: '渌口区', kind: '撤县设区' });
    expect(entry('潞城市')).toMatchObject({ code: '140406', to: '潞城区', kind: '撤市设区' });
    expect(entry('南岔区')).toMatchObject({ code: '230726', to: '南岔县', kind: '撤区设县' });
    expect(entry('桥东区', 'he2_bei3_xing2_tai2')).toMatchObject({ code: '130502', to: '襄都区', kind: 'rename' });
    expect(entry('伊春区')).toMatchObject({ code: '230717', to: '伊美区', kind: 'merger', year: 2019 });
    expect(entry('公主岭市')).toMatchObject({ code: '220184', kind: 'transfer' });
    expect(entry('湾里区')).toMatchObject({ code: '360113', kind: 'kind unknown' });
  });
  it('rejects an unknown kind and a malformed code', () => {
    const bad = { ...cw, entries: [{ ...cw.entries[0]!, kind: 'split' }] };
    expect(() => parseCrosswalk(bad, 'x')).toThrow(/kind/);
    const code = { ...cw, entries: [{ ...cw.entries[0]!, code: '12345' }] };
    expect(() => parseCrosswalk(code, 'x')).toThrow(/code/);
  });
});

describe('join (the real source)', () => {
  let r: JoinResult;
  let units: SourceUnit[];
  beforeAll(() => {
    units = loadSourceUnits().units;
    r = joinUnits(units, currentUnits().units, readCrosswalk(CROSSWALK));
  }, 120_000);
  it('decodes the compressed files (Chongqing lies within lon 105–111, lat 28–33)', () => {
    const cq = units.filter((u) => u.file === 'chongqing');
    expect(cq.length).toBe(38);
    const pts = cq.flatMap((u) =>
      (u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates).flat(2),
    );
    const xs = pts.map((p) => p[0]!);
    const ys = pts.map((p) => p[1]!);
    expect([Math.min(...xs) > 105, Math.max(...xs) < 111, Math.min(...ys) > 28, Math.max(...ys) < 33]).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });
  it('replaces 蓟州区’s empty shape with tianjin-fix', () => {
    expect(units.find((u) => u.name === '蓟州区')?.fix).toMatch(/tianjin-fix/);
  });
  it('maps every mainland feature but the three listed leftovers', () => {
    expect(r.unmapped.map((u) => u.name)).toEqual(['东沙群岛', '三沙市', '海西蒙古族藏族自治州直辖']);
    expect(r.assignments.length).toBe(2839);
  });
  it('lists the current units without a polygon', () => {
    expect(r.missing.map((m) => m.code)).toEqual([
      '232762',
      '232763',
      '232764',
      '330113',
      '330114',
      '330383',
      '440311',
      '460321',
      '460322',
      '460323',
      '632803',
      '632857',
      '659010',
      '659011',
      '659012',
    ]);
  });
  it('dissolves mergers: 伊美区 from 伊春区 and 美溪区, 潞州区 from 城区 and 郊区', () => {
    const names = (code: string) => r.assignments.find((a) => a.unit.code === code)!.sources.length;
    expect(names('230717')).toBe(2);
    expect(names('140403')).toBe(2);
    expect(names('230724')).toBe(3);
  });
});

describe('committed layer', () => {
  const topo = parseTopology(readFileSync('geo/national/counties.topo.json', 'utf8'));
  const features = topologyFeatures(topo);
  const byCode = new Map(features.map((f) => [f.properties.code, f]));
  it('has one feature per code', () => {
    expect(byCode.size).toBe(features.length);
    expect(features.length).toBe(2839);
  });
  it('holds the 42 plan counties with the same code and name', () => {
    const plan = JSON.parse(readFileSync('geo/counties.geojson', 'utf8')) as FeatureCollection<
      Polygon,
      { code: string; name: string }
    >;
    expect(plan.features.length).toBe(42);
    for (const p of plan.features) expect(byCode.get(p.properties.code)?.properties.name).toBe(p.properties.name);
  });
  it('has the merged units once, and province codes of 6 digits', () => {
    expect(byCode.get('230717')?.properties).toMatchObject({ name: '伊美区', city: '230700', province: '230000' });
    expect(features.every((f) => /^\d{2}0000$/.test(f.properties.province))).toBe(true);
  });
  it('uses the plan counties’ simplification weight', () => {
    // COUNTY_MIN_WEIGHT lives in geo/build/index.ts (which runs the build when imported), or
    // wherever a refactor moves it within geo/build/.
    const text = readdirSync('geo/build')
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(`geo/build/${f}`, 'utf8'))
      .join('\n');
    const m = /COUNTY_MIN_WEIGHT = ([\d.e-]+)/.exec(text);
    expect(Number(m?.[1])).toBe(NATIONAL_MIN_WEIGHT);
  });
});

describe('English names', () => {
  it('reads autonomous counties, banners and polyphones', () => {
    expect(unitNameEn('孟村回族自治县')).toBe('Mengcun Hui Autonomous County');
    expect(unitNameEn('融水苗族自治县')).toBe('Rongshui Miao Autonomous County');
    expect(unitNameEn('鄂伦春自治旗')).toBe('Oroqen Autonomous Banner');
    expect(unitNameEn('土默特左旗')).toBe('Tumotezuo Banner');
    expect(unitNameEn('郫都区')).toBe('Pidu District');
    expect(unitNameEn('长子县')).toBe('Zhangzi County');
    expect(unitNameEn('神农架林区')).toBe('Shennongjia Forestry District');
    expect(unitNameEn('万柏林区')).toBe('Wanbolin District');
    expect(unitNameEn('喀什市')).toBe('Kashi City');
    expect(cityUnitNameEn('伊犁哈萨克自治州')).toBe('Yili Kazakh Autonomous Prefecture');
    expect(cityUnitNameEn('临汾市')).toBe('Linfen');
  });
});

describe('kinks', () => {
  it('finds what turf finds: a bow tie, a pinched ring, none in a square', () => {
    const bow = [
      [
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ],
    ];
    expect(polygonKinks(bow)).toEqual([[0.5, 0.5]]);
    expect(polygonKinks(square(0, 0).coordinates)).toEqual([]);
    const pinch = [
      [
        [0, 0],
        [2, 0],
        [1, 1],
        [2, 2],
        [0, 2],
        [1, 1],
        [0, 0],
      ],
    ];
    expect(polygonKinks(pinch).length).toBeGreaterThan(0);
  });
});

describe('tiles', () => {
  const f = (code: string, x: number): Feature<Polygon, NationalProps> => ({
    type: 'Feature',
    properties: { code, name: `县${code}`, name_en: `County ${code}`, province: '990000', city: '990100' },
    geometry: square(110 + x * 0.5, 30, 0.5),
  });
  const layers = {
    counties: { type: 'FeatureCollection' as const, features: [f('990101', 0), f('990102', 1)] },
  };
  const bbox: [number, number, number, number] = [110, 30, 111, 30.5];
  it('are byte-identical on rerun', () => {
    const a = buildTiles(layers, bbox, [3, 6]);
    const b = buildTiles(layers, bbox, [3, 6]);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [k, v] of a) expect(Buffer.compare(v, b.get(k)!)).toBe(0);
  });
  it('decode as a `counties` layer with the properties and no ids', () => {
    const t = buildTiles(layers, bbox, [6, 6]);
    const [key, buf] = [...t].find(([, v]) => v.length > 0)!;
    expect(key).toMatch(/^6\/\d+\/\d+\.pbf$/);
    const vt = new VectorTile(new PbfReader(buf));
    const layer = vt.layers.counties!;
    expect(layer.length).toBe(2);
    const props = [0, 1]
      .map((i) => layer.feature(i).properties)
      .sort((p, q) => String(p.code).localeCompare(String(q.code)));
    expect(props[0]).toEqual({
      code: '990101',
      name: '县990101',
      name_en: 'County 990101',
      province: '990000',
      city: '990100',
    });
    expect(layer.feature(0).id).toBeUndefined();
  });
});
