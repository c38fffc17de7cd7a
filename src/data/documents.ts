/** The five source documents every figure cites (../shared/seeds/README.md), by file-name stem. */
import type { DocStem } from '../../geo/schema.ts';

export interface SourceDocument {
  stem: DocStem;
  title: string;
  author?: string;
  outlet: string;
  outlet_en: string;
  date: string;
}

export const DOCUMENTS: Record<DocStem, SourceDocument> = {
  '000_cadb55420808a2ac': {
    stem: '000_cadb55420808a2ac',
    title: '临汾市推动高质量发展全面提质提速的创新实践',
    author: '亢思潮、卫亚波',
    outlet: '临汾新闻网',
    outlet_en: 'Linfen News',
    date: '2024-06-13',
  },
  '001_7232872bc61b35c8': {
    stem: '001_7232872bc61b35c8',
    title: '高质量发展全面提质提速的“临汾密码”',
    author: '正言轩',
    outlet: '临汾新闻网',
    outlet_en: 'Linfen News',
    date: '2025-01-06',
  },
  '002_6d35c5f44c2fc320': {
    stem: '002_6d35c5f44c2fc320',
    title: '用好“他山之玉” 奋力赶超创新——我市组团赴西安杨凌武汉学习考察大家谈（二）',
    outlet: '运城日报',
    outlet_en: 'Yuncheng city newspaper',
    date: '2023-08',
  },
  '003_b67cc1c0beddea5c': {
    stem: '003_b67cc1c0beddea5c',
    title: '2020年经济工作总体思路（临汾经济开发区）',
    outlet: '临汾日报',
    outlet_en: 'Linfen city newspaper',
    date: '2020',
  },
  '004_5db95c285ec6e824': {
    stem: '004_5db95c285ec6e824',
    title: '不断强化“四个聚焦” 加快推进“三强一化”',
    author: '秦国文',
    outlet: '红星网',
    outlet_en: 'Hongxing Net',
    date: '2022-07-12',
  },
};
