import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, VIEW_LIMITS, type AppState, type View } from '../../src/state/app-types.ts';
import { LANGS } from '../../geo/model/lang.ts';
import { LAYER_IDS, type LayerId } from '../../geo/model/layers.ts';
import type { PlaceKey } from '../../geo/model/place-key.ts';
import type { PlaceType } from '../../geo/model/kinds.ts';
import { HOSTILE } from '../fixtures/hostile-hashes.ts';
import {
  HASH_KEYS,
  canonicalView,
  coordinateDecimals,
  parseHash,
  serializeHash,
  serializeView,
  type ParseContext,
} from '../../src/state/url-hash.ts';

// ------------------------------------------------------------------ a small known world

const PLACES: readonly PlaceKey[] = [
  'city:141000',
  'city:430400',
  'sector:fen',
  'sector:yellow',
  'sector:taiyue',
  'county:141002',
  'county:430481',
  'county:430482',
  'county:141024',
  'county:141023',
  'park:linfen-edz',
  'river:fen-he',
];
const INDICATORS: readonly string[] = ['gdp-2021', 'population-2020', 'park-count'];

const context: ParseContext = {
  hasPlace: (key) => PLACES.includes(key),
  hasIndicator: (id) => INDICATORS.includes(id),
};

const parse = (hash: string) => parseHash(hash, context);

/** What `ignored` may ever hold: a key name, or the one word for a key we do not know. */
const IGNORED_LABELS: readonly string[] = [...HASH_KEYS, 'unknown key'];

// ------------------------------------------------------------------ generators

const viewArb: fc.Arbitrary<View> = fc
  .record({
    zoom: fc.oneof(
      fc.double({ min: VIEW_LIMITS.minZoom, max: VIEW_LIMITS.maxZoom, noNaN: true }),
      // Just past the zooms where coordinateDecimals steps up; a random double rarely lands there.
      fc.constantFrom(3, 5.1356, 5.1358, 8.4577, 11.7796, 15.1015, 15.104, 16),
    ),
    lat: fc.double({ min: -85, max: 85, noNaN: true }),
    lng: fc.double({ min: -180, max: 180, noNaN: true }),
    bearing: fc.oneof(fc.constant(0), fc.double({ min: -180, max: 180, noNaN: true })),
    pitch: fc.oneof(fc.constant(0), fc.double({ min: 0, max: VIEW_LIMITS.maxPitch, noNaN: true })),
  })
  .map(canonicalView);

/** 2–4 distinct known places of one comparable kind, in any order. */
const compareArb: fc.Arbitrary<readonly PlaceKey[]> = fc
  .constantFrom<PlaceType>('county', 'sector', 'city')
  .chain((type) => {
    const ofType = PLACES.filter((key) => key.startsWith(`${type}:`));
    return fc.shuffledSubarray([...ofType], { minLength: 2, maxLength: Math.min(4, ofType.length) });
  });

const stateArb: fc.Arbitrary<AppState> = fc.record({
  view: fc.oneof(viewArb, fc.constant(DEFAULT_STATE.view)),
  layers: fc
    .subarray([...LAYER_IDS])
    .map((chosen): readonly LayerId[] => LAYER_IDS.filter((id) => chosen.includes(id))),
  national: fc.boolean(),
  sel: fc.constantFrom<PlaceKey | null>(null, ...PLACES),
  cmp: fc.oneof(fc.constant<readonly PlaceKey[]>([]), compareArb),
  ind: fc.constantFrom<string | null>(null, ...INDICATORS),
  lang: fc.constantFrom(...LANGS),
  embed: fc.boolean(),
});

/** Hashes built from pieces of real and broken values, plus plain noise. */
const hashArb: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.tuple(
        fc.constantFrom(...HASH_KEYS, 'zoom', '__proto__', ''),
        fc.oneof(
          fc.string(),
          fc.constantFrom(
            '10/36.1/111.5',
            '7.3/36.1/111.6',
            '7.30/36.10/111.60/0/0',
            '12.5/-0/0/-0.04/0.4',
            '3/85/180/180/60',
            'counties,parks,parks',
            '',
            'county:141002',
            'county%3A141002',
            'county:430481,county:430482',
            'sector:fen,sector:yellow,sector:taiyue',
            'county:430481,county:430481',
            'county:430481,sector:fen',
            'county:141002,county:141023,county:141024,county:430481,county:430482',
            'gdp-2021',
            'en',
            'zh',
            '1',
            '0',
          ),
        ),
      ),
      { maxLength: 8 },
    )
    .map((pairs) => '#' + pairs.map(([k, v]) => `${k}=${v}`).join('&')),
);

// ------------------------------------------------------------------ properties

describe('url-hash round trip', () => {
  it('parses a serialized valid state back to the same state, with nothing ignored', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const hash = serializeHash(state);
        const result = parse(hash);
        expect(result.state).toEqual(state);
        expect(result.ignored).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('serializes whatever any hash parses to into a canonical hash that serializes to itself again', () => {
    fc.assert(
      fc.property(hashArb, (hash) => {
        const once = serializeHash(parse(hash).state);
        const again = parse(once);
        expect(again.ignored).toEqual([]);
        expect(serializeHash(again.state)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a canonical view unchanged when it is made canonical again', () => {
    fc.assert(
      fc.property(viewArb, (view) => {
        expect(canonicalView(view)).toEqual(view);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    // Zoom rounds to 15.1, which needs one coordinate decimal fewer than 15.1015 itself.
    { zoom: 15.1015, lat: 36.1234567, lng: 111.7654321 },
    { zoom: 15.104, lat: -12.3456789, lng: -98.7654321 },
    // Zoom rounds up across the step: more decimals, which costs nothing.
    { zoom: 5.1356, lat: 36.1234567, lng: 111.7654321 },
  ])('gives one URL for a view at zoom $zoom, where rounding the zoom changes the coordinate decimals', (v) => {
    const view = canonicalView({ ...v, bearing: 0, pitch: 0 });
    expect(parse(serializeHash({ ...DEFAULT_STATE, view })).state.view).toEqual(view);
    expect(serializeView(view)).toBe(serializeView({ ...v, bearing: 0, pitch: 0 }));
  });
});

// ------------------------------------------------------------------ defaults, order, precision

describe('url-hash defaults and canonical form', () => {
  it('writes the default state as an empty hash', () => {
    expect(serializeHash(DEFAULT_STATE)).toBe('');
  });

  it.each(['', '#', '#&&', '&'])('reads %j as the default state with nothing ignored and no view', (hash) => {
    expect(parse(hash)).toEqual({ state: DEFAULT_STATE, ignored: [], hasView: false });
  });

  it.each<[string, Partial<AppState>, string]>([
    ['a view that rounds to the default view', { view: { ...DEFAULT_STATE.view, zoom: 7.301, lat: 36.1001 } }, ''],
    ['all layers in another order', { layers: [...LAYER_IDS].reverse() }, ''],
    ['Chinese', { lang: 'zh' }, ''],
    ['not embedded', { embed: false }, ''],
    ['the national switch off', { national: false }, ''],
    ['the national switch on', { national: true }, '#national=1'],
    ['no layers at all', { layers: [] }, '#layers='],
    ['layers out of order', { layers: ['parks', 'sectors'] }, '#layers=sectors,parks'],
    ['English', { lang: 'en' }, '#lang=en'],
    ['embedded', { embed: true }, '#embed=1'],
    ['a selection', { sel: 'county:141002' }, '#sel=county:141002'],
    ['an indicator', { ind: 'gdp-2021' }, '#ind=gdp-2021'],
    ['a comparison', { cmp: ['county:430482', 'county:430481'] }, '#cmp=county:430482,county:430481'],
    ['one place picked for a comparison', { cmp: ['county:430482'] }, ''],
  ])('writes %s as %j', (_name, patch, expected) => {
    expect(serializeHash({ ...DEFAULT_STATE, ...patch })).toBe(expected);
  });

  it('writes keys in the fixed order map, layers, national, sel, cmp, ind, lang, embed', () => {
    const state: AppState = {
      view: { zoom: 10, lat: 36.1, lng: 111.5, bearing: 0, pitch: 0 },
      layers: ['counties', 'parks'],
      national: true,
      sel: 'county:141002',
      cmp: ['county:430482', 'county:430481'],
      ind: 'gdp-2021',
      lang: 'en',
      embed: true,
    };
    expect(serializeHash(state)).toBe(
      '#map=10/36.1/111.5&layers=counties,parks&national=1&sel=county:141002&cmp=county:430482,county:430481&ind=gdp-2021&lang=en&embed=1',
    );
  });

  it('rewrites a hash with its keys shuffled into the fixed order', () => {
    const shuffled = '#embed=1&lang=en&ind=gdp-2021&sel=county:141002&layers=parks,counties&map=10/36.1/111.5';
    expect(serializeHash(parse(shuffled).state)).toBe(
      '#map=10/36.1/111.5&layers=counties,parks&sel=county:141002&ind=gdp-2021&lang=en&embed=1',
    );
  });

  it.each<[string, View, string]>([
    [
      'drops trailing zeros and a zero bearing and pitch',
      { zoom: 7.5, lat: 36.1, lng: 111.6, bearing: 0, pitch: 0 },
      '7.5/36.1/111.6',
    ],
    [
      'rounds coordinates to two decimals at zoom 3',
      { zoom: 3, lat: 36.123, lng: 111.678, bearing: 0, pitch: 0 },
      '3/36.12/111.68',
    ],
    [
      'rounds coordinates to six decimals at zoom 16',
      { zoom: 16, lat: 36.1234567, lng: 111.7654321, bearing: 0, pitch: 0 },
      '16/36.123457/111.765432',
    ],
    [
      'writes a bearing alone when the pitch is zero',
      { zoom: 10, lat: 36, lng: 111, bearing: -45.25, pitch: 0 },
      '10/36/111/-45.3',
    ],
    [
      'writes a zero bearing before a pitch',
      { zoom: 10, lat: 36, lng: 111, bearing: 0, pitch: 30.4 },
      '10/36/111/0/30',
    ],
    ['never writes a negative zero', { zoom: 10, lat: -0.00001, lng: -0.00001, bearing: -0.01, pitch: 0.2 }, '10/0/0'],
  ])('%s', (_name, view, expected) => {
    expect(serializeView(view)).toBe(expected);
  });

  it.each([
    [0, 1],
    [1.8, 1],
    [3, 2],
    [5.13, 2],
    [5.14, 3],
    [8, 3],
    [8.46, 4],
    [11.78, 5],
    [15.1, 5],
    [15.11, 6],
    [16, 6],
  ])('writes coordinates at zoom %s with %s decimals', (zoom, decimals) => {
    expect(coordinateDecimals(zoom)).toBe(decimals);
  });

  it('grows coordinate decimals with zoom so a rounded position stays within half a pixel, and no finer', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 22, noNaN: true }), fc.double({ min: 0, max: 22, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(coordinateDecimals(lo)).toBeLessThanOrEqual(coordinateDecimals(hi));
        // One pixel of a 512-pixel world at this zoom, in degrees of longitude.
        const pixel = 360 / (512 * 2 ** hi);
        const decimals = coordinateDecimals(hi);
        expect(10 ** -decimals).toBeLessThanOrEqual(pixel / 2);
        expect(10 ** -(decimals - 1)).toBeGreaterThan(pixel / 2);
      }),
    );
  });
});

// ------------------------------------------------------------------ hostile hashes

/** One valid value for every key, and what it parses to. */
const VALID: Record<(typeof HASH_KEYS)[number], [string, Partial<AppState>]> = {
  map: ['10/36.1/111.5', { view: { zoom: 10, lat: 36.1, lng: 111.5, bearing: 0, pitch: 0 } }],
  layers: ['counties,parks', { layers: ['counties', 'parks'] }],
  national: ['1', { national: true }],
  sel: ['county:141002', { sel: 'county:141002' }],
  cmp: ['county:430481,county:430482', { cmp: ['county:430481', 'county:430482'] }],
  ind: ['gdp-2021', { ind: 'gdp-2021' }],
  lang: ['en', { lang: 'en' }],
  embed: ['1', { embed: true }],
};

/** The key a hostile part names, after the same decoding parseHash does. */
function keyOf(part: string): string {
  const first = [...new URLSearchParams(part)][0];
  return first?.[0] ?? '';
}

/** Strings from the hostile part that must never come back out: its raw and decoded key and value. */
function hostileStrings(part: string): string[] {
  const [rawKey = '', rawValue = ''] = part.split(/=(.*)/s);
  const [key = '', value = ''] = [...new URLSearchParams(part)][0] ?? [];
  const known = (HASH_KEYS as readonly string[]).includes(key);
  return [known ? '' : rawKey, known ? '' : key, rawValue, value].filter((s) => s.length >= 2);
}

describe('url-hash hostile input', () => {
  it('has at least fifty hostile cases', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(50);
  });

  it.each(HOSTILE)('refuses $name, reports only its key and keeps the valid keys', ({ part, validBefore }) => {
    const key = keyOf(part);
    const known = (HASH_KEYS as readonly string[]).includes(key);
    const others = HASH_KEYS.filter((k) => k !== key);
    const pairs = others.map((k) => `${k}=${VALID[k][0]}`);
    const half = validBefore ? pairs.length : Math.ceil(pairs.length / 2);
    const hash = '#' + [...pairs.slice(0, half), part, ...pairs.slice(half)].join('&');

    let result: ReturnType<typeof parse> | undefined;
    expect(() => {
      result = parse(hash);
    }).not.toThrow();
    if (result === undefined) return;

    expect(result.ignored).toEqual([known ? key : 'unknown key']);
    for (const entry of result.ignored) expect(IGNORED_LABELS).toContain(entry);
    for (const text of hostileStrings(part)) {
      for (const entry of result.ignored) expect(entry).not.toContain(text);
    }

    const expected: AppState = { ...DEFAULT_STATE };
    for (const k of others) Object.assign(expected, VALID[k][1]);
    expect(result.state).toEqual(expected);
    expect(result.hasView).toBe(key !== 'map');
    // Nothing leaked onto objects through a __proto__ or constructor key.
    expect(Object.getPrototypeOf(result.state)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['lang', 'lang=en&lang=zh', { lang: 'en' }],
    ['map', 'map=10/36.1/111.5&map=12/30/110', VALID.map[1]],
    ['layers', 'layers=counties,parks&layers=rivers', VALID.layers[1]],
    ['sel', 'sel=county:141002&sel=sector:fen', VALID.sel[1]],
    ['embed', 'embed=1&embed=0', VALID.embed[1]],
    ['national', 'national=1&national=0', VALID.national[1]],
    ['lang', 'lang=en&lang=en&lang=en', { lang: 'en' }],
  ] as const)('keeps the first %s of duplicated keys in %j and reports the key once', (key, hash, patch) => {
    const result = parse(`#${hash}&ind=gdp-2021`);
    expect(result.ignored).toEqual([key]);
    expect(result.state).toEqual({ ...DEFAULT_STATE, ...patch, ind: 'gdp-2021' });
  });

  it('keeps the default for a key whose first reading is bad, even when a later one is good', () => {
    const result = parse('#map=NaN/1/1&map=10/36.1/111.5&lang=en');
    expect(result.ignored).toEqual(['map']);
    expect(result.state).toEqual({ ...DEFAULT_STATE, lang: 'en' });
    expect(result.hasView).toBe(false);
  });

  it('reports each refused key once and in the order it first appears', () => {
    const result = parse('#lang=EN&zoom=1&map=x&lang=fr&__proto__=1&embed=true');
    expect(result.ignored).toEqual(['lang', 'unknown key', 'map', 'embed']);
    expect(result.state).toEqual(DEFAULT_STATE);
  });

  it.each<[string, string, Partial<AppState>]>([
    ['a percent-encoded colon in the selection', '#sel=county%3A141002', { sel: 'county:141002' }],
    ['percent-encoded slashes in the view', '#map=10%2F36.1%2F111.5', VALID.map[1]],
    ['a percent-encoded key name', '#ma%70=10/36.1/111.5', VALID.map[1]],
    ['a hash without its leading #', 'lang=en&embed=1', { lang: 'en', embed: true }],
    ['a repeated layer', '#layers=parks,counties,parks', VALID.layers[1]],
    ['embed=0', '#embed=0', { embed: false }],
    ['national=0', '#national=0', { national: false }],
    ['a negative zero latitude', '#map=10/-0/111.5', { view: { zoom: 10, lat: -0, lng: 111.5, bearing: 0, pitch: 0 } }],
    [
      'the edges of every view limit',
      '#map=16/-85/-180/-180/60',
      { view: { zoom: 16, lat: -85, lng: -180, bearing: -180, pitch: 60 } },
    ],
  ])('accepts %s', (_name, hash, patch) => {
    const result = parse(hash);
    expect(result.ignored).toEqual([]);
    expect(result.state).toEqual({ ...DEFAULT_STATE, ...patch });
  });
});

// ------------------------------------------------------------------ cmp: places compared side by side

describe('url-hash cmp', () => {
  it.each<[string, string, readonly PlaceKey[]]>([
    ['two counties', 'county:430481,county:430482', ['county:430481', 'county:430482']],
    ['two counties in picking order', 'county:430482,county:430481', ['county:430482', 'county:430481']],
    ['three sectors', 'sector:yellow,sector:fen,sector:taiyue', ['sector:yellow', 'sector:fen', 'sector:taiyue']],
    ['two cities', 'city:430400,city:141000', ['city:430400', 'city:141000']],
    [
      'four counties of two cities',
      'county:141002,county:430481,county:141024,county:430482',
      ['county:141002', 'county:430481', 'county:141024', 'county:430482'],
    ],
    ['percent-encoded colons and comma', 'county%3A430481%2Ccounty%3A430482', ['county:430481', 'county:430482']],
  ])('accepts %s', (_name, value, cmp) => {
    const result = parse(`#cmp=${value}&lang=en`);
    expect(result.ignored).toEqual([]);
    expect(result.state).toEqual({ ...DEFAULT_STATE, cmp, lang: 'en' });
  });

  it.each<[string, string]>([
    ['one place', 'county:430481'],
    ['an empty list', ''],
    ['five places', 'county:141002,county:141023,county:141024,county:430481,county:430482'],
    ['a repeated place', 'county:430481,county:430481'],
    ['a place repeated among others', 'county:430481,county:430482,county:430481'],
    ['an unknown place', 'county:430481,county:999999'],
    ['mixed kinds', 'county:430481,sector:fen'],
    ['a city with its county', 'city:430400,county:430481'],
    ['parks, which are not compared', 'park:linfen-edz,park:linfen-edz'],
    ['a river', 'river:fen-he,county:141002'],
    ['a trailing comma', 'county:430481,county:430482,'],
    ['an empty item', 'county:430481,,county:430482'],
    ['a space after the comma', 'county:430481,%20county:430482'],
    ['a semicolon as separator', 'county:430481;county:430482'],
    ['a capitalised type', 'COUNTY:430481,COUNTY:430482'],
  ])('refuses %s by the name of the key, keeping the rest', (_name, value) => {
    const result = parse(`#sel=county:141002&cmp=${value}&lang=en`);
    expect(result.ignored).toEqual(['cmp']);
    expect(result.state).toEqual({ ...DEFAULT_STATE, sel: 'county:141002', lang: 'en' });
    expect(serializeHash(result.state)).toBe('#sel=county:141002&lang=en');
  });

  it('keeps the first of two cmp keys and reports the key once', () => {
    const result = parse('#cmp=sector:fen,sector:yellow&cmp=county:430481,county:430482');
    expect(result.ignored).toEqual(['cmp']);
    expect(result.state.cmp).toEqual(['sector:fen', 'sector:yellow']);
  });

  it('never accepts a list that is not 2–4 distinct known places of one comparable kind', () => {
    const item = fc.constantFrom(...PLACES, 'county:999999', 'town:1', '', 'county:430481 ');
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), (items) => {
        const result = parse(`#cmp=${items.join(',')}`);
        const kinds = new Set(items.map((key) => key.split(':')[0]));
        const valid =
          items.length >= 2 &&
          items.length <= 4 &&
          new Set(items).size === items.length &&
          kinds.size === 1 &&
          items.every((key) => (PLACES as readonly string[]).includes(key)) &&
          ['county', 'sector', 'city'].includes([...kinds][0] ?? '');
        expect(result.ignored).toEqual(valid ? [] : ['cmp']);
        expect(result.state.cmp).toEqual(valid ? items : []);
      }),
      { numRuns: 2000 },
    );
  });
});
