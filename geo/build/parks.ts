import * as v from 'valibot';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { DOC_STEMS, PARK_KINDS, PRECISIONS, type ParkProps } from '../schema';
import { r5 } from './util';

/** The hand-kept geo/sources/parks.json, one record per park the documents name. */
export const ParkSourceSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'is not a lower-case ascii slug')),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  name_en: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  kind: v.picklist(PARK_KINDS),
  county: v.pipe(v.string(), v.regex(/^\d{6}$/, 'is not a 6-digit code')),
  precision: v.picklist(PRECISIONS),
  lon: v.pipe(v.number(), v.minValue(70), v.maxValue(140)),
  lat: v.pipe(v.number(), v.minValue(15), v.maxValue(55)),
  note: v.pipe(v.string(), v.maxLength(2000)),
  mentions: v.pipe(
    v.array(v.strictObject({ doc: v.picklist(DOC_STEMS, 'is not one of the five documents'), section: v.string() })),
    v.minLength(1, 'has no mention in the documents'),
  ),
  parent: v.optional(v.string()),
});
export type ParkSource = v.InferOutput<typeof ParkSourceSchema>;

export function parseParkSources(json: unknown, file: string): ParkSource[] {
  if (!Array.isArray(json)) throw new Error(`${file}: not an array`);
  return json.map((r: unknown, i) => {
    const res = v.safeParse(ParkSourceSchema, r);
    if (!res.success) {
      const iss = res.issues[0];
      const path = (iss?.path ?? []).map((p) => String(p.key)).join('.');
      const id = typeof r === 'object' && r && 'id' in r ? String((r as { id: unknown }).id) : `#${i}`;
      throw new Error(`${file}: park "${id}": ${path} ${iss?.message ?? 'invalid'}`);
    }
    return res.output;
  });
}

export type ParkPlacement = { id: string; precision: string; inside: boolean; moved: boolean };

/**
 * Park points. Each must lie inside its county's polygon (the simplified one the app shows).
 * An `exact` point outside fails the build; an `approximate` one is moved to a point inside the
 * county (pointOnFeature) and its note says so.
 */
export function buildParks(
  src: ParkSource[],
  counties: Map<string, Feature<Polygon | MultiPolygon, { name: string }>>,
): { features: Feature<Point, ParkProps & { mentions: string }>[]; placements: ParkPlacement[] } {
  const placements: ParkPlacement[] = [];
  const features = src.map((p) => {
    const county = counties.get(p.county);
    if (!county) throw new Error(`parks.json: park "${p.id}": county ${p.county} is not a county in counties.geojson`);
    let pos: [number, number] = [r5(p.lon), r5(p.lat)];
    let note = p.note;
    const inside = booleanPointInPolygon(pos, county);
    let moved = false;
    if (!inside) {
      if (p.precision === 'exact')
        throw new Error(
          `parks.json: park "${p.id}": exact point [${pos.join(', ')}] is outside its county ${county.properties.name}`,
        );
      const q = pointOnFeature(county).geometry.coordinates;
      pos = [r5(q[0]!), r5(q[1]!)];
      note = `${note}${note ? ' ' : ''}(The given point fell outside ${county.properties.name}; shown at a point inside the county.)`;
      moved = true;
    }
    placements.push({ id: p.id, precision: p.precision, inside, moved });
    const props: ParkProps & { mentions: string } = {
      id: p.id,
      name: p.name,
      name_en: p.name_en,
      kind: p.kind,
      county: p.county,
      precision: p.precision,
      note,
      ...(p.parent !== undefined ? { parent: p.parent } : {}),
      mentions: p.mentions.map((m) => `${m.doc} ${m.section}`).join('; '),
    };
    return { type: 'Feature' as const, properties: props, geometry: { type: 'Point' as const, coordinates: pos } };
  });
  return { features, placements };
}
