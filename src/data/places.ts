/**
 * The app's registry of places: the shared place graph (geo/model/place-graph.ts: keys, names,
 * links) with what the map needs on top (bounds and the point a popup points at), the plans and
 * their documents, and the figures that belong to each place. Pure: built once from the loaded
 * data, read by everything else.
 */
import { COLLECTIONS, COLLECTION_KINDS, type CollectionKind } from '../../geo/model/kinds.ts';
import { buildPlaceGraph, type PlaceNode } from '../../geo/model/place-graph.ts';
import { placeKey, type PlaceKey } from '../../geo/model/place-key.ts';
import type { Indicator, Placed, PlanSummary, SourceDocument } from '../../geo/schema.ts';
import { censusLookup, type CensusLookup } from './census.ts';
import type { GeoData } from './load.ts';

export type Bounds = [number, number, number, number];

export interface Place extends PlaceNode {
  /** Undefined when the place has no geometry on the map (e.g. its file failed to load). */
  bounds: Bounds | undefined;
  /** Where its popup points: inside the shape, or the park itself. */
  anchor: [number, number] | undefined;
}

export interface Registry {
  places: ReadonlyMap<PlaceKey, Place>;
  plans: readonly PlanSummary[];
  /** Every document any plan cites, by file stem. */
  documents: ReadonlyMap<string, SourceDocument>;
  indicators: ReadonlyMap<string, Indicator>;
  indicatorsBySubject: ReadonlyMap<string, Indicator[]>;
  /** The census figures by place key; null when census.json did not load. */
  census: CensusLookup | null;
  has(key: PlaceKey): boolean;
  get(key: PlaceKey): Place | undefined;
  /** The plan a place belongs to (a city's own, or its city's). */
  planOf(key: PlaceKey): PlanSummary | undefined;
  /** The name of a group a census rank is in (`city:…`, `province:…`, `country`), or undefined. */
  groupName(key: string, lang: 'zh' | 'en'): string | undefined;
}

function union(a: Bounds | undefined, b: Bounds | undefined): Bounds | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** A feature as the registry reads it: a tiled kind's comes without its shape (see COLLECTIONS). */
type PlaceFeature = Omit<GeoJSON.Feature, 'geometry'> & { geometry: GeoJSON.Geometry | null } & Partial<Placed>;

/** Bounds and anchor of a shape, as the build found them (geo/build/label-point.ts); a point is its own. */
function placeOf(feature: PlaceFeature): { bounds: Bounds; anchor: [number, number] } | undefined {
  if (feature.geometry?.type === 'Point') {
    const [lng = 0, lat = 0] = feature.geometry.coordinates;
    return { bounds: [lng, lat, lng, lat], anchor: [lng, lat] };
  }
  return feature.bbox === undefined || feature.label_point === undefined
    ? undefined
    : { bounds: feature.bbox, anchor: feature.label_point };
}

export function buildRegistry(data: GeoData): Registry {
  const graph = buildPlaceGraph(data);
  const places = new Map<PlaceKey, Place>();
  for (const [key, node] of graph) places.set(key, { ...node, bounds: undefined, anchor: undefined });

  const withShapes = COLLECTION_KINDS.filter((k) => COLLECTIONS[k].type !== null);
  for (const kind of withShapes as CollectionKind[]) {
    const { type, idProp } = COLLECTIONS[kind];
    const collection = data[kind] as { features: PlaceFeature[] } | null;
    for (const f of collection?.features ?? []) {
      const place = places.get(placeKey(type!, String(f.properties?.[idProp])));
      const where = placeOf(f);
      if (place === undefined || where === undefined) continue;
      place.bounds = where.bounds;
      place.anchor = where.anchor;
    }
  }
  // A city is the union of its counties.
  for (const place of places.values()) {
    if (place.type !== 'city') continue;
    for (const child of place.children) place.bounds = union(place.bounds, places.get(child)?.bounds);
    if (place.bounds !== undefined) {
      const [w, s, e, n] = place.bounds;
      place.anchor = [(w + e) / 2, (s + n) / 2];
    }
  }

  const documents = new Map<string, SourceDocument>();
  for (const plan of data.plans) for (const d of plan.documents) documents.set(d.stem, d);

  const indicators = new Map<string, Indicator>();
  const indicatorsBySubject = new Map<string, Indicator[]>();
  for (const indicator of data.indicators) {
    indicators.set(indicator.id, indicator);
    const list = indicatorsBySubject.get(indicator.subject) ?? [];
    list.push(indicator);
    indicatorsBySubject.set(indicator.subject, list);
  }

  const planByCity = new Map(data.plans.map((p) => [p.city, p]));
  const planOf = (key: PlaceKey): PlanSummary | undefined => {
    const place = places.get(key);
    if (place === undefined) return undefined;
    if (place.type === 'city') return planByCity.get(place.id);
    for (const parent of place.parents) {
      const found = planOf(parent);
      if (found !== undefined) return found;
    }
    return undefined;
  };

  const provinces = new Map(
    (data.provinces?.features ?? []).map((f) => [`province:${f.properties.code}`, f.properties]),
  );
  const groupName = (key: string, lang: 'zh' | 'en'): string | undefined => {
    if (key === 'country') return lang === 'zh' ? '全国' : 'China';
    const named = places.get(key as PlaceKey) ?? provinces.get(key);
    return named === undefined ? undefined : lang === 'zh' ? named.name : named.name_en;
  };

  return {
    places,
    plans: data.plans,
    groupName,
    documents,
    indicators,
    indicatorsBySubject,
    census: data.census === null ? null : censusLookup(data.census),
    has: (key) => places.has(key),
    get: (key) => places.get(key),
    planOf,
  };
}

/** Places to emphasise while `key` is selected: its children and its direct parents. */
export function relatedPlaces(registry: Registry, key: PlaceKey | null): PlaceKey[] {
  const place = key === null ? undefined : registry.get(key);
  if (place === undefined) return [];
  return [...place.children, ...place.parents];
}

/** The plan cities' bounds: beyond them (and their margin) the national layer comes in. */
export function planCityBounds(registry: Registry): Bounds[] {
  return registry.plans.flatMap((plan) => {
    const bounds = registry.get(`city:${plan.city}`)?.bounds;
    return bounds === undefined ? [] : [bounds];
  });
}
