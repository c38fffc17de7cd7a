import { describe, expect, it } from 'vitest';
import countiesText from '../../geo/counties.geojson?raw';
import sectorsText from '../../geo/sectors.geojson?raw';
import riversText from '../../geo/rivers.geojson?raw';
import parksText from '../../geo/parks.geojson?raw';
import provincesText from '../../geo/provinces.geojson?raw';
import indicatorsText from '../../geo/indicators.json?raw';
import plansText from '../../geo/plans.json?raw';
import {
  parseCollection,
  parsePlaces,
  parsePlanSummaries,
  parseIndicators,
  type Counties,
  type Indicator,
} from '../../geo/schema';
import { placesOnly, placesOnlyText } from '../../geo/model/tiled';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../geo/build/gcj02';

function ok<T>(r: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.data;
}

const counties: Counties = ok(parseCollection('counties', JSON.parse(countiesText)));
const sectors = ok(parseCollection('sectors', JSON.parse(sectorsText)));
const rivers = ok(parseCollection('rivers', JSON.parse(riversText)));
const parks = ok(parseCollection('parks', JSON.parse(parksText)));
const indicators: Indicator[] = ok(parseIndicators(JSON.parse(indicatorsText)));
const plans = ok(parsePlanSummaries(JSON.parse(plansText)));

/** Every county's official name and its English name, checked by eye against the official romanisation. */
const NAMES: Record<string, [string, string]> = {
  '140802': ['盐湖区', 'Yanhu District'],
  '140821': ['临猗县', 'Linyi County'],
  '140822': ['万荣县', 'Wanrong County'],
  '140823': ['闻喜县', 'Wenxi County'],
  '140824': ['稷山县', 'Jishan County'],
  '140825': ['新绛县', 'Xinjiang County'],
  '140826': ['绛县', 'Jiang County'],
  '140827': ['垣曲县', 'Yuanqu County'],
  '140828': ['夏县', 'Xia County'],
  '140829': ['平陆县', 'Pinglu County'],
  '140830': ['芮城县', 'Ruicheng County'],
  '140881': ['永济市', 'Yongji City'],
  '140882': ['河津市', 'Hejin City'],
  '141002': ['尧都区', 'Yaodu District'],
  '141021': ['曲沃县', 'Quwo County'],
  '141022': ['翼城县', 'Yicheng County'],
  '141023': ['襄汾县', 'Xiangfen County'],
  '141024': ['洪洞县', 'Hongtong County'],
  '141025': ['古县', 'Gu County'],
  '141026': ['安泽县', 'Anze County'],
  '141027': ['浮山县', 'Fushan County'],
  '141028': ['吉县', 'Ji County'],
  '141029': ['乡宁县', 'Xiangning County'],
  '141030': ['大宁县', 'Daning County'],
  '141031': ['隰县', 'Xi County'],
  '141032': ['永和县', 'Yonghe County'],
  '141033': ['蒲县', 'Pu County'],
  '141034': ['汾西县', 'Fenxi County'],
  '141081': ['侯马市', 'Houma City'],
  '141082': ['霍州市', 'Huozhou City'],
  '430405': ['珠晖区', 'Zhuhui District'],
  '430406': ['雁峰区', 'Yanfeng District'],
  '430407': ['石鼓区', 'Shigu District'],
  '430408': ['蒸湘区', 'Zhengxiang District'],
  '430412': ['南岳区', 'Nanyue District'],
  '430421': ['衡阳县', 'Hengyang County'],
  '430422': ['衡南县', 'Hengnan County'],
  '430423': ['衡山县', 'Hengshan County'],
  '430424': ['衡东县', 'Hengdong County'],
  '430426': ['祁东县', 'Qidong County'],
  '430481': ['耒阳市', 'Leiyang City'],
  '430482': ['常宁市', 'Changning City'],
};

/** How many indicator records each source document yields (geo/sources/README-figures.md). */
const YIELD: Record<string, number> = {
  '000_cadb55420808a2ac': 25,
  '001_7232872bc61b35c8': 11,
  '002_6d35c5f44c2fc320': 9,
  '003_b67cc1c0beddea5c': 8,
  '004_5db95c285ec6e824': 50,
};

function signedArea(r: number[][]): number {
  let s = 0;
  for (let i = 0; i + 1 < r.length; i++) s += r[i]![0]! * r[i + 1]![1]! - r[i + 1]![0]! * r[i]![1]!;
  return s / 2;
}

describe('geo data', () => {
  it('has the 17 counties of Linfen, 13 of Yuncheng and 12 of Hengyang, with codes, names and English names', () => {
    const got = Object.fromEntries(
      counties.features.map((f) => [f.properties.code, [f.properties.name, f.properties.name_en]]),
    );
    expect(got).toEqual(NAMES);
    const per = (p: string) => counties.features.filter((f) => f.properties.prefecture === p).length;
    expect([per('141000'), per('140800'), per('430400')]).toEqual([17, 13, 12]);
    expect(plans.map((c) => [c.city, c.name, c.name_en, c.counties.length])).toEqual([
      ['140800', '运城市', 'Yuncheng', 13],
      ['141000', '临汾市', 'Linfen', 17],
      ['430400', '衡阳市', 'Hengyang', 12],
    ]);
  });

  it('puts every Linfen county in exactly one sector, as the membership table says', () => {
    const members = Object.fromEntries(sectors.features.map((f) => [f.properties.id, f.properties.counties]));
    expect(members).toEqual({
      fen: ['141002', '141021', '141023', '141024', '141081', '141082'],
      yellow: ['141028', '141029', '141030', '141031', '141032', '141033', '141034'],
      taiyue: ['141022', '141025', '141026', '141027'],
    });
    for (const f of counties.features) expect(f.properties.sector === null).toBe(f.properties.prefecture !== '141000');
    for (const f of sectors.features) expect(f.geometry.type).toBe('Polygon'); // a clean dissolve: one piece, no slivers
  });

  it('winds exterior rings counter-clockwise and holes clockwise (RFC 7946)', () => {
    for (const f of [...counties.features, ...sectors.features]) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const p of polys) p.forEach((r, i) => expect(signedArea(r) > 0).toBe(i === 0));
    }
  });

  it('names the Yellow, Fen, Qin, Xiang and Lei rivers', () => {
    expect(rivers.features.map((f) => [f.properties.id, f.properties.name, f.properties.name_en])).toEqual([
      ['huang-he', '黄河', 'Yellow River'],
      ['fen-he', '汾河', 'Fen River'],
      ['qin-he', '沁河', 'Qin River'],
      ['xiang-jiang', '湘江', 'Xiang River'],
      ['lei-shui', '耒水', 'Lei River'],
    ]);
  });

  it('marks every park point approximate or exact, approximate ones with a note', () => {
    for (const f of parks.features) {
      if (f.properties.precision === 'approximate') expect(f.properties.note.length).toBeGreaterThan(0);
    }
  });

  it('stores computed figures beside the stated ones they check', () => {
    const byId = new Map(indicators.map((r) => [r.id, r]));
    expect(byId.get('hengyang-county-land-share')?.value).toBe(95.4);
    expect(Math.abs(byId.get('hengyang-county-land-share')!.computed!.value - 95.4)).toBeLessThanOrEqual(0.5);
    expect(byId.get('linfen-county-count')?.computed?.value).toBe(17);
    expect(byId.get('hengyang-county-count')?.computed?.value).toBe(7);
    expect(byId.get('hengyang-district-count')?.computed?.value).toBe(5);
    for (const f of counties.features) {
      const a = byId.get(`county-${f.properties.code}-area`);
      expect(a?.computed_only).toBe(true);
      expect(a?.source.doc).toBe('geometry');
      expect(a?.unit).toBe('km²');
    }
    for (const s of ['fen', 'yellow', 'taiyue']) expect(byId.get(`sector-${s}-area`)?.unit).toBe('km²');
  });

  it('yields the stated number of figures from each document', () => {
    const n: Record<string, number> = {};
    for (const r of indicators) if (r.source.doc !== 'geometry') n[r.source.doc] = (n[r.source.doc] ?? 0) + 1;
    expect(n).toEqual(YIELD);
    expect(Object.keys(YIELD).sort()).toEqual(plans.flatMap((p) => p.documents.map((d) => d.stem)).sort());
  });

  it('keeps what the app loads first under 300 KB gzip', async () => {
    const gz = async (t: string) => {
      const s = new Blob([t]).stream().pipeThrough(new CompressionStream('gzip'));
      return (await new Response(s).arrayBuffer()).byteLength;
    };
    // The plan layers' files as fetched at start: without their shapes, which come as tiles.
    let total = 0;
    for (const t of [
      placesOnlyText(countiesText),
      placesOnlyText(sectorsText),
      placesOnlyText(riversText),
      provincesText,
      parksText,
      indicatorsText,
      plansText,
    ])
      total += await gz(t);
    expect(total).toBeLessThanOrEqual(300 * 1024);
  });

  it('checks a plan file as the app fetches it, without shapes: valid, whole, damaged, missing', () => {
    const places = parsePlaces('counties', placesOnly(JSON.parse(countiesText)));
    expect(places.ok && places.data.features.length).toBe(counties.features.length);
    expect(places.ok && places.data.features.every((f) => f.geometry === null)).toBe(true);
    // The whole file is not what the app asked for: its shapes belong in the tiles.
    const whole = parsePlaces('counties', JSON.parse(countiesText));
    expect(!whole.ok && whole.error).toMatch(
      /^counties\.geojson: feature #0 "[^"]+" \(code \d{6}\): geometry is not null/,
    );
    const damaged = placesOnly(JSON.parse(sectorsText)) as { features: Record<string, unknown>[] };
    delete damaged.features[1]!.label_point;
    const refused = parsePlaces('sectors', damaged);
    expect(!refused.ok && refused.error).toMatch(/^sectors\.geojson: feature #1 .*label_point/);
    expect(parsePlaces('rivers', { type: 'FeatureCollection' })).toEqual({
      ok: false,
      error: 'rivers.geojson: not a GeoJSON FeatureCollection',
    });
  });

  it('converts GCJ-02 back to WGS 84 to within a millimetre', () => {
    for (const p of [
      [111.5, 36.0],
      [110.5, 35.0],
      [112.6, 26.9],
    ] as [number, number][]) {
      const g = wgs84ToGcj02(p[0], p[1]);
      expect(Math.hypot(g[0] - p[0], g[1] - p[1])).toBeGreaterThan(0.003); // the offset is real here
      const w = gcj02ToWgs84(g[0], g[1]);
      expect(Math.abs(w[0] - p[0])).toBeLessThan(1e-8);
      expect(Math.abs(w[1] - p[1])).toBeLessThan(1e-8);
    }
  });
});
