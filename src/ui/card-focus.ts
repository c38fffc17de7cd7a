/**
 * Where focus goes around the place card: a new selection moves focus to the card's heading (so a
 * screen reader announces it), and closing the card gives focus back to where the selection came
 * from: the search box, a table row, a link or the map. A link inside the card keeps the origin it
 * had, so following links from card to card and then pressing Escape still goes back there.
 */

/** Pure: the origin after a new selection, given what had focus (or was pressed) last. */
export function nextOrigin<T>(last: { element: T; inCard: boolean } | null, previous: T | null): T | null {
  if (last === null || last.inCard) return previous;
  return last.element;
}

const CARD = '[data-place-card]';
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

let last: { element: HTMLElement; inCard: boolean } | null = null;
let origin: HTMLElement | null = null;

function note(target: EventTarget | null): void {
  if (!(target instanceof Element)) return;
  const element = target.closest<HTMLElement>(FOCUSABLE);
  if (element !== null) last = { element, inCard: element.closest(CARD) !== null };
}

/** Follows focus and presses (a click on the map canvas counts as coming from the map). */
export function trackFocus(): () => void {
  const onFocus = (event: FocusEvent): void => note(event.target);
  const onPress = (event: PointerEvent): void => note(event.target);
  document.addEventListener('focusin', onFocus, true);
  document.addEventListener('pointerdown', onPress, true);
  return () => {
    document.removeEventListener('focusin', onFocus, true);
    document.removeEventListener('pointerdown', onPress, true);
  };
}

/**
 * A card now shows a new place: remember where it came from and move focus to its heading. A card
 * opened by the link the page loaded with takes no focus, since the person has not acted yet.
 */
export function cardOpened(heading: HTMLElement): void {
  if (last === null) return;
  origin = nextOrigin(last, origin);
  // In a popup the map pans the card into view itself; in the panel the browser may scroll to it.
  heading.focus({ preventScroll: heading.closest('.maplibregl-popup') !== null });
}

/** The card has closed: focus goes back to its origin, or to the map when that is gone. */
export function returnFocus(): void {
  const target = origin?.isConnected === true ? origin : document.querySelector<HTMLElement>('.maplibregl-canvas');
  origin = null;
  target?.focus({ preventScroll: true });
}

/** Closes the card (the store's intent) and gives focus back. */
export function closeCard(store: { select(key: null): void }): void {
  store.select(null);
  returnFocus();
}

/**
 * Escape closes the card when focus is in it, on the map, or nowhere; elsewhere (the search box,
 * say) Escape belongs to that control.
 */
export function escapeClosesCard(event: KeyboardEvent): boolean {
  if (event.key !== 'Escape' || event.defaultPrevented) return false;
  const target = event.target;
  if (!(target instanceof Element) || target === document.body || target === document.documentElement) return true;
  return target.closest(`${CARD}, .maplibregl-popup, .maplibregl-canvas`) !== null;
}
