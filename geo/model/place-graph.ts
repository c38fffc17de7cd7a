/**
 * The one registry of places: every city, sector, county, park and river by key, with names and
 * links (parents nearest first, children). Pure and shape-free, so the build's validator and the
 * app share it; the app adds bounds and anchors on top (src/data/places.ts).
 */
import type { Parks, PlacesOf, PlanSummary } from '../schema.ts';
import { COLLECTIONS, type CollectionKind, type PlaceType } from './kinds.ts';
import { placeKey, type PlaceKey } from './place-key.ts';

export interface PlaceNode {
  key: PlaceKey;
  type: PlaceType;
  id: string;
  name: string;
  name_en: string;
  /** Containing places, nearest first: a park's county, then its sector, then its city. */
  parents: PlaceKey[];
  /** Places inside it or belonging to it: a sector's counties, a county's parks. */
  children: PlaceKey[];
  /** Extra facts for the card: a park's kind and precision note (Chinese, and `note_en`). */
  detail?: { kind?: string; precision?: 'exact' | 'approximate'; note?: string; note_en?: string };
}

/** What the graph is built from; it reads properties only, so whole collections do as well as shapeless ones. */
export interface PlaceSources {
  plans: readonly PlanSummary[];
  counties: PlacesOf<'counties'> | null;
  sectors: PlacesOf<'sectors'> | null;
  parks: Parks | null;
  rivers: PlacesOf<'rivers'> | null;
}

type Props = { name: string; name_en: string } & Record<string, unknown>;

export function buildPlaceGraph(data: PlaceSources): Map<PlaceKey, PlaceNode> {
  const places = new Map<PlaceKey, PlaceNode>();
  const add = (node: Omit<PlaceNode, 'parents' | 'children'>): void => {
    places.set(node.key, { ...node, parents: [], children: [] });
  };
  const link = (parent: PlaceKey, child: PlaceKey): void => {
    const p = places.get(parent);
    const c = places.get(child);
    if (p === undefined || c === undefined) return;
    if (!p.children.includes(child)) p.children.push(child);
    if (!c.parents.includes(parent)) c.parents.push(parent);
  };
  const addAll = (kind: CollectionKind, features: readonly { properties: Props }[] | undefined): void => {
    const { type, idProp } = COLLECTIONS[kind];
    if (type === null) return;
    for (const f of features ?? []) {
      const p = f.properties;
      const id = String(p[idProp]);
      const node: Omit<PlaceNode, 'parents' | 'children'> = {
        key: placeKey(type, id),
        type,
        id,
        name: p.name,
        name_en: p.name_en,
      };
      if (kind === 'parks')
        node.detail = {
          kind: p.kind as string,
          precision: p.precision as 'exact' | 'approximate',
          note: p.note as string,
          ...(typeof p.note_en === 'string' ? { note_en: p.note_en } : {}),
        };
      add(node);
    }
  };

  for (const plan of data.plans)
    add({ key: placeKey('city', plan.city), type: 'city', id: plan.city, name: plan.name, name_en: plan.name_en });
  addAll('sectors', data.sectors?.features);
  addAll('counties', data.counties?.features);
  addAll('parks', data.parks?.features);
  addAll('rivers', data.rivers?.features);

  // Links, nearest parent first: county → sector → city for a county; park → its parent park → county.
  for (const f of data.parks?.features ?? []) {
    const p = f.properties;
    if (p.parent !== undefined) link(placeKey('park', p.parent), placeKey('park', p.id));
    link(placeKey('county', p.county), placeKey('park', p.id));
  }
  for (const f of data.counties?.features ?? []) {
    const p = f.properties;
    if (p.sector !== null) link(placeKey('sector', p.sector), placeKey('county', p.code));
    link(placeKey('city', p.prefecture), placeKey('county', p.code));
  }
  for (const f of data.sectors?.features ?? [])
    link(placeKey('city', f.properties.city), placeKey('sector', f.properties.id));
  // A park also belongs to its county's sector, so the sector card can list its parks.
  for (const f of data.parks?.features ?? []) {
    const county = places.get(placeKey('county', f.properties.county));
    for (const parent of county?.parents ?? [])
      if (places.get(parent)?.type === 'sector') link(parent, placeKey('park', f.properties.id));
  }
  return places;
}
