/**
 * One label point per shape, the one the build found inside it (geo/build/label-point.ts), so a
 * label never repeats per tile or floats outside its shape.
 */
import type { FeatureCollection, GeoJsonProperties, Point } from 'geojson';
import type { Placed } from '../../geo/schema.ts';

/** Reads properties and label points only: the shapes may be in tiles (geometry null). */
export function labelPoints<P extends GeoJsonProperties>(
  collection: { features: ({ properties: P } & Placed)[] } | null,
): FeatureCollection<Point, P> {
  return {
    type: 'FeatureCollection',
    features: (collection?.features ?? []).map((feature) => ({
      type: 'Feature',
      properties: feature.properties,
      geometry: { type: 'Point', coordinates: feature.label_point },
    })),
  };
}
