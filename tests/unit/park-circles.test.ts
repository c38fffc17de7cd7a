/**
 * Parks and their clusters share one circle layer (one shader program instead of three); these
 * tests evaluate its real paint with MapLibre's own expression engine, for each kind of feature
 * and state, so merging the layers changed nothing a user sees.
 */
import { createPropertyExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { CircleLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { BASE, PARK_COLOURS } from '../../src/carto/palette.ts';
import { PARK_CIRCLES, overlayLayers } from '../../src/map/layers.ts';

type Paint = 'circle-radius' | 'circle-color' | 'circle-stroke-color' | 'circle-stroke-width';
type State = Partial<Record<'selected' | 'hover' | 'related', boolean>>;

function circles(interactive: boolean): CircleLayerSpecification {
  const layer = overlayLayers('zh', interactive).find((l) => l.id === PARK_CIRCLES);
  if (layer?.type !== 'circle') throw new Error(`${PARK_CIRCLES} is not a circle layer`);
  return layer;
}

function paint(
  property: Paint,
  properties: Record<string, unknown>,
  state: State = {},
  interactive = true,
): string | number {
  const spec = latest.paint_circle[property] as unknown as StylePropertySpecification;
  const parsed = createPropertyExpression(
    circles(interactive).paint?.[property],
    `${PARK_CIRCLES}.paint.${property}`,
    spec,
  );
  if (parsed.result !== 'success') throw new Error(`${property}: ${JSON.stringify(parsed.value)}`);
  const value = parsed.value.evaluate({ zoom: 7 }, { type: 'Point', properties } as never, state);
  return typeof value === 'number' ? value : (value as { toString(): string }).toString();
}

const colour = (css: string): string => {
  const spec = latest.paint_circle['circle-color'] as unknown as StylePropertySpecification;
  const parsed = createPropertyExpression(css, 'colour', spec);
  if (parsed.result !== 'success') throw new Error(css);
  return String(parsed.value.evaluate({ zoom: 7 }));
};

const cluster = (count: number) => ({ cluster: true, point_count: count, point_count_abbreviated: String(count) });
const exact = { id: 'p1', kind: 'bonded-zone', precision: 'exact' };
const approximate = { id: 'p2', kind: 'bonded-zone', precision: 'approximate' };

describe('the park circle layer', () => {
  it('draws a cluster as a white disc with a brown rim, larger the more parks it holds', () => {
    expect(paint('circle-color', cluster(3))).toBe(colour('rgba(255, 255, 255, 0.9)'));
    expect(paint('circle-stroke-color', cluster(3))).toBe(colour(BASE.cluster));
    expect(paint('circle-stroke-width', cluster(3))).toBe(2);
    expect([3, 10, 100, 1000].map((n) => paint('circle-radius', cluster(n)))).toEqual([10, 14, 18, 24]);
  });

  it('draws an exact park filled in its kind colour, an approximate one as a hollow ring in it', () => {
    const kindColour = colour(PARK_COLOURS[exact.kind as keyof typeof PARK_COLOURS]);
    expect(paint('circle-color', exact)).toBe(kindColour);
    expect(paint('circle-stroke-color', exact)).toBe(colour(BASE.halo));
    expect(paint('circle-color', approximate)).toBe(colour('rgba(255, 255, 255, 0.85)'));
    expect(paint('circle-stroke-color', approximate)).toBe(kindColour);
    expect(paint('circle-stroke-width', approximate)).toBeGreaterThan(paint('circle-stroke-width', exact) as number);
  });

  it('grows a selected, hovered or related park and marks the selected one, but never a cluster', () => {
    for (const park of [exact, approximate]) {
      const rest = paint('circle-radius', park) as number;
      for (const state of ['selected', 'hover', 'related'] as const)
        expect(paint('circle-radius', park, { [state]: true }), state).toBeGreaterThan(rest);
      expect(paint('circle-stroke-color', park, { selected: true })).toBe(colour(BASE.selected));
      expect(paint('circle-stroke-width', park, { related: true })).toBeGreaterThan(
        paint('circle-stroke-width', park) as number,
      );
    }
    expect(paint('circle-radius', cluster(3), { selected: true, hover: true })).toBe(10);
  });

  it('starts at rest with exactly the interactive paint of a feature in no state', () => {
    for (const properties of [cluster(12), exact, approximate])
      for (const property of ['circle-radius', 'circle-color', 'circle-stroke-color', 'circle-stroke-width'] as const)
        expect(paint(property, properties, {}, false), property).toEqual(paint(property, properties));
    expect(JSON.stringify(circles(false).paint)).not.toContain('feature-state');
  });

  it('lies under every label, so no name hides behind a dot, while cluster counts are placed first, on top', () => {
    const ids = overlayLayers('zh').map((layer) => layer.id);
    const symbols = overlayLayers('zh')
      .filter((layer) => layer.type === 'symbol')
      .map((layer) => layer.id);
    for (const id of symbols) expect(ids.indexOf(PARK_CIRCLES), id).toBeLessThan(ids.indexOf(id));
    expect(ids.at(-1)).toBe('parks-cluster-count');
  });
});
