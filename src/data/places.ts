/**
 * The registry of places: every city, sector, county, park and river by key, how they relate, and
 * the figures that belong to each. Pure: built once from the loaded data, read by everything else.
 */
import { bbox as turfBbox } from '@turf/turf';
import { interiorPoint } from './interior-point.ts';
import type { Indicator } from '../../geo/schema.ts';
import type { PlaceKey, PlaceType } from '../state/app-types.ts';
import type { GeoData } from './load.ts';

export type Bounds = [number, number, number, number];

export interface Place {
  key: PlaceKey;
  type: PlaceType;
  id: string;
  name: string;
  name_en: string;
  /** Undefined when the place has no geometry on the map (e.g. its file failed to load). */
  bounds: Bounds | undefined;
  /** Where its popup points: inside the shape, or the park itself. */
  anchor: [number, number] | undefined;
  /** Containing places, nearest first: a park's county, then its sector, then its city. */
  parents: PlaceKey[];
  /** Places inside it or belonging to it: a sector's counties, a county's parks. */
  children: PlaceKey[];
  /** Extra facts for the card: a park's kind and precision note. */
  detail?: { kind?: string; precision?: 'exact' | 'approximate'; note?: string };
}

export interface Registry {
  places: ReadonlyMap<PlaceKey, Place>;
  indicators: ReadonlyMap<string, Indicator>;
  indicatorsBySubject: ReadonlyMap<string, Indicator[]>;
  has(key: PlaceKey): boolean;
  get(key: PlaceKey): Place | undefined;
}

function union(a: Bounds | undefined, b: Bounds | undefined): Bounds | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

const boundsOf = (feature: GeoJSON.Feature): Bounds => turfBbox(feature) as Bounds;
const anchorOf = (feature: GeoJSON.Feature): [number, number] => {
  const [lng = 0, lat = 0] = interiorPoint(feature);
  return [lng, lat];
};
const shape = (feature: GeoJSON.Feature): Pick<Place, 'bounds' | 'anchor'> => ({
  bounds: boundsOf(feature),
  anchor: anchorOf(feature),
});

export function buildRegistry(data: GeoData): Registry {
  const places = new Map<PlaceKey, Place>();
  const add = (place: Omit<Place, 'parents' | 'children'>): Place => {
    const full: Place = { ...place, parents: [], children: [] };
    places.set(place.key, full);
    return full;
  };
  const link = (parent: PlaceKey, child: PlaceKey): void => {
    const p = places.get(parent);
    const c = places.get(child);
    if (p === undefined || c === undefined) return;
    if (!p.children.includes(child)) p.children.push(child);
    if (!c.parents.includes(parent)) c.parents.push(parent);
  };

  for (const city of data.cities) {
    add({
      key: `city:${city.code}`,
      type: 'city',
      id: city.code,
      name: city.name,
      name_en: city.name_en,
      bounds: undefined,
      anchor: undefined,
    });
  }
  for (const f of data.sectors?.features ?? []) {
    const p = f.properties;
    add({ key: `sector:${p.id}`, type: 'sector', id: p.id, name: p.name, name_en: p.name_en, ...shape(f) });
  }
  for (const f of data.counties?.features ?? []) {
    const p = f.properties;
    add({ key: `county:${p.code}`, type: 'county', id: p.code, name: p.name, name_en: p.name_en, ...shape(f) });
  }
  for (const f of data.parks?.features ?? []) {
    const p = f.properties;
    add({
      key: `park:${p.id}`,
      type: 'park',
      id: p.id,
      name: p.name,
      name_en: p.name_en,
      ...shape(f),
      detail: { kind: p.kind, precision: p.precision, note: p.note },
    });
  }
  for (const f of data.rivers?.features ?? []) {
    const p = f.properties;
    add({ key: `river:${p.id}`, type: 'river', id: p.id, name: p.name, name_en: p.name_en, ...shape(f) });
  }

  // Links, nearest parent first: county → sector → city for a county; park → its parent park → county.
  for (const f of data.parks?.features ?? []) {
    const p = f.properties;
    if (p.parent !== undefined) link(`park:${p.parent}`, `park:${p.id}`);
    link(`county:${p.county}`, `park:${p.id}`);
  }
  for (const f of data.counties?.features ?? []) {
    const p = f.properties;
    if (p.sector !== null) link(`sector:${p.sector}`, `county:${p.code}`);
    link(`city:${p.prefecture}`, `county:${p.code}`);
  }
  for (const f of data.sectors?.features ?? []) link('city:141000', `sector:${f.properties.id}`);
  // A park also belongs to its county's sector, so the sector card can list its parks.
  for (const f of data.parks?.features ?? []) {
    const county = places.get(`county:${f.properties.county}`);
    for (const parent of county?.parents ?? []) {
      if (parent.startsWith('sector:')) link(parent, `park:${f.properties.id}`);
    }
  }
  for (const place of places.values()) {
    if (place.type !== 'city') continue;
    for (const child of place.children) place.bounds = union(place.bounds, places.get(child)?.bounds);
    if (place.bounds !== undefined) {
      const [w, s, e, n] = place.bounds;
      place.anchor = [(w + e) / 2, (s + n) / 2];
    }
  }

  const indicators = new Map<string, Indicator>();
  const indicatorsBySubject = new Map<string, Indicator[]>();
  for (const indicator of data.indicators) {
    indicators.set(indicator.id, indicator);
    const list = indicatorsBySubject.get(indicator.subject) ?? [];
    list.push(indicator);
    indicatorsBySubject.set(indicator.subject, list);
  }

  return {
    places,
    indicators,
    indicatorsBySubject,
    has: (key) => places.has(key),
    get: (key) => places.get(key),
  };
}

/** Places to emphasise while `key` is selected: its children and its direct parents. */
export function relatedPlaces(registry: Registry, key: PlaceKey | null): PlaceKey[] {
  const place = key === null ? undefined : registry.get(key);
  if (place === undefined) return [];
  return [...place.children, ...place.parents];
}
