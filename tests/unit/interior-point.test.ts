import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { interiorPoint } from '../../src/data/interior-point.ts';

/** A C-shaped polygon: its centroid falls in the gap, outside the shape. */
const crescent: Feature<Polygon> = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [10, 0],
        [10, 2],
        [2, 2],
        [2, 8],
        [10, 8],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
    ],
  },
};

describe('interiorPoint', () => {
  it('lies inside a shape whose centroid does not', () => {
    expect(booleanPointInPolygon(interiorPoint(crescent), crescent)).toBe(true);
  });

  it('is found once per feature: label points and card anchors share it', () => {
    const first = interiorPoint(crescent);
    expect(interiorPoint(crescent)).toBe(first);
    // A copy of the feature is another feature, with the same point.
    const copy = structuredClone(crescent);
    expect(interiorPoint(copy)).not.toBe(first);
    expect(interiorPoint(copy)).toEqual(first);
  });
});
