/**
 * Where a shape's label and its card go, and its bounds: found here, once, by the build, and
 * written into each feature (`label_point`, and GeoJSON's own `bbox`) so the app neither computes
 * them at start-up nor ships the geometry code that finds them.
 */
import { bbox as turfBbox, booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Placed } from '../schema.ts';
import { r5, roundPos } from './util.ts';

type Shape = Polygon | MultiPolygon | LineString | MultiLineString;

/** A point inside the shape where its label reads best: the centroid, or any inner point. */
export function labelPoint(feature: Feature<Shape>): Position {
  const geometry = feature.geometry;
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    // The centroid reads best; a crescent-shaped county can have it outside, then any inner point does.
    const centre = centroid(feature);
    if (booleanPointInPolygon(centre, feature as Feature<typeof geometry>)) return centre.geometry.coordinates;
  }
  // Lines and odd polygons: a point on the feature itself.
  return pointOnFeature(feature).geometry.coordinates;
}

/** The feature with its label point and bounds, rounded like its coordinates, before its geometry. */
export function placed<F extends Feature<Shape>>(feature: F): F & Placed {
  const [w, s, e, n] = turfBbox(feature);
  const { type, properties, geometry, ...rest } = feature;
  return {
    type,
    properties,
    ...rest,
    bbox: [r5(w), r5(s), r5(e), r5(n)],
    label_point: roundPos(labelPoint(feature)),
    geometry,
  } as F & Placed;
}
