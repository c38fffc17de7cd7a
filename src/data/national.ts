/**
 * The national county layer's places (issue 18), apart from the plan registry: every current
 * county-level unit from geo/national/counties-index.json, the cities and provinces they belong to,
 * and the rules that decide when the layer loads. Pure: built from the parsed files, read by the
 * card, search, the URL context and the map.
 */
import type { NationalIndexFile, NationalProvince } from '../../geo/schema.ts';
import { parsePlaceKey, type PlaceKey } from '../../geo/model/place-key.ts';
import type { CensusLookup } from './census.ts';
import type { Bounds } from './places.ts';
import { fold, type SearchHit } from './search.ts';

export interface NationalCounty {
  key: PlaceKey;
  code: string;
  name: string;
  name_en: string;
  /** The city's code (province-administered units: the province's 90 code, e.g. 429000). */
  city: string;
  province: string;
  /** Null for the few current units without a polygon in the layer. */
  bounds: Bounds | null;
}

export interface NationalIndex {
  counties: ReadonlyMap<string, NationalCounty>;
  cities: ReadonlyMap<string, { name: string; name_en: string; province: string }>;
  provinces: ReadonlyMap<string, NationalProvince>;
  /** The country: the union of the provinces' bboxes. */
  bounds: Bounds | null;
  /** Whether `key` names a county of the layer (`county:<code>`, a well-formed county code in the index). */
  has(key: PlaceKey): boolean;
  county(key: PlaceKey): NationalCounty | undefined;
  /** A rank group's name (`city:…`, `province:…`, `country`) in a language, if the index knows it. */
  groupName(key: string, lang: 'zh' | 'en'): string | undefined;
}

/**
 * A code a county-level unit can have: 6 digits, not a province (xx0000), and not a functional zone
 * (third pair 7x, which the census reports but GB/T 2260 does not list). A city code is one only for
 * the three cities without districts (东莞 441900, 中山 442000, 儋州 460400), which the index lists.
 */
export function isCountyCode(code: string): boolean {
  return /^\d{6}$/.test(code) && !code.endsWith('0000') && code[4] !== '7';
}

export function nationalIndex(file: NationalIndexFile, provinces: readonly NationalProvince[]): NationalIndex {
  const counties = new Map<string, NationalCounty>();
  for (const [code, name, name_en, city, province, bbox] of file.counties) {
    if (!isCountyCode(code)) continue;
    counties.set(code, { key: `county:${code}`, code, name, name_en, city, province, bounds: bbox });
  }
  const cities = new Map(file.cities.map(([code, name, name_en, province]) => [code, { name, name_en, province }]));
  const byProvince = new Map(provinces.map((p) => [p.code, p]));
  let bounds: Bounds | null = null;
  for (const p of provinces) {
    if (p.bbox === null) continue;
    const b = p.bbox;
    bounds =
      bounds === null
        ? [...b]
        : [Math.min(bounds[0], b[0]), Math.min(bounds[1], b[1]), Math.max(bounds[2], b[2]), Math.max(bounds[3], b[3])];
  }
  const county = (key: PlaceKey): NationalCounty | undefined => {
    const parsed = parsePlaceKey(key);
    return parsed?.type === 'county' && isCountyCode(parsed.id) ? counties.get(parsed.id) : undefined;
  };
  return {
    counties,
    cities,
    provinces: byProvince,
    bounds,
    has: (key) => county(key) !== undefined,
    county,
    groupName(key, lang) {
      if (key === 'country') return lang === 'zh' ? '全国' : 'China';
      const [type, code = ''] = key.split(':');
      const named = type === 'city' ? cities.get(code) : type === 'province' ? byProvince.get(code) : undefined;
      return named === undefined ? undefined : lang === 'zh' ? named.name : named.name_en;
    },
  };
}

/** Counties by Chinese name, pinyin or English, as searchPlaces scores the registry's places. */
export function searchNational(
  index: NationalIndex,
  text: string,
  limit = 8,
  skip: (key: PlaceKey) => boolean = () => false,
): SearchHit[] {
  const query = fold(text.slice(0, 100));
  if (query === '') return [];
  const hits: SearchHit[] = [];
  for (const c of index.counties.values()) {
    if (skip(c.key)) continue;
    let score = Number.POSITIVE_INFINITY;
    for (const name of [c.name, c.name_en]) {
      const folded = fold(name);
      score = Math.min(score, folded === query ? 0 : folded.startsWith(query) ? 1 : folded.includes(query) ? 2 : score);
    }
    if (Number.isFinite(score)) hits.push({ key: c.key, score });
  }
  return hits.sort((a, b) => a.score - b.score || a.key.localeCompare(b.key)).slice(0, limit);
}

export interface ViewCentre {
  zoom: number;
  lat: number;
  lng: number;
}

/** Below this zoom the view reaches beyond the plan cities, and the national layer loads. */
export const NATIONAL_ZOOM = 6.5;
/** How far (degrees) the view's centre may leave a plan city's bounds before the layer loads. */
export const NATIONAL_MARGIN = 0.5;

/**
 * The loading rule: the national layer is wanted when the user turned it on, when the view is
 * zoomed out below NATIONAL_ZOOM, or when its centre lies outside every plan city's bounds grown
 * by NATIONAL_MARGIN. With no plan bounds known yet, only the first two count.
 */
export function wantsNational(view: ViewCentre, planBounds: readonly Bounds[], on = false): boolean {
  if (on || view.zoom < NATIONAL_ZOOM) return true;
  if (planBounds.length === 0) return false;
  const m = NATIONAL_MARGIN;
  return !planBounds.some(
    ([w, s, e, n]) => view.lng >= w - m && view.lng <= e + m && view.lat >= s - m && view.lat <= n + m,
  );
}

/** What of the app's state (the URL's) decides whether the national layer is drawn. */
export interface NationalState {
  view: ViewCentre;
  /** The user's switch (`national=1`). */
  national: boolean;
  sel: PlaceKey | null;
  cmp: readonly PlaceKey[];
}

/**
 * Whether the national layer is drawn: wantsNational, turned on by the user's switch or by a
 * selected or compared county outside the plans (only this layer draws its shape). Read from the
 * state a link carries, so a shared link draws, and colours, what its sender saw.
 */
export function nationalShown(
  state: NationalState,
  planBounds: readonly Bounds[],
  inPlans: (key: PlaceKey) => boolean,
): boolean {
  const elsewhere = (key: PlaceKey | null): boolean => key !== null && key.startsWith('county:') && !inPlans(key);
  return wantsNational(state.view, planBounds, state.national || elsewhere(state.sel) || state.cmp.some(elsewhere));
}

/** One indicator over the counties of several province files: code → value (no-data counties left out). */
export function mergeCountyValues(lookups: Iterable<CensusLookup>, id: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const lookup of lookups) for (const [code, value] of lookup.countyValues(id)) out.set(code, value);
  return out;
}
