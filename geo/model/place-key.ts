/**
 * `county:141002`, `sector:fen`, `park:linfen-edz`: the one way a place is named across the build,
 * the URL and the app. Build keys with placeKey(), read them with parsePlaceKey(); nothing else
 * splices or splits them.
 */
import { PLACE_TYPES, type PlaceType } from './kinds.ts';

export type PlaceKey = `${PlaceType}:${string}`;

/** The id part of each type: 6-digit codes for cities and counties, lower-case slugs otherwise. */
const ID_RE: Readonly<Record<PlaceType, RegExp>> = {
  city: /^\d{6}$/,
  county: /^\d{6}$/,
  sector: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  park: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  river: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
};

/** Longest id accepted: slugs are short; anything longer is not one of ours. */
const MAX_ID = 80;

export function isPlaceType(value: string): value is PlaceType {
  return (PLACE_TYPES as readonly string[]).includes(value);
}

export function placeKey(type: PlaceType, id: string): PlaceKey {
  return `${type}:${id}`;
}

/** The type and id of a well-formed key, or undefined (unknown type, malformed id). */
export function parsePlaceKey(text: string): { type: PlaceType; id: string } | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const type = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (!isPlaceType(type) || id.length > MAX_ID || !ID_RE[type].test(id)) return undefined;
  return { type, id };
}

/** True for a well-formed key; says nothing about whether the place exists. */
export function isPlaceKey(text: string): text is PlaceKey {
  return parsePlaceKey(text) !== undefined;
}
