/**
 * Feature-state bookkeeping for hover, selection and related places: the new set is applied only
 * after the old one is cleared, so a highlight can never be left behind on a feature.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { COLLECTIONS, collectionOf } from '../../geo/model/kinds.ts';
import { parsePlaceKey, type PlaceKey } from '../../geo/model/place-key.ts';

/**
 * The source, source layer (a tiled kind's tiles have one, named as the kind) and feature id
 * that draw a place; cities have no shape of their own.
 */
export function featureOf(key: PlaceKey): { source: string; sourceLayer?: string; id: string } | undefined {
  const parsed = parsePlaceKey(key);
  const source = parsed && collectionOf(parsed.type);
  if (parsed === undefined || source === undefined) return undefined;
  return COLLECTIONS[source].tiled ? { source, sourceLayer: source, id: parsed.id } : { source, id: parsed.id };
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
    const source = feature && this.map.getSource(feature.source);
    if (feature === undefined || source === undefined) return;
    // A tiled kind whose file failed has an empty GeoJSON source, which takes no source layer.
    const { sourceLayer, ...target } = feature;
    this.map.setFeatureState(source.type === 'vector' ? { ...target, sourceLayer } : target, { [this.state]: on });
  }
}
