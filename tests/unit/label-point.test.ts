import { booleanPointInPolygon, booleanPointOnLine, lineString, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { labelPoint, placed } from '../../geo/build/label-point.ts';
import { checkPlacement } from '../../geo/schema.ts';

/** A C-shaped polygon: its centroid falls in the gap, outside the shape. */
const crescent = polygon([
  [
    [110, 30],
    [110.1, 30],
    [110.1, 30.02],
    [110.02, 30.02],
    [110.02, 30.08],
    [110.1, 30.08],
    [110.1, 30.1],
    [110, 30.1],
    [110, 30],
  ],
]);

describe('labelPoint', () => {
  it('lies inside a shape whose centroid does not', () => {
    expect(booleanPointInPolygon(labelPoint(crescent), crescent)).toBe(true);
  });

  it('is the centroid of a shape that holds it', () => {
    const square = polygon([
      [
        [110, 30],
        [112, 30],
        [112, 32],
        [110, 32],
        [110, 30],
      ],
    ]);
    expect(labelPoint(square)).toEqual([111, 31]);
  });
});

describe('placed', () => {
  it('adds the bounds and the label point, rounded, and keeps the feature', () => {
    const out = placed(crescent);
    expect(out.bbox).toEqual([110, 30, 110.1, 30.1]);
    expect(booleanPointInPolygon(out.label_point, crescent)).toBe(true);
    expect(out.label_point.every((x) => Math.round(x * 1e5) / 1e5 === x)).toBe(true);
    expect(out.geometry).toBe(crescent.geometry);
    expect(Object.keys(out)).toEqual(['type', 'properties', 'bbox', 'label_point', 'geometry']);
    expect(checkPlacement(out as unknown as Record<string, unknown>)).toBeNull();
  });

  it('puts a line’s label point on the line', () => {
    const line = lineString([
      [111, 35],
      [111.5, 35.5],
    ]);
    const out = placed(line);
    expect(out.bbox).toEqual([111, 35, 111.5, 35.5]);
    expect(booleanPointOnLine(out.label_point, line)).toBe(true);
  });
});

describe('checkPlacement (what the app re-checks of a placed feature)', () => {
  const good = { bbox: [110, 30, 111, 31], label_point: [110.5, 30.5] };
  it('accepts bounds in the region with the label point inside them', () => {
    expect(checkPlacement(good)).toBeNull();
  });
  it.each([
    ['a missing bbox', { label_point: [110.5, 30.5] }, /bbox is not/],
    ['a bbox of three numbers', { ...good, bbox: [110, 30, 111] }, /bbox is not/],
    ['a bbox outside the region', { ...good, bbox: [10, 30, 111, 31] }, /bbox: coordinate .* outside the region/],
    ['a bbox inside out', { ...good, bbox: [111, 30, 110, 31] }, /west > east/],
    ['a bbox of strings', { ...good, bbox: ['110', 30, 111, 31] }, /bbox: /],
    ['a missing label point', { bbox: good.bbox }, /label_point: position is not/],
    ['a label point outside the bbox', { ...good, label_point: [111.5, 30.5] }, /outside the feature's bbox/],
    ['a label point of NaN', { ...good, label_point: [NaN, 30.5] }, /label_point: /],
  ])('refuses %s', (_, feature, message) => {
    expect(checkPlacement(feature as Record<string, unknown>)).toMatch(message);
  });
});
