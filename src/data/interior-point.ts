/** A point inside a shape where its label or popup reads best. */
import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, Geometry, Position } from 'geojson';

export function interiorPoint(feature: Feature<Geometry>): Position {
  const geometry = feature.geometry;
  if (geometry.type === 'Point') return geometry.coordinates;
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    // The centroid reads best; a crescent-shaped county can have it outside, then any inner point does.
    const centre = centroid(feature);
    if (booleanPointInPolygon(centre, feature as Feature<typeof geometry>)) return centre.geometry.coordinates;
  }
  // Lines and odd polygons: a point on the feature itself.
  return pointOnFeature(feature).geometry.coordinates;
}
