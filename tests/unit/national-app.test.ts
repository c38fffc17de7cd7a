/**
 * The national layer's app side (issue 18): the index lookup built from the committed
 * geo/national files, which `sel=` values it accepts, search over it, and the loading rule.
 */
import indexText from '../../geo/national/counties-index.json?raw';
import provincesText from '../../geo/national/provinces.json?raw';
import { describe, expect, it } from 'vitest';
import { NATIONAL } from '../../geo/model/kinds.ts';
import { parseNationalIndex, parseNationalProvinces } from '../../geo/schema.ts';
import type { CensusLookup } from '../../src/data/census.ts';
import {
  NATIONAL_MARGIN,
  NATIONAL_ZOOM,
  isCountyCode,
  mergeCountyValues,
  nationalIndex,
  searchNational,
  nationalShown,
  wantsNational,
} from '../../src/data/national.ts';
import type { Bounds } from '../../src/data/places.ts';
import { parseHash } from '../../src/state/url-hash.ts';

function load<T>(text: string, parse: (json: unknown) => { ok: true; data: T } | { ok: false; error: string }): T {
  const result = parse(JSON.parse(text));
  if (!result.ok) throw new Error(result.error);
  return result.data;
}
const INDEX = nationalIndex(
  load(indexText, (j) => parseNationalIndex(j)),
  load(provincesText, (j) => parseNationalProvinces(j)),
);

describe('the national index', () => {
  it('finds a county in another province with its city and province', () => {
    const hancheng = INDEX.county('county:610581');
    expect(hancheng).toMatchObject({ name: '韩城市', name_en: 'Hancheng City', city: '610500', province: '610000' });
    expect(hancheng?.bounds).toEqual([110.11, 35.3, 110.61, 35.87]);
    expect(INDEX.groupName('city:610500', 'zh')).toBe('渭南市');
    expect(INDEX.groupName('province:430000', 'en')).toBe('Hunan');
    expect(INDEX.groupName('country', 'zh')).toBe('全国');
    expect(INDEX.county('county:430121')?.name).toBe('长沙县');
  });

  it('holds every unit of the index and the plan counties too', () => {
    expect(INDEX.counties.size).toBe(2854);
    expect(INDEX.has('county:141024')).toBe(true);
    expect(INDEX.provinces.size).toBe(31);
  });

  it('frames China inside the tiles: the source bounds lie within the provinces’ union', () => {
    const [w, s, e, n] = INDEX.bounds!;
    const [bw, bs, be, bn] = NATIONAL.bounds;
    expect(bw).toBeGreaterThanOrEqual(w);
    expect(bs).toBeGreaterThanOrEqual(s);
    expect(be).toBeLessThanOrEqual(e);
    expect(bn).toBeLessThanOrEqual(n);
    expect(bw - w).toBeLessThan(0.05);
    expect(n - bn).toBeLessThan(0.05);
  });
});

describe('sel= acceptance', () => {
  it.each([
    ['610581', true],
    ['430121', true],
    ['6105810', false], // 7 digits
    ['61058', false],
    ['610599', false], // well-formed, not in the list
    ['430271', false], // functional zone (third pair 7x)
    ['610500', false], // a city
    ['610000', false], // a province
  ])('county:%s → %s', (code, ok) => {
    expect(INDEX.has(`county:${code}`)).toBe(ok);
    const context = { hasPlace: INDEX.has, hasIndicator: () => false };
    const result = parseHash(`#sel=county:${code}&lang=en`, context);
    expect(result.state.sel).toBe(ok ? `county:${code}` : null);
    expect(result.ignored).toEqual(ok ? [] : ['sel']);
    expect(result.state.lang).toBe('en');
  });

  it('is refused before the index is loaded (the app loads it first for such a link)', () => {
    const result = parseHash('#sel=county:610581', { hasPlace: () => false, hasIndicator: () => false });
    expect(result.ignored).toEqual(['sel']);
  });

  it('knows county codes by form', () => {
    expect(isCountyCode('141024')).toBe(true);
    expect(isCountyCode('141071')).toBe(false);
    expect(isCountyCode('140000')).toBe(false);
    expect(INDEX.has('county:441900')).toBe(true); // 东莞, a city without districts
    expect(isCountyCode('14102a')).toBe(false);
  });
});

describe('search over the national index', () => {
  it.each([
    ['韩城', 'county:610581'],
    ['hancheng', 'county:610581'],
    ['Hancheng City', 'county:610581'],
    ['长沙县', 'county:430121'],
    ['changsha county', 'county:430121'],
  ])('%s finds %s first', (query, key) => {
    expect(searchNational(INDEX, query)[0]?.key).toBe(key);
  });

  it('leaves out what the plan registry already offers, and finds nothing for nothing', () => {
    expect(searchNational(INDEX, 'hongtong', 8, (k) => k === 'county:141024').map((h) => h.key)).not.toContain(
      'county:141024',
    );
    expect(searchNational(INDEX, '  ')).toEqual([]);
  });
});

describe('the loading rule', () => {
  const LINFEN: Bounds = [110.37, 35.38, 112.55, 36.96];
  const HENGYANG: Bounds = [111.53, 26.12, 113.27, 27.47];
  const plans = [LINFEN, HENGYANG];

  it.each([
    ['the default view, in Linfen', { zoom: 7.3, lat: 36.1, lng: 111.6 }, false],
    ['zoomed in on Hengyang', { zoom: 9, lat: 26.9, lng: 112.6 }, false],
    ['just outside Linfen, within the margin', { zoom: 8, lat: 36.1, lng: 112.55 + NATIONAL_MARGIN - 0.01 }, false],
    ['zoomed out below the threshold', { zoom: NATIONAL_ZOOM - 0.01, lat: 36.1, lng: 111.6 }, true],
    ['panned to Xi’an', { zoom: 8, lat: 34.3, lng: 108.9 }, true],
    ['between the plan cities (Wuhan)', { zoom: 8, lat: 30.6, lng: 114.3 }, true],
  ])('%s → %s', (_name, view, wanted) => {
    expect(wantsNational(view, plans)).toBe(wanted);
  });

  it('is drawn for a link that switches it on, or selects or compares a county outside the plans', () => {
    const inPlans = (key: string) => key === 'county:141002' || key === 'county:430481';
    const at = { view: { zoom: 9, lat: 36.1, lng: 111.6 }, national: false, sel: null, cmp: [] };
    expect(nationalShown(at, plans, inPlans)).toBe(false);
    expect(nationalShown({ ...at, national: true }, plans, inPlans)).toBe(true);
    expect(nationalShown({ ...at, sel: 'county:610581' }, plans, inPlans)).toBe(true);
    expect(nationalShown({ ...at, sel: 'county:141002' }, plans, inPlans)).toBe(false);
    expect(nationalShown({ ...at, sel: 'sector:fen' }, plans, inPlans)).toBe(false);
    expect(nationalShown({ ...at, cmp: ['county:141002', 'county:610581'] }, plans, inPlans)).toBe(true);
    expect(nationalShown({ ...at, cmp: ['county:141002', 'county:430481'] }, plans, inPlans)).toBe(false);
    // The view alone still brings it in, as wantsNational says.
    expect(nationalShown({ ...at, view: { zoom: 5, lat: 36.1, lng: 111.6 } }, plans, inPlans)).toBe(true);
  });

  it('loads when switched on, and without plan bounds only by zoom', () => {
    expect(wantsNational({ zoom: 9, lat: 36.1, lng: 111.6 }, plans, true)).toBe(true);
    expect(wantsNational({ zoom: 9, lat: 30, lng: 100 }, [])).toBe(false);
    expect(wantsNational({ zoom: 5, lat: 30, lng: 100 }, [])).toBe(true);
  });
});

describe('colouring values over several province files', () => {
  it('merges each file’s county values', () => {
    const lookup = (values: [string, number][]) => ({ countyValues: () => new Map(values) }) as unknown as CensusLookup;
    const merged = mergeCountyValues([lookup([['610581', 1]]), lookup([['430121', 2]])], 'census-density');
    expect([...merged]).toEqual([
      ['610581', 1],
      ['430121', 2],
    ]);
  });
});
