import { describe, expect, it } from 'vitest';
import { parsePlanSummaries, parseCollection, parseIndicators, type Result } from '../../geo/schema.ts';
import type { GeoData } from '../../src/data/load.ts';
import { buildRegistry, relatedPlaces, type Bounds } from '../../src/data/places.ts';
import type { PlaceKey } from '../../geo/model/place-key.ts';
import fixture from '../fixtures/geo-data.json';

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

/**
 * Linfen (141000) with two counties of the Fen sector, 尧都区 (141002, a square) and 襄汾县
 * (141023, two squares), a development zone in 尧都区 and a park inside that zone, and three
 * figures: two for 尧都区 and one for the zone. Checked by the app's own schema, as load.ts does.
 */
const DATA: GeoData = {
  counties: ok(parseCollection('counties', fixture.counties)),
  sectors: ok(parseCollection('sectors', fixture.sectors)),
  rivers: null,
  parks: ok(parseCollection('parks', fixture.parks)),
  provinces: null,
  plans: ok(parsePlanSummaries(fixture.plans)),
  indicators: ok(parseIndicators(fixture.indicators)),
  census: null,
};

const registry = buildRegistry(DATA);

const CITY: PlaceKey = 'city:141000';
const SECTOR: PlaceKey = 'sector:fen';
const YAODU: PlaceKey = 'county:141002';
const XIANGFEN: PlaceKey = 'county:141023';
const EDZ: PlaceKey = 'park:linfen-edz';
const YUNSHANG: PlaceKey = 'park:yaodu-yunshang-park';
const ALL: PlaceKey[] = [CITY, SECTOR, YAODU, XIANGFEN, EDZ, YUNSHANG];

const sorted = (keys: readonly string[]): string[] => [...keys].sort();

describe('buildRegistry', () => {
  it('holds one place for every city, sector, county and park of the data, and nothing else', () => {
    expect(sorted([...registry.places.keys()])).toEqual(sorted(ALL));
    for (const key of ALL) expect(registry.has(key)).toBe(true);
    expect(registry.has('river:fen-he')).toBe(false);
    expect(registry.get('county:999999')).toBeUndefined();
  });

  it.each([
    [CITY, 'city', '141000', '临汾市', 'Linfen'],
    [SECTOR, 'sector', 'fen', '汾河板块', 'Fen River sector'],
    [YAODU, 'county', '141002', '尧都区', 'Yaodu'],
    [EDZ, 'park', 'linfen-edz', '临汾经济开发区', 'Linfen Economic Development Zone'],
  ])('names %s by its type, id and both names', (key, type, id, name, nameEn) => {
    expect(registry.get(key as PlaceKey)).toMatchObject({ key, type, id, name, name_en: nameEn });
  });

  it.each<[PlaceKey, PlaceKey[]]>([
    [YAODU, [SECTOR, CITY]],
    [XIANGFEN, [SECTOR, CITY]],
    [SECTOR, [CITY]],
    [CITY, []],
    [EDZ, [YAODU, SECTOR]],
    [YUNSHANG, [EDZ, YAODU, SECTOR]],
  ])('lists the parents of %s nearest first: %j', (key, parents) => {
    expect(registry.get(key)?.parents).toEqual(parents);
  });

  it.each<[PlaceKey, PlaceKey[]]>([
    [CITY, [YAODU, XIANGFEN, SECTOR]],
    [SECTOR, [YAODU, XIANGFEN, EDZ, YUNSHANG]],
    [YAODU, [EDZ, YUNSHANG]],
    [XIANGFEN, []],
    [EDZ, [YUNSHANG]],
    [YUNSHANG, []],
  ])('lists the children of %s: %j', (key, children) => {
    expect(sorted(registry.get(key)?.children ?? ['missing'])).toEqual(sorted(children));
  });

  it('links every parent and child both ways, each once', () => {
    for (const place of registry.places.values()) {
      expect(new Set(place.parents).size).toBe(place.parents.length);
      expect(new Set(place.children).size).toBe(place.children.length);
      for (const parent of place.parents) expect(registry.get(parent)?.children).toContain(place.key);
      for (const child of place.children) expect(registry.get(child)?.parents).toContain(place.key);
    }
  });

  it.each<[PlaceKey, Bounds]>([
    [YAODU, [111.4, 36.0, 111.6, 36.2]],
    [XIANGFEN, [111.3, 35.7, 111.7, 36.0]],
    [SECTOR, [111.3, 35.7, 111.7, 36.2]],
    [EDZ, [111.52, 36.08, 111.52, 36.08]],
    [CITY, [111.3, 35.7, 111.7, 36.2]],
  ])('bounds %s by its geometry as [west, south, east, north]: %j', (key, bounds) => {
    expect(registry.get(key)?.bounds).toEqual(bounds);
  });

  it('bounds a city by the union of its counties', () => {
    const counties = [YAODU, XIANGFEN].map((key) => registry.get(key)?.bounds);
    const union: Bounds = [
      Math.min(...counties.map((b) => b?.[0] ?? Infinity)),
      Math.min(...counties.map((b) => b?.[1] ?? Infinity)),
      Math.max(...counties.map((b) => b?.[2] ?? -Infinity)),
      Math.max(...counties.map((b) => b?.[3] ?? -Infinity)),
    ];
    expect(registry.get(CITY)?.bounds).toEqual(union);
  });

  it('points a park popup at the park and a city popup at the centre of its bounds', () => {
    expect(registry.get(EDZ)?.anchor).toEqual([111.52, 36.08]);
    const anchor = registry.get(CITY)?.anchor;
    expect(anchor?.[0]).toBeCloseTo(111.5, 10);
    expect(anchor?.[1]).toBeCloseTo(35.95, 10);
  });

  it('keeps a park kind, precision and note for its card', () => {
    expect(registry.get(EDZ)?.detail).toEqual({
      kind: 'development-zone',
      precision: 'approximate',
      note: "Placed at the zone's administrative centre.",
    });
    expect(registry.get(YAODU)?.detail).toBeUndefined();
  });

  it('groups indicators by their subject, in file order, and finds each by id', () => {
    expect(registry.indicatorsBySubject.get(YAODU)?.map((i) => i.id)).toEqual(['yaodu-gdp-2021', 'yaodu-area']);
    expect(registry.indicatorsBySubject.get(EDZ)?.map((i) => i.id)).toEqual(['linfen-edz-age']);
    expect(registry.indicatorsBySubject.get(CITY)).toBeUndefined();
    expect(sorted([...registry.indicators.keys()])).toEqual(['linfen-edz-age', 'yaodu-area', 'yaodu-gdp-2021']);
    expect(registry.indicators.get('yaodu-gdp-2021')?.value).toEqual({ gt: 400 });
  });

  it('keeps what loaded when the counties file did not: the city is bounded by its sector and parks have no county', () => {
    const partial = buildRegistry({ ...DATA, counties: null });
    expect(partial.has(YAODU)).toBe(false);
    expect(partial.get(CITY)?.bounds).toEqual([111.3, 35.7, 111.7, 36.2]);
    expect(partial.get(SECTOR)?.children).toEqual([]);
    expect(partial.get(EDZ)?.parents).toEqual([]);
    expect(partial.get(YUNSHANG)?.parents).toEqual([EDZ]);
  });

  it('builds an empty registry from no data at all', () => {
    const empty = buildRegistry({
      counties: null,
      sectors: null,
      rivers: null,
      parks: null,
      provinces: null,
      plans: [],
      indicators: [],
      census: null,
    });
    expect(empty.places.size).toBe(0);
    expect(empty.indicatorsBySubject.size).toBe(0);
    expect(relatedPlaces(empty, CITY)).toEqual([]);
  });
});

describe('relatedPlaces', () => {
  it.each<[string, PlaceKey | null, PlaceKey[]]>([
    ['nothing when nothing is selected', null, []],
    ['nothing for a place it does not know', 'county:999999', []],
    ['a county’s parks, sector and city', YAODU, [EDZ, YUNSHANG, SECTOR, CITY]],
    ['a sector’s counties, parks and city', SECTOR, [YAODU, XIANGFEN, EDZ, YUNSHANG, CITY]],
    ['a city’s counties and sector', CITY, [YAODU, XIANGFEN, SECTOR]],
    ['a park’s parent park, county and sector', YUNSHANG, [EDZ, YAODU, SECTOR]],
    ['a county without parks: its sector and city', XIANGFEN, [SECTOR, CITY]],
  ])('returns %s', (_name, key, related) => {
    expect(sorted(relatedPlaces(registry, key))).toEqual(sorted(related));
  });

  it('never returns the selected place itself', () => {
    for (const key of ALL) expect(relatedPlaces(registry, key)).not.toContain(key);
  });
});
