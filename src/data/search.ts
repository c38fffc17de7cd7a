/**
 * Place search by Chinese name, pinyin or English: `洪洞`, `hongtong`, `Hongtong County`.
 * English names are built from pinyin, so folding case, tone marks and spaces makes pinyin match
 * them and the app needs no pinyin converter of its own.
 */
import { TYPE_ORDER } from '../../geo/model/kinds.ts';
import type { PlaceKey } from '../../geo/model/place-key.ts';
import type { Registry } from './places.ts';

export interface SearchHit {
  key: PlaceKey;
  score: number;
}

/** Lower case, no tone marks (ǎ → a, ü → u), no spaces or punctuation. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

function scoreOf(query: string, name: string): number {
  const folded = fold(name);
  if (folded === query) return 0;
  if (folded.startsWith(query)) return 1;
  if (folded.includes(query)) return 2;
  return Number.POSITIVE_INFINITY;
}

export function searchPlaces(registry: Registry, text: string, limit = 8): SearchHit[] {
  const query = fold(text.slice(0, 100));
  if (query === '') return [];
  const hits: SearchHit[] = [];
  for (const place of registry.places.values()) {
    const score = Math.min(scoreOf(query, place.name), scoreOf(query, place.name_en));
    if (Number.isFinite(score)) hits.push({ key: place.key, score });
  }
  return hits
    .sort((a, b) => {
      if (a.score !== b.score) return a.score - b.score;
      const ta = TYPE_ORDER[registry.get(a.key)?.type ?? 'river'];
      const tb = TYPE_ORDER[registry.get(b.key)?.type ?? 'river'];
      return ta !== tb ? ta - tb : a.key.localeCompare(b.key);
    })
    .slice(0, limit);
}
