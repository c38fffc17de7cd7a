/** One label point per polygon feature, inside it, so a label never repeats per tile or floats outside. */
import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

export function labelPoints<P extends GeoJSON.GeoJsonProperties>(
  collection: FeatureCollection<Polygon | MultiPolygon, P> | null,
): FeatureCollection<Point, P> {
  const features: Feature<Point, P>[] = (collection?.features ?? []).map((feature) => {
    // The centroid reads best; a crescent-shaped county can have it outside, then any inner point does.
    const centre = centroid(feature);
    const point = booleanPointInPolygon(centre, feature) ? centre : pointOnFeature(feature);
    return { type: 'Feature', properties: feature.properties, geometry: point.geometry };
  });
  return { type: 'FeatureCollection', features };
}
