/**
 * The ground floor: the one table of place kinds. The schema, the build's validator, the loader,
 * the registry, the map's sources and layers, highlight, export and vite.config.ts all read it, so
 * a fact about a kind of place (its source, id property, file, geometry) is written here only.
 *
 * Imports nothing: every other module may depend on it, it depends on none.
 */

/** The kinds of place a user can select. Cities have no shape of their own: they are their counties. */
export const PLACE_TYPES = ['city', 'sector', 'county', 'park', 'river'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

/** The GeoJSON collections the build writes and the app fetches. */
export const COLLECTION_KINDS = ['counties', 'sectors', 'rivers', 'parks', 'provinces'] as const;
export type CollectionKind = (typeof COLLECTION_KINDS)[number];

export type GeometryFamily = 'area' | 'line' | 'point';

export interface CollectionInfo {
  /** The place type its features are, or null for context that cannot be selected (provinces). */
  type: PlaceType | null;
  /** The property that identifies a feature: MapLibre's promoteId and the place key's id. */
  idProp: 'code' | 'id';
  /** The committed build output under geo/. */
  file: string;
  /** The name the app fetches it under: /data/<fetchName> (served as .json so hosts compress it). */
  fetchName: string;
  geometry: GeometryFamily;
  /**
   * Drawn from static vector tiles (PLAN_TILES) cut up to `maxzoom`, past which MapLibre overzooms:
   * `fetchName` then serves the file without its geometry (every feature's properties, bbox and
   * label point), and the whole file, shapes and all, is fetched under `shapesName` only to export
   * it. The geometry never reaches the main thread. False: the file is fetched whole, as GeoJSON.
   */
  tiled: false | { maxzoom: number };
  shapesName: string;
}

export const COLLECTIONS = {
  counties: {
    type: 'county',
    idProp: 'code',
    file: 'counties.geojson',
    fetchName: 'counties.json',
    geometry: 'area',
    tiled: { maxzoom: 11 },
    shapesName: 'counties-shapes.json',
  },
  sectors: {
    type: 'sector',
    idProp: 'id',
    file: 'sectors.geojson',
    fetchName: 'sectors.json',
    geometry: 'area',
    tiled: { maxzoom: 11 },
    shapesName: 'sectors-shapes.json',
  },
  rivers: {
    type: 'river',
    idProp: 'id',
    file: 'rivers.geojson',
    fetchName: 'rivers.json',
    geometry: 'line',
    tiled: { maxzoom: 11 },
    shapesName: 'rivers-shapes.json',
  },
  // Parks stay GeoJSON: MapLibre clusters them itself, and they are a few points.
  parks: {
    type: 'park',
    idProp: 'id',
    file: 'parks.geojson',
    fetchName: 'parks.json',
    geometry: 'point',
    tiled: false,
    shapesName: 'parks.json',
  },
  // The basemap's provinces: tiles only to z7, as the file is simplified for the basemap (its
  // vertices are kilometres apart) and covers twelve provinces, which z3–z11 would cut into 54,000 tiles.
  provinces: {
    type: null,
    idProp: 'code',
    file: 'provinces.geojson',
    fetchName: 'provinces.json',
    geometry: 'area',
    tiled: { maxzoom: 7 },
    shapesName: 'provinces-shapes.json',
  },
} as const satisfies Readonly<Record<CollectionKind, CollectionInfo>>;

/** The collections drawn from static vector tiles. */
export type TiledKind = {
  [K in CollectionKind]: (typeof COLLECTIONS)[K]['tiled'] extends false ? never : K;
}[CollectionKind];
export const TILED_KINDS = COLLECTION_KINDS.filter((k): k is TiledKind => COLLECTIONS[k].tiled !== false);

/** Whether a collection (or a source named after one) is drawn from static vector tiles. */
export const isTiled = (name: string): name is TiledKind => (TILED_KINDS as readonly string[]).includes(name);

/**
 * The tiled collections' static vector tiles (the plan layers and the basemap's provinces), built
 * by a Vite plugin from the committed collections (geo/build/plan-tiles.ts): one tile set per tiled
 * kind, its one source layer named as the kind, at `${BASE_URL}tiles/plan/<kind>/{z}/{x}/{y}.pbf`,
 * from `minzoom` to the kind's own `maxzoom`, past which MapLibre overzooms the last level.
 */
export const PLAN_TILES = {
  dir: (kind: TiledKind) => `tiles/plan/${kind}/`,
  minzoom: 3,
  maxzoom: (kind: TiledKind): number => COLLECTIONS[kind].tiled.maxzoom,
} as const;

/** The JSON (not GeoJSON) outputs: the plans' summary, every document figure, the census figures. */
export const TABLE_FILES = {
  plans: { file: 'plans.json', fetchName: 'plans.json' },
  indicators: { file: 'indicators.json', fetchName: 'indicators.json' },
  census: { file: 'census.json', fetchName: 'census.json' },
} as const;

/** Every output the app fetches at start: fetch name → file under geo/ (a tiled kind's without its geometry). */
export const FETCHED_FILES: Readonly<Record<string, string>> = Object.fromEntries([
  ...COLLECTION_KINDS.map((k) => [COLLECTIONS[k].fetchName, COLLECTIONS[k].file]),
  ...Object.values(TABLE_FILES).map((t) => [t.fetchName, t.file]),
]);

/** The tiled kinds' whole files, fetched only to export them: fetch name → file under geo/. */
export const SHAPES_FILES: Readonly<Record<string, string>> = Object.fromEntries(
  TILED_KINDS.map((k) => [COLLECTIONS[k].shapesName, COLLECTIONS[k].file]),
);

/** The collection that draws a place type (cities draw as their counties, so have none). */
export function collectionOf(type: PlaceType): CollectionKind | undefined {
  return COLLECTION_KINDS.find((k) => COLLECTIONS[k].type === type);
}

/** Order in which kinds are listed in a card, a table or search results: largest first. */
export const TYPE_ORDER: Readonly<Record<PlaceType, number>> = { city: 0, sector: 1, county: 2, park: 3, river: 4 };

/**
 * The national county layer (issue 18): static vector tiles built from geo/national/ by a Vite
 * plugin, its search index and provinces (fetched on first use), and one census file per province.
 */
export const NATIONAL = {
  /** The vector source's id, its tiles under the app's base, and their zoom range. */
  source: 'national',
  tiles: 'tiles/counties/{z}/{x}/{y}.pbf',
  minzoom: 3,
  maxzoom: 8,
  /** Inside the counties' extent (provinces.json's bboxes rounded inward), so every tile asked for exists. */
  bounds: [73.5, 18.15, 135.08, 53.56] as [number, number, number, number],
  promoteId: 'code',
  /** Source layers: county polygons, and province borders (`kind` province | outline) as lines. */
  countyLayer: 'counties',
  borderLayer: 'provinces',
  /** Fetched as /data/<name>. */
  index: { file: 'national/counties-index.json', fetchName: 'national-index.json' },
  provinces: { file: 'national/provinces.json', fetchName: 'national-provinces.json' },
  /** A province's census: /data/census/<province code>.json. */
  censusDir: 'census/',
} as const;

/** Every output the app fetches from geo/ as it is: fetch name → file under geo/. */
export const NATIONAL_FILES: Readonly<Record<string, string>> = {
  [NATIONAL.index.fetchName]: NATIONAL.index.file,
  [NATIONAL.provinces.fetchName]: NATIONAL.provinces.file,
};
