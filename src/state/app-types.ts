/** The shape of the app's one state object; pure, shared by the store, the URL codec and tests. */

export const LAYER_IDS = ['sectors', 'counties', 'parks', 'rivers', 'labels'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const PLACE_TYPES = ['city', 'sector', 'county', 'park', 'river'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];
/** `county:141002`, `sector:fen`, `park:linfen-edz` … the one way a place is named across the app. */
export type PlaceKey = `${PlaceType}:${string}`;

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface View {
  zoom: number;
  lat: number;
  lng: number;
  bearing: number;
  pitch: number;
}

export interface AppState {
  view: View;
  layers: readonly LayerId[];
  sel: PlaceKey | null;
  ind: string | null;
  lang: Lang;
  embed: boolean;
}

/** Linfen's three sectors fill the first view; the region buttons reach Yuncheng and Hengyang. */
export const DEFAULT_VIEW: View = { zoom: 7.3, lat: 36.1, lng: 111.6, bearing: 0, pitch: 0 };

export const DEFAULT_STATE: AppState = {
  view: DEFAULT_VIEW,
  layers: LAYER_IDS,
  sel: null,
  ind: null,
  lang: 'zh',
  embed: false,
};

/** Limits the map itself enforces; the URL parser refuses values outside them rather than clamping. */
export const VIEW_LIMITS = { minZoom: 3, maxZoom: 16, maxPitch: 60 } as const;

export function isPlaceType(value: string): value is PlaceType {
  return (PLACE_TYPES as readonly string[]).includes(value);
}
