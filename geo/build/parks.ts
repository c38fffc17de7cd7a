import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { ParkProps } from '../schema';
import type { LoadedPlan } from './plans';
import { r5 } from './util';

export type ParkPlacement = { id: string; precision: string; inside: boolean; moved: boolean };

/**
 * Park points. Each must lie inside its county's polygon (the simplified one the app shows).
 * An `exact` point outside fails the build; an `approximate` one is moved to a point inside the
 * county (pointOnFeature) and its note says so.
 */
export function buildParks(
  plans: LoadedPlan[],
  counties: Map<string, Feature<Polygon | MultiPolygon, { name: string; prefecture: string }>>,
): { features: Feature<Point, ParkProps & { mentions: string }>[]; placements: ParkPlacement[] } {
  const placements: ParkPlacement[] = [];
  const src = plans.flatMap((plan) => plan.parks.map((p, i) => ({ ...p, where: `${plan.file}: parks[${i}]`, plan })));
  const ids = new Set(src.map((p) => p.id));
  const features = src.map((p) => {
    const county = counties.get(p.county);
    if (!county || county.properties.prefecture !== p.plan.city)
      throw new Error(`${p.where}.county ${p.county} is not a county of city ${p.plan.city}`);
    if (p.parent !== undefined && !ids.has(p.parent))
      throw new Error(`${p.where}.parent "${p.parent}" is not a park of any plan`);
    let pos: [number, number] = [r5(p.lon), r5(p.lat)];
    let note = p.note;
    let noteEn = p.note_en;
    const inside = booleanPointInPolygon(pos, county);
    let moved = false;
    if (!inside) {
      if (p.precision === 'exact')
        throw new Error(
          `${p.where} "${p.id}": exact point [${pos.join(', ')}] is outside its county ${county.properties.name}`,
        );
      const q = pointOnFeature(county).geometry.coordinates;
      pos = [r5(q[0]!), r5(q[1]!)];
      note = `${note}（给定的点落在${county.properties.name}之外，改放在县内一点。）`;
      noteEn = `${noteEn ?? ''}${noteEn ? ' ' : ''}(The given point fell outside ${county.properties.name}; shown at a point inside the county.)`;
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
      ...(noteEn !== undefined ? { note_en: noteEn } : {}),
      ...(p.parent !== undefined ? { parent: p.parent } : {}),
      mentions: p.mentions.map((m) => `${m.doc} ${m.section}`).join('; '),
    };
    return { type: 'Feature' as const, properties: props, geometry: { type: 'Point' as const, coordinates: pos } };
  });
  return { features, placements };
}
