/**
 * Feature-state bookkeeping for hover, selection and related places: the new set is applied only
 * after the old one is cleared, so a highlight can never be left behind on a feature.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { PlaceKey } from '../state/app-types.ts';

/** The GeoJSON source that draws each place type; cities have no shape of their own. */
const SOURCE_OF: Record<string, string> = { county: 'counties', sector: 'sectors', park: 'parks', river: 'rivers' };

export function featureOf(key: PlaceKey): { source: string; id: string } | undefined {
  const colon = key.indexOf(':');
  const source = SOURCE_OF[key.slice(0, colon)];
  return source === undefined ? undefined : { source, id: key.slice(colon + 1) };
}

export class Highlight {
  private current: PlaceKey[] = [];

  constructor(
    private readonly map: MapLibreMap,
    private readonly state: 'hover' | 'selected' | 'related',
  ) {}

  set(keys: readonly PlaceKey[]): void {
    for (const key of this.current) this.apply(key, false);
    this.current = [...keys];
    for (const key of this.current) this.apply(key, true);
  }

  private apply(key: PlaceKey, on: boolean): void {
    const feature = featureOf(key);
    if (feature === undefined || this.map.getSource(feature.source) === undefined) return;
    this.map.setFeatureState(feature, { [this.state]: on });
  }
}
