/**
 * The URL contract: the location hash is a projection of the app state.
 *
 *   #map=ZOOM/LAT/LNG[/BEARING[/PITCH]]&layers=ID,…&national=1&sel=TYPE:ID&cmp=TYPE:ID,…&ind=ID&lang=zh|en&embed=1
 *
 * Every key parses to valid, invalid (reported, default kept) or missing (default kept), each on
 * its own, so one bad part of a shared link never costs the user the good parts. Defaults are not
 * written, and keys are written in one order, so one view has exactly one URL.
 */
import { DEFAULT_STATE, VIEW_LIMITS, type AppState, type View } from './app-types.ts';
import { LANGS, type Lang } from '../../geo/model/lang.ts';
import { LAYER_IDS, type LayerId } from '../../geo/model/layers.ts';
import { isPlaceType, type PlaceKey } from '../../geo/model/place-key.ts';
import { MAX_COMPARE, isCompareList } from './compare-list.ts';

export const HASH_KEYS = ['map', 'layers', 'national', 'sel', 'cmp', 'ind', 'lang', 'embed'] as const;
type HashKey = (typeof HASH_KEYS)[number];

/** Longest value we even look at; real values are under 100 characters. */
const MAX_VALUE_LENGTH = 512;
/** A plain decimal: no exponent, hex, Infinity or stray characters, which Number() would accept. */
const DECIMAL = /^-?\d{1,4}(?:\.\d{1,10})?$/;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface ParseContext {
  /** Whether a place exists; unknown places are dropped rather than selected. */
  hasPlace: (key: PlaceKey) => boolean;
  /** Whether an indicator can be shown as a choropleth. */
  hasIndicator: (id: string) => boolean;
}

export interface ParseResult {
  state: AppState;
  /** Which keys were present but refused, for a notice; never their values. */
  ignored: string[];
  /** Whether the hash named a view; without one the app keeps the view it has. */
  hasView: boolean;
}

function parseDecimal(text: string | undefined): number | undefined {
  if (text === undefined || !DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function parseView(value: string): View | undefined {
  const parts = value.split('/');
  if (parts.length < 3 || parts.length > 5) return undefined;
  const [zoom, lat, lng] = parts.slice(0, 3).map(parseDecimal);
  const bearing = parts.length > 3 ? parseDecimal(parts[3]) : 0;
  const pitch = parts.length > 4 ? parseDecimal(parts[4]) : 0;
  if (zoom === undefined || lat === undefined || lng === undefined) return undefined;
  if (bearing === undefined || pitch === undefined) return undefined;
  // MapLibre throws on |lat| > 90 and silently clamps the rest; refuse instead, so the
  // user is told their link was damaged rather than shown a different place.
  if (zoom < VIEW_LIMITS.minZoom || zoom > VIEW_LIMITS.maxZoom) return undefined;
  if (Math.abs(lat) > 85 || Math.abs(lng) > 180) return undefined;
  if (Math.abs(bearing) > 180 || pitch < 0 || pitch > VIEW_LIMITS.maxPitch) return undefined;
  return { zoom, lat, lng, bearing, pitch };
}

function parseLayers(value: string): LayerId[] | undefined {
  if (value === '') return [];
  const known = new Set<string>(LAYER_IDS);
  const named = value.split(',');
  if (named.some((id) => !known.has(id))) return undefined;
  const wanted = new Set(named);
  // Canonical order, duplicates folded: one set of layers has one URL.
  return LAYER_IDS.filter((id) => wanted.has(id));
}

function parseSelection(value: string, context: ParseContext): PlaceKey | undefined {
  const colon = value.indexOf(':');
  if (colon < 0) return undefined;
  const type = value.slice(0, colon);
  const id = value.slice(colon + 1);
  if (!isPlaceType(type) || !ID.test(id)) return undefined;
  const key: PlaceKey = `${type}:${id}`;
  return context.hasPlace(key) ? key : undefined;
}

/** 2–4 known places of one comparable kind, each once, in picking order; anything else refuses the whole key. */
function parseCompare(value: string, context: ParseContext): PlaceKey[] | undefined {
  const named = value.split(',');
  if (named.length > MAX_COMPARE) return undefined;
  const keys: PlaceKey[] = [];
  for (const text of named) {
    const key = parseSelection(text, context);
    if (key === undefined) return undefined;
    keys.push(key);
  }
  return isCompareList(keys) ? keys : undefined;
}

/** A switch: `1` on, `0` off (accepted, though never written), anything else refused. */
function parseFlag(value: string): boolean | undefined {
  return value === '1' ? true : value === '0' ? false : undefined;
}

function parseValue(key: HashKey, value: string, context: ParseContext): Partial<AppState> | undefined {
  switch (key) {
    case 'map': {
      const view = parseView(value);
      return view && { view };
    }
    case 'layers': {
      const layers = parseLayers(value);
      return layers && { layers };
    }
    case 'national': {
      const national = parseFlag(value);
      return national === undefined ? undefined : { national };
    }
    case 'sel': {
      const sel = parseSelection(value, context);
      return sel && { sel };
    }
    case 'cmp': {
      const cmp = parseCompare(value, context);
      return cmp && { cmp };
    }
    case 'ind':
      return ID.test(value) && context.hasIndicator(value) ? { ind: value } : undefined;
    case 'lang':
      return (LANGS as readonly string[]).includes(value) ? { lang: value as Lang } : undefined;
    case 'embed': {
      const embed = parseFlag(value);
      return embed === undefined ? undefined : { embed };
    }
  }
}

export function parseHash(hash: string, context: ParseContext): ParseResult {
  const state: AppState = { ...DEFAULT_STATE };
  const ignored: string[] = [];
  const seen = new Set<string>();
  let hasView = false;
  // URLSearchParams does the percent-decoding (and never throws on a bad escape). Over-long
  // values are refused one by one below, so a huge part cannot cost the parts after it.
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  for (const [key, value] of params) {
    const known = (HASH_KEYS as readonly string[]).includes(key);
    const label = known ? key : 'unknown key';
    if (seen.has(key)) {
      // A duplicated key is ambiguous: keep the first reading, report the rest.
      ignored.push(label);
      continue;
    }
    seen.add(key);
    const parsed = known && value.length <= MAX_VALUE_LENGTH ? parseValue(key as HashKey, value, context) : undefined;
    if (parsed === undefined) {
      ignored.push(label);
      continue;
    }
    Object.assign(state, parsed);
    if (key === 'map') hasView = true;
  }
  return { state, ignored: [...new Set(ignored)], hasView };
}

/** Decimals that keep a position to about a pixel at this zoom, as MapLibre's own hash does. */
export function coordinateDecimals(zoom: number): number {
  return Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
}

/** Trailing zeros dropped so 7.50 and 7.5 are one URL. */
function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

export function serializeView(view: View): string {
  const zoom = fixed(view.zoom, 2);
  // Decimals for the zoom as written, not as given: a reader of this URL computes them from it,
  // and 15.1015 (6 decimals) is written as 15.1 (5 decimals).
  const decimals = coordinateDecimals(Number(zoom));
  const parts = [zoom, fixed(view.lat, decimals), fixed(view.lng, decimals)];
  const bearing = fixed(view.bearing, 1);
  const pitch = fixed(view.pitch, 0);
  if (bearing !== '0' || pitch !== '0') parts.push(bearing);
  if (pitch !== '0') parts.push(pitch);
  return parts.join('/');
}

/** Rounds a view to what its URL can say, so a round trip through the URL is exact. */
export function canonicalView(view: View): View {
  const [zoom = 0, lat = 0, lng = 0, bearing = 0, pitch = 0] = serializeView(view).split('/').map(Number);
  return { zoom, lat, lng, bearing, pitch };
}

export function serializeHash(state: AppState): string {
  const parts: string[] = [];
  const push = (key: HashKey, value: string): void => {
    // Only ':', ',' and the view's '/' are left readable; everything else an id could hold is escaped.
    const text = encodeURIComponent(value).replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%2F/g, '/');
    parts.push(`${key}=${text}`);
  };
  const view = serializeView(state.view);
  if (view !== serializeView(DEFAULT_STATE.view)) push('map', view);
  const layers = LAYER_IDS.filter((id) => state.layers.includes(id));
  if (layers.join(',') !== DEFAULT_STATE.layers.join(',')) push('layers', layers.join(','));
  if (state.national) push('national', '1');
  if (state.sel !== null) push('sel', state.sel);
  // A single picked place is the start of a comparison, not yet one a link can carry.
  if (isCompareList(state.cmp)) push('cmp', state.cmp.join(','));
  if (state.ind !== null) push('ind', state.ind);
  if (state.lang !== DEFAULT_STATE.lang) push('lang', state.lang);
  if (state.embed) push('embed', '1');
  return parts.length === 0 ? '' : `#${parts.join('&')}`;
}

/** The hash without its view: two hashes that differ only here differ by a pan or zoom. */
export function hashWithoutView(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('map');
  return params.toString();
}
