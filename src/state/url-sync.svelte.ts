/**
 * The only code that reads or writes `location` and `history`. The hash is parsed into the store
 * at start and on every hashchange/popstate, and written from the store: a change that only moves
 * the map replaces the current entry (throttled), any other change pushes a new one, so Back and
 * Forward step through what the user did rather than every frame of a pan.
 */
import type { AppStore } from './app-state.svelte.ts';
import { type AppState, type View } from './app-types.ts';
import { hashWithoutView, parseHash, serializeHash, type ParseContext } from './url-hash.ts';

/** Browsers throttle history calls (Safari: 100 per 30 s) and throw past it, so we stay well under. */
const REPLACE_INTERVAL_MS = 300;

/**
 * The view a link asks for, read before the data has loaded so the map can start there at once;
 * the rest of the hash needs the data to be checked, and waits for startUrlSync.
 */
export function initialView(): View | null {
  const result = parseHash(location.hash, { hasPlace: () => false, hasIndicator: () => false });
  return result.hasView ? result.state.view : null;
}

/**
 * The place a link selects, checked for form only: the app loads what it needs to know whether the
 * place exists (the national index, for a county outside the plans) before startUrlSync decides.
 */
export function linkedSelection(): NonNullable<AppState['sel']> | null {
  return parseHash(location.hash, { hasPlace: () => true, hasIndicator: () => false }).state.sel;
}

/** The absolute link to a state, for copying and sharing. */
export function shareableUrl(state: AppState): string {
  return location.href.split('#')[0] + serializeHash(state);
}

function unionOf(
  boxes: ([number, number, number, number] | undefined)[],
): [number, number, number, number] | undefined {
  const known = boxes.filter((b) => b !== undefined);
  if (known.length === 0) return undefined;
  return [
    Math.min(...known.map((b) => b[0])),
    Math.min(...known.map((b) => b[1])),
    Math.max(...known.map((b) => b[2])),
    Math.max(...known.map((b) => b[3])),
  ];
}

/**
 * @param boundsOf where a place lies: a link that selects a place but gives no `map=` view opens
 * framing that place, not at the default view where it may be out of sight.
 */
export function startUrlSync(
  store: AppStore,
  context: ParseContext,
  ignoredText: (keys: string) => string,
  boundsOf: (key: NonNullable<AppState['sel']>) => [number, number, number, number] | undefined = () => undefined,
): () => void {
  let written = location.hash;
  let pending: ReturnType<typeof setTimeout> | undefined;

  const read = (): void => {
    const result = parseHash(location.hash, context);
    // Defaults are not written, so a hash without `map=` means the default view: always move.
    store.restore(result.state, { moveCamera: true, viewFromLink: result.hasView });
    // …and a comparison without `map=` or `sel=` frames every compared place.
    const targets = result.state.sel !== null ? [result.state.sel] : result.state.cmp;
    const frame = result.hasView ? undefined : unionOf(targets.map(boundsOf));
    if (frame !== undefined) store.fitBounds(frame, false);
    if (result.ignored.length > 0) store.notify('warning', ignoredText(result.ignored.join(', ')));
    written = serializeHash(store.snapshot());
    // Canonicalise a damaged or non-canonical link in place, without a new history entry.
    if (written !== location.hash)
      history.replaceState(history.state, '', written === '' ? location.pathname + location.search : written);
  };

  const write = (): void => {
    pending = undefined;
    const next = serializeHash(store.snapshot());
    if (next === written) return;
    const url = next === '' ? location.pathname + location.search : next;
    if (hashWithoutView(next) === hashWithoutView(written)) history.replaceState(history.state, '', url);
    else history.pushState(null, '', url);
    written = next;
  };

  read();

  const onNavigate = (): void => {
    if (location.hash === written) return;
    if (pending !== undefined) clearTimeout(pending);
    pending = undefined;
    read();
  };
  window.addEventListener('hashchange', onNavigate);
  window.addEventListener('popstate', onNavigate);

  const stop = $effect.root(() => {
    $effect(() => {
      const next = serializeHash(store.snapshot());
      if (next === written) return;
      const discrete = hashWithoutView(next) !== hashWithoutView(written);
      if (pending !== undefined) clearTimeout(pending);
      // Discrete steps are written at once so Back always has them; pans wait for the throttle.
      if (discrete) write();
      else pending = setTimeout(write, REPLACE_INTERVAL_MS);
    });
  });

  return () => {
    stop();
    if (pending !== undefined) clearTimeout(pending);
    window.removeEventListener('hashchange', onNavigate);
    window.removeEventListener('popstate', onNavigate);
  };
}
