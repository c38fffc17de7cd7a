/** The shape of the app's one state object; pure, shared by the store, the URL codec and tests. */
import { LAYER_IDS, type LayerId } from '../../geo/model/layers.ts';
import type { Lang } from '../../geo/model/lang.ts';
import type { PlaceKey } from '../../geo/model/place-key.ts';

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
  /** The user's "every county of China" switch: the national layer even where the view would not bring it in. */
  national: boolean;
  sel: PlaceKey | null;
  /** Places compared side by side, in the order they were picked (2–4 in a URL; see compare-list.ts). */
  cmp: readonly PlaceKey[];
  ind: string | null;
  lang: Lang;
  embed: boolean;
}

/** Linfen's three sectors fill the first view; the region buttons reach the other plans' cities. */
export const DEFAULT_VIEW: View = { zoom: 7.3, lat: 36.1, lng: 111.6, bearing: 0, pitch: 0 };

export const DEFAULT_STATE: AppState = {
  view: DEFAULT_VIEW,
  layers: LAYER_IDS,
  national: false,
  sel: null,
  cmp: [],
  ind: null,
  lang: 'zh',
  embed: false,
};

/** Limits the map itself enforces; the URL parser refuses values outside them rather than clamping. */
export const VIEW_LIMITS = { minZoom: 3, maxZoom: 16, maxPitch: 60 } as const;
