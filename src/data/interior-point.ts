/** A point inside a shape where its label or popup reads best. */
import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, Geometry, Position } from 'geojson';

/**
 * Each feature's point, kept: the map's label points and the registry's card anchors both ask for
 * it at start-up, and finding it takes a centroid and a point-in-polygon test over every ring.
 */
const found = new WeakMap<Feature<Geometry>, Position>();

export function interiorPoint(feature: Feature<Geometry>): Position {
  let point = found.get(feature);
  if (point === undefined) {
    point = findInteriorPoint(feature);
    found.set(feature, point);
  }
  return point;
}

function findInteriorPoint(feature: Feature<Geometry>): Position {
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
