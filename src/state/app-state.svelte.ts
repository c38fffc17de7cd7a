/**
 * The one store: view, layers, the national switch, selection, indicator, language and embed mode,
 * plus the notices the app shows. Components read it and call its intents; the map follows it;
 * url-sync mirrors it into the location hash. Nothing else holds app state.
 */
import { DEFAULT_STATE, type AppState, type View } from './app-types.ts';
import { LAYER_IDS } from '../../geo/model/layers.ts';
import type { Lang } from '../../geo/model/lang.ts';
import type { LayerId } from '../../geo/model/layers.ts';
import type { PlaceKey } from '../../geo/model/place-key.ts';
import { checkCompareAdd, type CompareCheck } from './compare-list.ts';

export type NoticeKind = 'error' | 'warning' | 'info';
export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
}

/** A camera move the map should make: requested by URL changes, region buttons and links. */
export type CameraRequest =
  | { id: number; kind: 'view'; view: View }
  | { id: number; kind: 'bounds'; bounds: [number, number, number, number]; animate: boolean };

let nextId = 1;
const MAX_NOTICES = 3;

export class AppStore {
  view = $state.raw<View>(DEFAULT_STATE.view);
  layers = $state.raw<readonly LayerId[]>(DEFAULT_STATE.layers);
  national = $state<boolean>(DEFAULT_STATE.national);
  sel = $state<PlaceKey | null>(DEFAULT_STATE.sel);
  cmp = $state.raw<readonly PlaceKey[]>(DEFAULT_STATE.cmp);
  ind = $state<string | null>(DEFAULT_STATE.ind);
  lang = $state<Lang>(DEFAULT_STATE.lang);
  embed = $state<boolean>(DEFAULT_STATE.embed);

  /** Transient, never in the URL. */
  hover = $state<PlaceKey | null>(null);
  notices = $state.raw<readonly Notice[]>([]);
  camera = $state.raw<CameraRequest | null>(null);
  /** The document whose figures the source panel lists, if open. */
  source = $state<string | null>(null);

  snapshot(): AppState {
    return {
      view: this.view,
      layers: this.layers,
      national: this.national,
      sel: this.sel,
      cmp: this.cmp,
      ind: this.ind,
      lang: this.lang,
      embed: this.embed,
    };
  }

  /** Replaces the whole state, as when a URL is opened or Back is pressed. */
  /**
   * True while the view is the one a link asked for with `map=`: a shared link reopens exactly
   * that view, so the map must not pan to fit the card. Any new selection clears it.
   */
  viewFromLink = $state(false);

  restore(
    state: AppState,
    { moveCamera, viewFromLink = false }: { moveCamera: boolean; viewFromLink?: boolean },
  ): void {
    this.viewFromLink = viewFromLink;
    this.layers = state.layers;
    this.national = state.national;
    this.sel = state.sel;
    this.cmp = state.cmp;
    this.ind = state.ind;
    this.lang = state.lang;
    this.embed = state.embed;
    if (moveCamera) this.jumpTo(state.view);
  }

  // Intents.

  /** Back to the first view, keeping the language the user chose. */
  reset(): void {
    this.restore({ ...DEFAULT_STATE, lang: this.lang }, { moveCamera: true });
    this.source = null;
  }

  /** The map reports where it is; this never moves the camera. */
  viewChanged(view: View): void {
    this.view = view;
  }

  jumpTo(view: View): void {
    this.view = view;
    this.camera = { id: nextId++, kind: 'view', view };
  }

  fitBounds(bounds: [number, number, number, number], animate = true): void {
    this.camera = { id: nextId++, kind: 'bounds', bounds, animate };
  }

  setLayer(id: LayerId, visible: boolean): void {
    const next = visible ? [...this.layers, id] : this.layers.filter((layer) => layer !== id);
    // Canonical order from the full list, not the defaults: a layer that defaults to off can still be ticked on.
    this.layers = LAYER_IDS.filter((layer) => next.includes(layer));
  }

  setNational(on: boolean): void {
    this.national = on;
  }

  select(key: PlaceKey | null): void {
    this.viewFromLink = false;
    this.sel = key;
  }

  /** Selects a place and brings it into view, as a link, a search result or a table row does. */
  show(key: PlaceKey, bounds: [number, number, number, number] | undefined): void {
    this.sel = key;
    if (bounds !== undefined) this.fitBounds(bounds);
  }

  /** Adds a place to the comparison, at the end; refused (and the reason returned) when it cannot join. */
  compareAdd(key: PlaceKey): CompareCheck {
    const check = checkCompareAdd(this.cmp, key);
    if (check === 'ok') this.cmp = [...this.cmp, key];
    return check;
  }

  compareRemove(key: PlaceKey): void {
    this.cmp = this.cmp.filter((other) => other !== key);
  }

  compareClear(): void {
    this.cmp = [];
  }

  openSource(doc: string | null): void {
    this.source = doc;
  }

  setHover(key: PlaceKey | null): void {
    this.hover = key;
  }

  setIndicator(id: string | null): void {
    this.ind = id;
  }

  setLanguage(lang: Lang): void {
    this.lang = lang;
  }

  notify(kind: NoticeKind, text: string): void {
    // The same message twice is one notice; and a burst (a hostile link pasted again and again)
    // keeps only the newest few so notices never cover the map.
    const others = this.notices.filter((notice) => notice.text !== text);
    this.notices = [...others, { id: nextId++, kind, text }].slice(-MAX_NOTICES);
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((notice) => notice.id !== id);
  }
}

export const store = new AppStore();
