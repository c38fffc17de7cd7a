/**
 * Feature-state bookkeeping for hover, selection and related places: the new set is applied only
 * after the old one is cleared, so a highlight can never be left behind on a feature.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { collectionOf } from '../../geo/model/kinds.ts';
import { parsePlaceKey, type PlaceKey } from '../../geo/model/place-key.ts';

/** The source and feature id that draw a place; cities have no shape of their own. */
export function featureOf(key: PlaceKey): { source: string; id: string } | undefined {
  const parsed = parsePlaceKey(key);
  const source = parsed && collectionOf(parsed.type);
  return parsed === undefined || source === undefined ? undefined : { source, id: parsed.id };
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
