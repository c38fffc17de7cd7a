import { describe, expect, it } from 'vitest';
import { parsePlanSummaries, parseCollection, parseIndicators, type Result } from '../../geo/schema.ts';
import type { GeoData } from '../../src/data/load.ts';
import { buildRegistry } from '../../src/data/places.ts';
import { fold, searchPlaces } from '../../src/data/search.ts';
// Imported as text (the app fetches these files; tests read them the same way, without Node's fs).
import plansText from '../../geo/plans.json?raw';
import countiesText from '../../geo/counties.geojson?raw';
import indicatorsText from '../../geo/indicators.json?raw';
import parksText from '../../geo/parks.geojson?raw';
import riversText from '../../geo/rivers.geojson?raw';
import sectorsText from '../../geo/sectors.geojson?raw';

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.data;
}
const json = (text: string): unknown => JSON.parse(text);

// The committed outputs, checked as the app's loader checks them: search runs on the real names.
const DATA: GeoData = {
  counties: ok(parseCollection('counties', json(countiesText))),
  sectors: ok(parseCollection('sectors', json(sectorsText))),
  rivers: ok(parseCollection('rivers', json(riversText))),
  parks: ok(parseCollection('parks', json(parksText))),
  provinces: null,
  plans: ok(parsePlanSummaries(json(plansText))),
  indicators: ok(parseIndicators(json(indicatorsText))),
  census: null,
};
const registry = buildRegistry(DATA);
const first = (query: string): string | undefined => searchPlaces(registry, query)[0]?.key;

describe('fold', () => {
  it.each([
    ['Hongtong County', 'hongtongcounty'],
    ['Xiāngníng', 'xiangning'],
    ['Lüliang', 'luliang'],
    ['  Yao-du  ', 'yaodu'],
    ['洪洞县', '洪洞县'],
  ])('folds %j to %j', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });
});

describe('searchPlaces', () => {
  it.each([
    ['洪洞', 'county:141024'],
    ['hongtong', 'county:141024'],
    ['Hongtong County', 'county:141024'],
    ['HONGTONG', 'county:141024'],
    ['Hóngtóng', 'county:141024'],
    ['耒阳', 'county:430481'],
    ['leiyang', 'county:430481'],
    ['沿汾', 'sector:fen'],
    ['Taiyue', 'sector:taiyue'],
    ['临汾市', 'city:141000'],
    ['hengyang', 'city:430400'],
    ['风陵渡', 'park:fenglingdu-edz'],
    ['ganting', 'park:linfen-edz-ganting'],
    ['黄河', 'river:huang-he'],
    ['Yellow River', 'river:huang-he'],
  ])('finds %j first as %s', (query, key) => {
    expect(registry.has(key as never)).toBe(true);
    expect(first(query)).toBe(key);
  });

  it('ranks an exact name before a prefix before a substring, and a city before its namesake county', () => {
    const keys = searchPlaces(registry, '衡阳').map((hit) => hit.key);
    expect(keys[0]).toBe('city:430400');
    expect(keys).toContain('county:430421');
  });

  it('returns nothing for an empty or blank query and for a name no place has', () => {
    expect(searchPlaces(registry, '')).toEqual([]);
    expect(searchPlaces(registry, '   ')).toEqual([]);
    expect(searchPlaces(registry, 'shanghai')).toEqual([]);
  });

  it('returns at most the limit, and reads no more than 100 characters of a pasted query', () => {
    expect(searchPlaces(registry, 'county', 5)).toHaveLength(5);
    expect(searchPlaces(registry, `hongtong${'x'.repeat(100_000)}`)).toEqual([]);
    expect(first(`${'洪洞'}${' '.repeat(200)}`)).toBe('county:141024');
  });
});
