import { pinyin } from 'pinyin-pro';

/**
 * English names: pinyin of the name without its suffix, joined and capitalised, plus an English
 * suffix (区 District, 县 County, 市 City). pinyin-pro reads a few place names with the common
 * reading of a polyphone; these overrides use the official romanisation.
 */
export const PINYIN_OVERRIDES: Record<string, string> = {
  尧都: 'Yaodu', // pinyin-pro: yaodou (都 is dū in place names)
  洪洞: 'Hongtong', // pinyin-pro: hongdong (local and official reading Hóngtóng)
};

const SUFFIX: [string, string][] = [
  ['区', 'District'],
  ['县', 'County'],
  ['市', 'City'],
];

export function stemPinyin(stem: string): string {
  const o = PINYIN_OVERRIDES[stem];
  if (o) return o;
  const syl = pinyin(stem, { toneType: 'none', type: 'array', v: true }) as string[];
  let s = '';
  for (const [i, y] of syl.entries()) {
    // Apostrophe before a syllable starting with a, o, e (Xi'an); none occurs here, kept for safety.
    if (i > 0 && /^[aoe]/.test(y)) s += "'";
    s += y;
  }
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function countyNameEn(name: string): string {
  for (const [zh, en] of SUFFIX) {
    if (name.endsWith(zh) && name.length > 1) return `${stemPinyin(name.slice(0, -1))} ${en}`;
  }
  return stemPinyin(name);
}

/** 临汾市 → Linfen (the city's own name in English, without "City"). */
export function cityNameEn(name: string): string {
  return stemPinyin(name.endsWith('市') ? name.slice(0, -1) : name);
}
