/** One label point per polygon, inside it, so a label never repeats per tile or floats outside. */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { interiorPoint } from '../data/interior-point.ts';

export function labelPoints<P extends GeoJSON.GeoJsonProperties>(
  collection: FeatureCollection<Polygon | MultiPolygon, P> | null,
): FeatureCollection<Point, P> {
  return {
    type: 'FeatureCollection',
    features: (collection?.features ?? []).map((feature) => ({
      type: 'Feature',
      properties: feature.properties,
      geometry: { type: 'Point', coordinates: interiorPoint(feature) },
    })),
  };
}
