/** The two languages every string the app shows comes in. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in both languages, as data carries it. */
export interface Bilingual {
  zh: string;
  en: string;
}
