/**
 * The census figures of the loaded census.json, by place: each value with its indicator, the
 * place's ranks ("3rd of 17 in Linfen") and any note. Pure: built once beside the registry.
 */
import type { CensusFile, CensusIndicator } from '../../geo/schema.ts';

export interface Rank {
  rank: number;
  of: number;
  /** The group's key: `city:<code>`, `province:<code>`, or `country`. */
  group: string;
  /** The group's name as the census gives it (临汾市, 山西省, 全国). */
  name: string;
}

export interface CensusFigure {
  indicator: CensusIndicator;
  /** Null is "no data", never 0. */
  value: number | null;
  ranks: Rank[];
  note?: { zh: string; en: string };
}

export interface CensusLookup {
  source: CensusFile['source'];
  indicators: readonly CensusIndicator[];
  has(key: string): boolean;
  /** Every indicator's figure for a place (null values included), or undefined without a row. */
  figures(key: string): CensusFigure[] | undefined;
  /** One indicator's value for a place: a number, null (no data) or undefined (no such place). */
  value(key: string, id: string): number | null | undefined;
  /** One indicator over the counties the file holds: county code → value (no-data counties left out). */
  countyValues(id: string): Map<string, number>;
}

export function censusLookup(file: CensusFile): CensusLookup {
  const index = new Map(file.indicators.map((d, i) => [d.id, i]));
  const places = new Map(Object.entries(file.places));
  const groupName = (key: string): string => places.get(key)?.name ?? key;

  function figures(key: string): CensusFigure[] | undefined {
    const place = places.get(key);
    if (place === undefined) return undefined;
    return file.indicators.map((indicator, i) => {
      const ranks: Rank[] = [];
      const triple = place.rank?.[i];
      if (triple) {
        const cityGroup = place.in?.find((g) => g.startsWith('city:'));
        const provinceGroup = place.in?.find((g) => g.startsWith('province:'));
        const slots: (string | undefined)[] = [cityGroup, provinceGroup, 'country'];
        triple.forEach((rank, slot) => {
          const group = slots[slot];
          if (rank === null || group === undefined) return;
          const of = places.get(group)?.n?.[i];
          if (of === undefined || of === 0) return;
          ranks.push({ rank, of, group, name: groupName(group) });
        });
      }
      const note = place.notes?.[indicator.id] ?? place.notes?.all;
      return { indicator, value: place.v[i] ?? null, ranks, ...(note ? { note } : {}) };
    });
  }

  return {
    source: file.source,
    indicators: file.indicators,
    has: (key) => places.has(key),
    figures,
    value(key, id) {
      const i = index.get(id);
      const place = places.get(key);
      if (i === undefined || place === undefined) return undefined;
      return place.v[i] ?? null;
    },
    countyValues(id) {
      const i = index.get(id);
      const out = new Map<string, number>();
      if (i === undefined) return out;
      for (const [key, place] of places) {
        const value = place.v[i];
        if (key.startsWith('county:') && typeof value === 'number') out.set(key.slice('county:'.length), value);
      }
      return out;
    },
  };
}
