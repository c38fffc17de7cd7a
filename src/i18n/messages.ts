/** Every string of the interface, in Chinese and English; data names come from the data. */
import type { ParkKind } from '../../geo/schema.ts';
import type { Lang, LayerId, PlaceType } from '../state/app-types.ts';

export const MESSAGES = {
  zh: {
    appName: '板块',
    appTagline: '区域发展布局地图',
    otherLanguage: 'English',
    switchLanguage: 'Switch to English',
    layersTitle: '图层',
    legendTitle: '图例',
    regionsTitle: '区域',
    searchLabel: '搜索地点',
    searchPlaceholder: '县、板块、园区、河流……',
    searchNoResults: '没有匹配的地点',
    mapLabel: '地图',
    noWebgl: '此浏览器无法显示地图（WebGL 不可用）。面板、搜索和表格仍可使用。',
    dataFailed: (file: string) => `数据文件 ${file} 加载失败，其他图层不受影响。`,
    dataRefused: (file: string, why: string) => `数据文件 ${file} 已拒绝：${why}`,
    urlIgnored: (keys: string) => `链接中的部分内容无效，已忽略：${keys}`,
    dismiss: '关闭',
    features: (n: string) => `${n} 个要素`,
    approximate: '大致位置',
    exact: '确切位置',
    attributionSources: '数据来源',
  },
  en: {
    appName: 'Bankuai',
    appTagline: 'Regional development layouts',
    otherLanguage: '中文',
    switchLanguage: '切换到中文',
    layersTitle: 'Layers',
    legendTitle: 'Legend',
    regionsTitle: 'Regions',
    searchLabel: 'Search places',
    searchPlaceholder: 'County, sector, park, river…',
    searchNoResults: 'No matching place',
    mapLabel: 'Map',
    noWebgl: 'This browser cannot show the map (WebGL is unavailable). The panel, search and table still work.',
    dataFailed: (file: string) => `The data file ${file} failed to load; the other layers still work.`,
    dataRefused: (file: string, why: string) => `The data file ${file} was refused: ${why}`,
    urlIgnored: (keys: string) => `Parts of the link were invalid and ignored: ${keys}`,
    dismiss: 'Dismiss',
    features: (n: string) => `${n} features`,
    approximate: 'approximate location',
    exact: 'exact location',
    attributionSources: 'Data sources',
  },
} as const;

export type Messages = (typeof MESSAGES)[Lang];

export const LAYER_NAMES: Record<LayerId, Record<Lang, string>> = {
  sectors: { zh: '临汾三大板块', en: "Linfen's three sectors" },
  counties: { zh: '县（市、区）', en: 'Counties and districts' },
  parks: { zh: '园区与开发区', en: 'Parks and development zones' },
  rivers: { zh: '河流', en: 'Rivers' },
  labels: { zh: '地名标注', en: 'Place labels' },
};

export const PLACE_TYPE_NAMES: Record<PlaceType, Record<Lang, string>> = {
  city: { zh: '地级市', en: 'Prefecture-level city' },
  sector: { zh: '板块', en: 'Sector' },
  county: { zh: '县（市、区）', en: 'County or district' },
  park: { zh: '园区', en: 'Park or zone' },
  river: { zh: '河流', en: 'River' },
};

export const PARK_KIND_NAMES: Record<ParkKind, Record<Lang, string>> = {
  'development-zone': { zh: '经济开发区', en: 'Development zone' },
  'high-tech-zone': { zh: '高新技术产业开发区', en: 'High-tech zone' },
  'industrial-park': { zh: '工业园区', en: 'Industrial park' },
  'digital-industry-park': { zh: '数字产业园', en: 'Digital industry park' },
  'bonded-zone': { zh: '综合保税区', en: 'Bonded zone' },
  'logistics-park': { zh: '物流园区', en: 'Logistics park' },
  'industry-town': { zh: '产业小镇', en: 'Industry town' },
};
