/**
 * The rules of a comparison list, shared by the URL codec and the store: 2–4 places of one kind
 * (counties, sectors or cities), each once, in the order they were picked. Pure.
 */
import { parsePlaceKey, type PlaceKey } from '../../geo/model/place-key.ts';
import type { PlaceType } from '../../geo/model/kinds.ts';

/** The kinds of place that can be compared: those the census and the computed areas cover. */
export const COMPARE_TYPES: readonly PlaceType[] = ['county', 'sector', 'city'];
/** A link holds at least this many: one place is a card, not a comparison. */
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;

/** Why a place cannot join a list, or 'ok'. */
export type CompareCheck = 'ok' | 'kind' | 'mixed' | 'repeated' | 'full';

export function isComparable(key: PlaceKey): boolean {
  const parsed = parsePlaceKey(key);
  return parsed !== undefined && COMPARE_TYPES.includes(parsed.type);
}

/** Whether `key` may be added to `list` (kind of place, one kind per list, once each, at most four). */
export function checkCompareAdd(list: readonly PlaceKey[], key: PlaceKey): CompareCheck {
  if (!isComparable(key)) return 'kind';
  if (list.includes(key)) return 'repeated';
  const type = parsePlaceKey(key)?.type;
  if (list.some((other) => parsePlaceKey(other)?.type !== type)) return 'mixed';
  if (list.length >= MAX_COMPARE) return 'full';
  return 'ok';
}

/** Whether a whole list is one a link may carry. */
export function isCompareList(list: readonly PlaceKey[]): boolean {
  if (list.length < MIN_COMPARE || list.length > MAX_COMPARE) return false;
  return list.every((key, i) => checkCompareAdd(list.slice(0, i), key) === 'ok');
}
