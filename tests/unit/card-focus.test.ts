import { describe, expect, it } from 'vitest';
import { nextOrigin } from '../../src/ui/card-focus.ts';

describe('nextOrigin', () => {
  it.each<[string, { element: string; inCard: boolean } | null, string | null, string | null]>([
    ['a selection from the search box comes from there', { element: 'search', inCard: false }, null, 'search'],
    ['a table row replaces an older origin', { element: 'row', inCard: false }, 'search', 'row'],
    ['a link inside the card keeps the origin it had', { element: 'card-link', inCard: true }, 'search', 'search'],
    ['a link inside the card with no origin yet leaves none', { element: 'card-link', inCard: true }, null, null],
    ['nothing pressed yet keeps the origin', null, 'map', 'map'],
    ['a click on the map comes from the map', { element: 'map', inCard: false }, 'row', 'map'],
  ])('%s', (_name, last, previous, expected) => {
    expect(nextOrigin(last, previous)).toBe(expected);
  });
});
