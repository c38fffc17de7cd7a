import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { Highlight, featureOf } from '../../src/map/highlight.ts';
import type { PlaceKey } from '../../geo/model/place-key.ts';

describe('featureOf', () => {
  it('names a tiled kind’s source layer, a park’s GeoJSON source without one, and no shape for a city', () => {
    expect(featureOf('county:141002' as PlaceKey)).toEqual({
      source: 'counties',
      sourceLayer: 'counties',
      id: '141002',
    });
    expect(featureOf('sector:fen' as PlaceKey)).toEqual({ source: 'sectors', sourceLayer: 'sectors', id: 'fen' });
    expect(featureOf('park:linfen-econ' as PlaceKey)).toEqual({ source: 'parks', id: 'linfen-econ' });
    expect(featureOf('city:141000' as PlaceKey)).toBeUndefined();
  });
});

/** A map with the given source types that records feature-state calls. */
function fakeMap(types: Record<string, string>): { map: MapLibreMap; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const map = {
    getSource: (id: string) => (types[id] === undefined ? undefined : { type: types[id] }),
    setFeatureState: (...args: unknown[]) => calls.push(args),
  } as unknown as MapLibreMap;
  return { map, calls };
}

describe('Highlight', () => {
  it('clears the old places before it sets the new, with the source layer only on vector tiles', () => {
    const { map, calls } = fakeMap({ counties: 'vector', sectors: 'geojson' });
    const hover = new Highlight(map, 'hover');
    hover.set(['county:141002' as PlaceKey]);
    hover.set(['sector:fen' as PlaceKey, 'river:fen-he' as PlaceKey]);
    expect(calls).toEqual([
      [{ source: 'counties', sourceLayer: 'counties', id: '141002' }, { hover: true }],
      [{ source: 'counties', sourceLayer: 'counties', id: '141002' }, { hover: false }],
      // sectors.json failed here: its source is empty GeoJSON, which takes no source layer.
      [{ source: 'sectors', id: 'fen' }, { hover: true }],
      // No rivers source at all: nothing to set.
    ]);
  });
});
