/**
 * The rows of the table view: one per place, with what the map shows about it as sortable values.
 * Pure, so the sort order is tested without a browser.
 */
import type { Lang } from '../../geo/model/lang.ts';
import type { PlaceKey } from '../../geo/model/place-key.ts';
import { TYPE_ORDER, type PlaceType } from '../../geo/model/kinds.ts';
import type { Registry } from './places.ts';

export interface TableRow {
  key: PlaceKey;
  type: PlaceType;
  name: string;
  /** Direct parents (park, county, sector, city), nearest first, in the row's language. */
  parents: string;
  figures: number;
  /** km², computed from the boundaries by geo:build; undefined where nothing is computed. */
  area: number | undefined;
  /** Residents in the 2020 census, and their change since 2010 (%); undefined is "no data". */
  residents: number | undefined;
  change: number | undefined;
}

export const SORT_KEYS = ['name', 'type', 'parents', 'figures', 'area', 'residents', 'change'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'ascending' | 'descending';

/** geo:build names its computed areas by subject; cities get a suffix because their figures may also be stated. */
function areaId(type: PlaceType, id: string): string {
  return type === 'city' ? `city-${id}-area-computed` : `${type}-${id}-area`;
}

export function tableRows(registry: Registry, lang: Lang): TableRow[] {
  const nameOf = (key: PlaceKey): string | undefined => {
    const place = registry.get(key);
    return place === undefined ? undefined : lang === 'zh' ? place.name : place.name_en;
  };
  const rows: TableRow[] = [];
  for (const place of registry.places.values()) {
    const area = registry.indicators.get(areaId(place.type, place.id));
    rows.push({
      key: place.key,
      type: place.type,
      name: lang === 'zh' ? place.name : place.name_en,
      parents: place.parents
        .map(nameOf)
        .filter((name) => name !== undefined)
        .join(lang === 'zh' ? '、' : ', '),
      figures: registry.indicatorsBySubject.get(place.key)?.length ?? 0,
      area: area !== undefined && typeof area.value === 'number' && area.unit === 'km²' ? area.value : undefined,
      residents: registry.census?.value(place.key, 'census-res2020') ?? undefined,
      change: registry.census?.value(place.key, 'census-change') ?? undefined,
    });
  }
  return rows;
}

/**
 * Sorts a copy. Missing values (no area, no parent) go last in either direction, since "nothing"
 * is not smaller than every figure; ties fall back to the name so the order is stable.
 */
export function sortRows(rows: readonly TableRow[], key: SortKey, dir: SortDir, lang: Lang): TableRow[] {
  // ICU's zh collation orders Chinese by pinyin, which is what a reader expects of a sorted list.
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { numeric: true });
  const sign = dir === 'ascending' ? 1 : -1;
  const byName = (a: TableRow, b: TableRow): number => collator.compare(a.name, b.name);
  const value = (row: TableRow): string | number | undefined => {
    if (key === 'type') return TYPE_ORDER[row.type];
    if (key === 'parents') return row.parents === '' ? undefined : row.parents;
    return row[key];
  };
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined) {
      if (va !== vb) return va === undefined ? 1 : -1;
      return byName(a, b);
    }
    const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return order !== 0 ? sign * order : byName(a, b);
  });
}
