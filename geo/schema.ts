/**
 * The one description of Bankuai's data: valibot schemas and the TypeScript types inferred from
 * them. The build (geo/build/) uses it to refuse bad data before anything is written, and the app
 * (src/) uses `parseCollection` / `parseIndicators` / `parseCities` to re-check what it loads.
 *
 * This module imports nothing but valibot and types: no Node modules, no file system, no turf.
 * Checks here are cheap (types, value ranges, ring closure, label lengths). The expensive checks
 * (self-intersecting rings, registry cross-references, park-in-county) live in geo/build/validate.ts.
 */
import * as v from 'valibot';
import { COLLECTIONS, type CollectionKind, type TiledKind } from './model/kinds.ts';
import { parsePlaceKey } from './model/place-key.ts';
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';

// ---------------------------------------------------------------- constants

/** A source document's file-name stem in ../shared/seeds/ (e.g. `000_cadb55420808a2ac`). */
export const DOC_STEM_RE = /^\d{3}_[0-9a-f]{16}$/;

/**
 * The source of a figure the build computes from the county polygons itself (areas, shares,
 * counts). Such records carry `computed_only: true` and `source.doc === 'geometry'`; every other
 * record cites one of its plan's documents.
 */
export const GEOMETRY_SOURCE = 'geometry' as const;

export const PARK_KINDS = [
  'development-zone',
  'high-tech-zone',
  'industrial-park',
  'digital-industry-park',
  'bonded-zone',
  'logistics-park',
  'industry-town',
] as const;
export type ParkKind = (typeof PARK_KINDS)[number];

export const PRECISIONS = ['approximate', 'exact'] as const;

/** The region every coordinate must lie in (lon 70–140, lat 15–55). */
export const BOUNDS = { minLon: 70, maxLon: 140, minLat: 15, maxLat: 55 } as const;

export const MAX_LABEL = 200;

// ---------------------------------------------------------------- small pieces

const label = v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(MAX_LABEL, 'is longer than 200 characters'));
const optLabel = v.pipe(v.string(), v.maxLength(2000, 'is longer than 2000 characters'));
const code6 = v.pipe(v.string(), v.regex(/^\d{6}$/, 'is not a 6-digit code'));
const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'is not a lower-case ascii slug'));
const finite = v.pipe(v.number(), v.finite('is not a finite number'));

// ---------------------------------------------------------------- feature properties

export const CountyPropsSchema = v.strictObject({
  code: code6,
  name: label,
  name_en: label,
  prefecture: code6,
  sector: v.nullable(slug),
});
export type CountyProps = v.InferOutput<typeof CountyPropsSchema>;

export const SectorPropsSchema = v.strictObject({
  id: slug,
  /** The city whose plan defines the sector. */
  city: code6,
  /** Its place in the plan's list of sectors, from 0: the map and legend colour by it. */
  order: v.pipe(v.number(), v.integer(), v.minValue(0)),
  name: label,
  name_en: label,
  counties: v.pipe(v.array(code6), v.minLength(1, 'has no member counties')),
});
export type SectorProps = v.InferOutput<typeof SectorPropsSchema>;

export const RiverPropsSchema = v.strictObject({
  id: slug,
  name: label,
  name_en: label,
});
export type RiverProps = v.InferOutput<typeof RiverPropsSchema>;

export const ParkPropsSchema = v.strictObject({
  id: slug,
  name: label,
  name_en: label,
  kind: v.picklist(PARK_KINDS),
  county: code6,
  precision: v.picklist(PRECISIONS),
  /** Where the point is and why (Chinese; `note_en` English). */
  note: optLabel,
  note_en: v.optional(optLabel),
  parent: v.optional(slug),
  /** Where the documents name the park: "<doc stem> <section>", joined with "; ". */
  mentions: v.optional(optLabel),
});
export type ParkProps = v.InferOutput<typeof ParkPropsSchema>;

export const ProvincePropsSchema = v.strictObject({
  code: code6,
  name: label,
  name_en: label,
});
export type ProvinceProps = v.InferOutput<typeof ProvincePropsSchema>;

// ---------------------------------------------------------------- indicators

export const IndicatorValueSchema = v.union([
  finite,
  /** 约, 近, 左右, 余: the document gives a round figure, not a bound (shown as ≈ / 约). */
  v.strictObject({ about: finite }),
  v.strictObject({ gt: finite }),
  v.strictObject({ gte: finite }),
  v.strictObject({ lt: finite }),
  v.strictObject({ lte: finite }),
  v.pipe(
    v.strictObject({ min: finite, max: finite }),
    v.check((r) => r.min <= r.max, 'range has min > max'),
  ),
]);
export type IndicatorValue = v.InferOutput<typeof IndicatorValueSchema>;

/** The places a figure can belong to: cities, sectors, counties and parks (rivers hold no figures). */
export type SubjectKey = `city:${string}` | `sector:${string}` | `county:${string}` | `park:${string}`;
const isSubject = (text: string): boolean => {
  const key = parsePlaceKey(text);
  return key !== undefined && key.type !== 'river';
};

const docStem = v.pipe(v.string(), v.regex(DOC_STEM_RE, 'is not a document file stem'));

const IndicatorSourceSchema = v.strictObject({
  doc: v.union([docStem, v.literal(GEOMETRY_SOURCE)], 'is not a document file stem or geometry'),
  section: label,
});

/**
 * Where in the document a figure is printed: `section` is the id of one of the document's
 * `sections` (导语, 全文, a heading numeral such as 二, or a heading's words), `paragraph` counts from
 * 1 within it (geo/build/printed-form.ts says how).
 */
export const WhereSchema = v.strictObject({
  section: label,
  paragraph: v.pipe(v.number(), v.integer(), v.minValue(1, 'is not a paragraph number (from 1)')),
});
export type Where = v.InferOutput<typeof WhereSchema>;

/** The period of a figure whose document prints no time for it at all. */
export const PERIOD_NOT_STATED = { zh: '年份未注明', en: 'year not stated' } as const;

export const IndicatorSchema = v.pipe(
  v.strictObject({
    id: slug,
    subject: v.pipe(v.string(), v.check(isSubject, 'is not a subject key (city:, sector:, county:, park:)')),
    label: label,
    label_en: label,
    value: IndicatorValueSchema,
    unit: v.pipe(v.string('has no unit'), v.minLength(1, 'has no unit'), v.maxLength(40)),
    /** The period in Chinese; `period_en` in English. */
    period: v.pipe(v.string(), v.maxLength(MAX_LABEL)),
    period_en: v.optional(v.pipe(v.string(), v.maxLength(MAX_LABEL))),
    /** The document does not print this period: it is ours, and the note says why. */
    period_inferred: v.optional(v.literal(true)),
    source: IndicatorSourceSchema,
    /** Hand-kept figures: the figure exactly as printed (simplified characters; number, comparator word, unit). */
    printed: v.optional(v.pipe(label, v.maxLength(40, 'is longer than 40 characters: a figure, not a sentence'))),
    /** Hand-kept figures: the section and paragraph the figure is printed in. */
    where: v.optional(WhereSchema),
    /** A note in Chinese; `note_en` in English. */
    note: v.optional(optLabel),
    note_en: v.optional(optLabel),
    rank_of: v.optional(v.union([finite, optLabel])),
    /** The same figure computed from geometry, shown beside the stated one. */
    computed: v.optional(v.strictObject({ value: finite, method: label })),
    /** Set on records the build computes itself; their source.doc is 'geometry'. */
    computed_only: v.optional(v.literal(true)),
  }),
  v.check(
    (r) => (r.computed_only === true) === (r.source.doc === GEOMETRY_SOURCE),
    "computed_only records, and only they, cite source.doc 'geometry'",
  ),
  v.check(
    (r) => r.computed_only !== true || (r.printed === undefined && r.where === undefined),
    'computed_only records carry no printed form and no place in a document',
  ),
  v.check(
    (r) => r.period !== PERIOD_NOT_STATED.zh || r.period_inferred === true,
    `a period "${PERIOD_NOT_STATED.zh}" is not printed: mark it period_inferred`,
  ),
  v.check(
    (r) => r.period_inferred !== true || (r.note !== undefined && r.note_en !== undefined),
    'an inferred period needs its reasoning in note and note_en',
  ),
);
export type Indicator = v.InferOutput<typeof IndicatorSchema>;
export const IndicatorsSchema = v.array(IndicatorSchema);

// ---------------------------------------------------------------- documents, sectors' basis, plans

/** A source document as it states itself: no outlet or date it does not print. */
export const DocumentSchema = v.strictObject({
  stem: docStem,
  title: label,
  /** A short title for cards (Chinese, and `short_title_en`); the full title is shown in the source panel. */
  short_title: v.optional(label),
  short_title_en: v.optional(label),
  author: v.optional(label),
  /** The outlet only as the document (or the seeds' README) states it; a description when it names none. */
  outlet: v.optional(label),
  outlet_en: v.optional(label),
  date: v.pipe(v.string(), v.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'is not a date (YYYY, YYYY-MM or YYYY-MM-DD)')),
  /** The document prints no (or no full) date: `date` is inferred, and `date_note` / `date_note_en` say from what. */
  date_inferred: v.optional(v.literal(true)),
  date_note: v.optional(optLabel),
  date_note_en: v.optional(optLabel),
  /**
   * The document's sections in order, as figures cite them in `where.section`. `line` is the
   * opening of the section's first line in the stored text (simplified, spaces ignored): its
   * heading, or with `lead` its first paragraph (a lead, or a text without headings).
   */
  sections: v.optional(
    v.array(v.strictObject({ id: label, line: label, lead: v.optional(v.literal(true)), name_en: label })),
  ),
});
export type SourceDocument = v.InferOutput<typeof DocumentSchema>;

const citation = v.strictObject({ doc: docStem, section: label });

/** How a sector's member counties were determined: listed in a document, or inferred from one. */
export const SectorBasisSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('listed'), source: citation }),
  v.strictObject({
    kind: v.literal('inferred'),
    rests_on: v.pipe(v.array(citation), v.minLength(1, 'names nothing the inference rests on')),
    reasoning: v.optional(optLabel),
    reasoning_en: optLabel,
  }),
]);
export type SectorBasis = v.InferOutput<typeof SectorBasisSchema>;

/** What the app needs of one plan (geo/plans.json): its city, documents, layout and sectors. */
export const PlanSummarySchema = v.strictObject({
  city: code6,
  name: label,
  name_en: label,
  counties: v.array(code6),
  fixture: v.optional(v.literal(true)),
  documents: v.array(DocumentSchema),
  layout: v.optional(
    v.strictObject({
      name: label,
      name_en: label,
      complete: v.optional(v.boolean()),
      note: v.optional(optLabel),
      note_en: optLabel,
    }),
  ),
  sectors: v.array(
    v.strictObject({ id: slug, name: label, name_en: label, counties: v.array(code6), basis: SectorBasisSchema }),
  ),
});
export type PlanSummary = v.InferOutput<typeof PlanSummarySchema>;

// ---------------------------------------------------------------- collections

/**
 * What the build finds once for every area and line (geo/build/label-point.ts): its bounds, as
 * GeoJSON's own `bbox` member, and the point inside it where its label and card go.
 */
export interface Placed {
  bbox: [number, number, number, number];
  label_point: [number, number];
}

export type CountyFeature = Feature<Polygon | MultiPolygon, CountyProps> & Placed;
export type SectorFeature = Feature<Polygon | MultiPolygon, SectorProps> & Placed;
export type RiverFeature = Feature<LineString | MultiLineString, RiverProps> & Placed;
export type ParkFeature = Feature<Point, ParkProps>;
export type ProvinceFeature = Feature<Polygon | MultiPolygon, ProvinceProps> & Placed;

/** A FeatureCollection of one kind of feature. */
type Collection<F> = Omit<FeatureCollection, 'features'> & { features: F[] };
export type Counties = Collection<CountyFeature>;
export type Sectors = Collection<SectorFeature>;
export type Rivers = Collection<RiverFeature>;
export type Parks = FeatureCollection<Point, ParkProps>;
export type Provinces = Collection<ProvinceFeature>;

export type CollectionOf = {
  counties: Counties;
  sectors: Sectors;
  rivers: Rivers;
  parks: Parks;
  provinces: Provinces;
};

/**
 * A feature as the app holds it: a tiled kind's shape is drawn from its tiles and fetched whole
 * only to export it (COLLECTIONS[kind].tiled), so the app's copy has `geometry: null`; a test or
 * an export may still hand it the whole feature.
 */
export type Shapeless<F extends Feature> = Omit<F, 'geometry'> & { geometry: F['geometry'] | null };
export type PlacesOf<K extends TiledKind> = Omit<CollectionOf[K], 'features'> & {
  features: Shapeless<CollectionOf[K]['features'][number]>[];
};

const PROPS_OF = {
  counties: CountyPropsSchema,
  sectors: SectorPropsSchema,
  rivers: RiverPropsSchema,
  parks: ParkPropsSchema,
  provinces: ProvincePropsSchema,
} as const;

export type Result<T> = { ok: true; data: T } | { ok: false; error: string };

export function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = (first.path ?? []).map((p) => String(p.key)).join('.');
  return path ? `${path} ${first.message}` : first.message;
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Checks one position: two finite numbers inside BOUNDS. Returns an error or null. */
function checkPosition(p: unknown): string | null {
  if (!Array.isArray(p) || p.length !== 2) return 'position is not [lon, lat]';
  const lon = p[0] as unknown;
  const lat = p[1] as unknown;
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat))
    return 'position is not two finite numbers';
  if (lon < BOUNDS.minLon || lon > BOUNDS.maxLon || lat < BOUNDS.minLat || lat > BOUNDS.maxLat)
    return `coordinate [${lon}, ${lat}] is outside the region (lon 70–140, lat 15–55)`;
  return null;
}

function checkLine(line: unknown, minLen: number): string | null {
  if (!Array.isArray(line) || line.length < minLen) return `line has fewer than ${minLen} positions`;
  for (const p of line) {
    const e = checkPosition(p);
    if (e) return e;
  }
  return null;
}

function checkRing(ring: unknown): string | null {
  const e = checkLine(ring, 4);
  if (e) return e.replace('line', 'ring');
  const r = ring as Position[];
  const a = r[0]!;
  const b = r[r.length - 1]!;
  if (a[0] !== b[0] || a[1] !== b[1]) return 'ring is not closed (first and last positions differ)';
  return null;
}

function checkPolygonCoords(poly: unknown): string | null {
  if (!Array.isArray(poly) || poly.length === 0) return 'polygon has no rings';
  for (const ring of poly) {
    const e = checkRing(ring);
    if (e) return e;
  }
  return null;
}

/** An area's or a line's `bbox` and `label_point` (see Placed): in the region, the point inside the box. */
export function checkPlacement(f: Record<string, unknown>): string | null {
  const b = f.bbox;
  if (!Array.isArray(b) || b.length !== 4) return 'bbox is not [west, south, east, north]';
  const corners = checkPosition([b[0], b[1]]) ?? checkPosition([b[2], b[3]]);
  if (corners) return `bbox: ${corners}`;
  const [w, s, e, n] = b as number[];
  if (w! > e! || s! > n!) return 'bbox has west > east or south > north';
  const p = f.label_point;
  const point = checkPosition(p);
  if (point) return `label_point: ${point}`;
  const [x, y] = p as number[];
  if (x! < w! || x! > e! || y! < s! || y! > n!) return `label_point [${x}, ${y}] is outside the feature's bbox`;
  return null;
}

/** Cheap structural check of a geometry of the expected family. */
export function checkGeometry(geom: unknown, family: 'area' | 'line' | 'point'): string | null {
  if (!isObj(geom)) return 'geometry is missing';
  const t = geom.type;
  const c = geom.coordinates;
  if (family === 'point') {
    if (t !== 'Point') return `geometry type ${String(t)} is not Point`;
    return checkPosition(c);
  }
  if (family === 'line') {
    if (t === 'LineString') return checkLine(c, 2);
    if (t === 'MultiLineString') {
      if (!Array.isArray(c) || c.length === 0) return 'MultiLineString has no lines';
      for (const l of c) {
        const e = checkLine(l, 2);
        if (e) return e;
      }
      return null;
    }
    return `geometry type ${String(t)} is not LineString or MultiLineString`;
  }
  if (t === 'Polygon') return checkPolygonCoords(c);
  if (t === 'MultiPolygon') {
    if (!Array.isArray(c) || c.length === 0) return 'MultiPolygon has no polygons';
    for (const p of c) {
      const e = checkPolygonCoords(p);
      if (e) return e;
    }
    return null;
  }
  return `geometry type ${String(t)} is not Polygon or MultiPolygon`;
}

/** At most this many characters of a name or id go into a message; data can be hostile and huge. */
const QUOTE_MAX = 60;
const quote = (text: string): string => (text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text);

/** A readable name for feature i, for messages: `"尧都区" (code 141002)` or `#3`. */
export function featureName(f: unknown, i: number, key: string): string {
  if (isObj(f) && isObj(f.properties)) {
    const p = f.properties;
    const k = typeof p[key] === 'string' ? quote(p[key]) : p[key];
    const n = typeof p.name === 'string' ? quote(p.name) : p.name;
    if (typeof n === 'string' && (typeof k === 'string' || typeof k === 'number'))
      return `feature #${i} "${n}" (${key} ${String(k)})`;
    if (typeof n === 'string') return `feature #${i} "${n}"`;
    if (typeof k === 'string') return `feature #${i} (${key} ${k})`;
  }
  return `feature #${i}`;
}

/**
 * Parses one of the GeoJSON outputs. Checks: FeatureCollection shape, flat properties of the
 * right types, geometry family, positions inside BOUNDS, closed rings, unique ids/codes.
 * On failure the error names the file and the feature.
 */
export function parseCollection<K extends CollectionKind>(kind: K, json: unknown): Result<CollectionOf[K]> {
  return checkCollection(kind, json, true) as Result<CollectionOf[K]>;
}

/**
 * Parses a tiled collection as the app fetches it at start (`fetchName`): the same checks as
 * parseCollection, but every geometry must be null, its shape being in the tiles.
 */
export function parsePlaces<K extends TiledKind>(kind: K, json: unknown): Result<PlacesOf<K>> {
  return checkCollection(kind, json, false) as Result<PlacesOf<K>>;
}

function checkCollection(kind: CollectionKind, json: unknown, shaped: boolean): Result<unknown> {
  const info = COLLECTIONS[kind];
  const file = info.file;
  const key = info.idProp;
  if (!isObj(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features))
    return { ok: false, error: `${file}: not a GeoJSON FeatureCollection` };
  const seen = new Set<string>();
  const features = json.features as unknown[];
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    const name = featureName(f, i, key);
    if (!isObj(f) || f.type !== 'Feature') return { ok: false, error: `${file}: ${name} is not a Feature` };
    const pr = v.safeParse(PROPS_OF[kind], f.properties);
    if (!pr.success) return { ok: false, error: `${file}: ${name}: properties.${issueText(pr.issues)}` };
    const g = shaped
      ? checkGeometry(f.geometry, info.geometry)
      : f.geometry === null
        ? null
        : 'geometry is not null (its shape belongs in the tiles)';
    if (g) return { ok: false, error: `${file}: ${name}: ${g}` };
    const placement = info.geometry === 'point' ? null : checkPlacement(f);
    if (placement) return { ok: false, error: `${file}: ${name}: ${placement}` };
    const k = (pr.output as Record<string, unknown>)[key] as string;
    if (seen.has(k)) return { ok: false, error: `${file}: ${name}: duplicate ${key} ${k}` };
    seen.add(k);
  }
  return { ok: true, data: json };
}

/** Parses geo/indicators.json; errors name the file and the record id. */
export function parseIndicators(json: unknown, file = 'indicators.json'): Result<Indicator[]> {
  if (!Array.isArray(json)) return { ok: false, error: `${file}: not an array` };
  const seen = new Set<string>();
  const out: Indicator[] = [];
  for (let i = 0; i < json.length; i++) {
    const r = json[i] as unknown;
    const id = isObj(r) && typeof r.id === 'string' ? quote(r.id) : `#${i}`;
    const pr = v.safeParse(IndicatorSchema, r);
    if (!pr.success) return { ok: false, error: `${file}: indicator "${id}": ${issueText(pr.issues)}` };
    if (seen.has(pr.output.id)) return { ok: false, error: `${file}: indicator "${id}": duplicate id` };
    seen.add(pr.output.id);
    out.push(pr.output);
  }
  return { ok: true, data: out };
}

/** Parses geo/plans.json. */
export function parsePlanSummaries(json: unknown, file = 'plans.json'): Result<PlanSummary[]> {
  if (!Array.isArray(json)) return { ok: false, error: `${file}: not an array` };
  const seen = new Set<string>();
  const out: PlanSummary[] = [];
  for (let i = 0; i < json.length; i++) {
    const r = json[i] as unknown;
    const pr = v.safeParse(PlanSummarySchema, r);
    const code = isObj(r) && typeof r.city === 'string' ? quote(r.city) : `#${i}`;
    if (!pr.success) return { ok: false, error: `${file}: plan ${code}: ${issueText(pr.issues)}` };
    if (seen.has(code)) return { ok: false, error: `${file}: plan ${code}: duplicate city` };
    seen.add(code);
    out.push(pr.output);
  }
  return { ok: true, data: out };
}

// ---------------------------------------------------------------- census (geo/census.json)

/** How a census indicator behaves: a count of people, a share (0–100), a change (%), or a ratio. */
export const CENSUS_KINDS = ['count', 'share', 'change', 'ratio'] as const;
export type CensusKind = (typeof CENSUS_KINDS)[number];

export const CensusIndicatorSchema = v.strictObject({
  id: slug,
  label: label,
  label_en: label,
  unit: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  unit_en: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  kind: v.picklist(CENSUS_KINDS),
  decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4)),
  period: label,
  period_en: label,
  note: optLabel,
  note_en: optLabel,
});
export type CensusIndicator = v.InferOutput<typeof CensusIndicatorSchema>;

const bilingualNote = v.strictObject({ zh: optLabel, en: optLabel });
const rankOrNull = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1)));

export const CensusPlaceSchema = v.strictObject({
  name: v.pipe(v.string(), v.maxLength(MAX_LABEL)),
  /** Values in the order of the file's indicators; null is "no data", never 0. */
  v: v.array(v.nullable(finite)),
  /** The groups a county is ranked in: its city and province keys. */
  in: v.optional(v.array(v.string())),
  /** Per indicator: [rank in city, rank in province, rank in the country], or null. */
  rank: v.optional(v.array(v.nullable(v.tuple([rankOrNull, rankOrNull, rankOrNull])))),
  /** Per indicator: how many units are ranked in this group (the "of N"). */
  n: v.optional(v.array(v.pipe(v.number(), v.integer(), v.minValue(0)))),
  members: v.optional(v.array(code6)),
  notes: v.optional(v.record(v.string(), bilingualNote)),
});
export type CensusPlace = v.InferOutput<typeof CensusPlaceSchema>;

export const CensusFileSchema = v.strictObject({
  source: v.strictObject({
    name: label,
    by: label,
    repository: label,
    commit: v.pipe(v.string(), v.regex(/^[0-9a-f]{40}$/, 'is not a commit hash')),
    files: v.array(label),
    licence: label,
    citation: optLabel,
    vendored: label,
  }),
  indicators: v.pipe(v.array(CensusIndicatorSchema), v.minLength(1, 'has no indicators')),
  places: v.record(v.string(), CensusPlaceSchema),
});
export type CensusFile = v.InferOutput<typeof CensusFileSchema>;

const CENSUS_KEY_RE = /^(?:country|province:\d{6}|city:\d{6}|county:\d{6}|sector:[a-z0-9-]+|park:[a-z0-9-]+)$/;

/** Parses geo/census.json: each place's values line up with the indicators, shares within 0–100. */
export function parseCensusFile(json: unknown, file = 'census.json'): Result<CensusFile> {
  const pr = v.safeParse(CensusFileSchema, json);
  if (!pr.success) return { ok: false, error: `${file}: ${issueText(pr.issues)}` };
  const { indicators, places } = pr.output;
  for (const [key, place] of Object.entries(places)) {
    const where = `${file}: place ${quote(key)}`;
    if (!CENSUS_KEY_RE.test(key)) return { ok: false, error: `${where}: is not a place key` };
    if (place.v.length !== indicators.length)
      return { ok: false, error: `${where}: has ${place.v.length} values for ${indicators.length} indicators` };
    for (const [i, value] of place.v.entries()) {
      const d = indicators[i]!;
      if (value === null) continue;
      if (d.kind === 'share' && (value < 0 || value > 100))
        return { ok: false, error: `${where}: ${d.id} ${value} is not a share (0–100)` };
      if ((d.kind === 'count' || d.kind === 'ratio') && value < 0)
        return { ok: false, error: `${where}: ${d.id} ${value} is negative` };
    }
    if (place.rank !== undefined && place.rank.length !== indicators.length)
      return { ok: false, error: `${where}: ranks do not line up with the indicators` };
  }
  return { ok: true, data: pr.output };
}

// ---------------------------------------------------------------- the national layer (geo/national/)

const bbox = v.pipe(
  v.tuple([finite, finite, finite, finite]),
  v.check(([w, s, e, n]) => w <= e && s <= n && Math.abs(s) <= 90 && Math.abs(n) <= 90, 'is not a bbox'),
);

/** One row of counties-index.json: code, name, name_en, city, province, bbox (null: no polygon). */
export const NationalCountyRowSchema = v.tuple([code6, label, label, code6, code6, v.nullable(bbox)]);
export const NationalIndexSchema = v.strictObject({
  columns: v.tuple([
    v.literal('code'),
    v.literal('name'),
    v.literal('name_en'),
    v.literal('city'),
    v.literal('province'),
    v.literal('bbox'),
  ]),
  counties: v.pipe(v.array(NationalCountyRowSchema), v.minLength(1, 'has no counties')),
  /** [code, name, name_en, province]. */
  cities: v.array(v.tuple([code6, label, label, code6])),
});
export type NationalIndexFile = v.InferOutput<typeof NationalIndexSchema>;

export const NationalProvinceSchema = v.strictObject({
  code: code6,
  name: label,
  name_en: label,
  bbox: v.nullable(bbox),
  counties: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type NationalProvince = v.InferOutput<typeof NationalProvinceSchema>;

/** Parses geo/national/counties-index.json. */
export function parseNationalIndex(json: unknown, file = 'counties-index.json'): Result<NationalIndexFile> {
  const pr = v.safeParse(NationalIndexSchema, json);
  return pr.success ? { ok: true, data: pr.output } : { ok: false, error: `${file}: ${issueText(pr.issues)}` };
}

/** Parses geo/national/provinces.json. */
export function parseNationalProvinces(json: unknown, file = 'provinces.json'): Result<NationalProvince[]> {
  const pr = v.safeParse(v.array(NationalProvinceSchema), json);
  return pr.success ? { ok: true, data: pr.output } : { ok: false, error: `${file}: ${issueText(pr.issues)}` };
}
