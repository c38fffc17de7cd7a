import { area as turfArea } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { GEOMETRY_SOURCE, parseIndicators, type City, type Indicator, type SectorId } from '../schema';

type AreaFeature = Feature<Polygon | MultiPolygon, { code: string; name: string; prefecture: string }>;

const round1 = (x: number) => Math.round(x * 10) / 10;
const km2 = (f: Feature<Polygon | MultiPolygon>) => turfArea(f) / 1e6;

const GEOM_SOURCE = { doc: GEOMETRY_SOURCE, section: 'county polygons' } as const;
const PERIOD = 'current boundaries';
const AREA_METHOD = 'turf area (spherical, WGS 84) of the full-detail county polygons, km², 1 decimal';

/** Stable key order for every record written. */
export function orderIndicator(r: Indicator): Indicator {
  const o: Record<string, unknown> = {
    id: r.id,
    subject: r.subject,
    label: r.label,
    label_en: r.label_en,
    value: r.value,
    unit: r.unit,
    period: r.period,
    source: { doc: r.source.doc, section: r.source.section },
  };
  if (r.note !== undefined) o.note = r.note;
  if (r.rank_of !== undefined) o.rank_of = r.rank_of;
  if (r.computed !== undefined) o.computed = { value: r.computed.value, method: r.computed.method };
  if (r.computed_only !== undefined) o.computed_only = r.computed_only;
  return o as Indicator;
}

export type CheckReport = { id: string; stated: unknown; computed: number; found: boolean };

/**
 * The hand-kept indicators plus the figures the build computes from the full-detail county
 * polygons (areas, land shares, member counts). Stated figures the geometry can check get a
 * `computed` value beside them.
 */
export function buildIndicators(
  handJson: unknown,
  handFile: string,
  counties: AreaFeature[],
  cities: City[],
  sectors: { id: SectorId; name: string; counties: string[] }[],
): { records: Indicator[]; checks: CheckReport[] } {
  const parsed = parseIndicators(handJson, handFile);
  if (!parsed.ok) throw new Error(parsed.error);
  for (const r of parsed.data) {
    if (r.computed_only || r.computed)
      throw new Error(`${handFile}: indicator "${r.id}": computed fields are the build's, not the hand-kept file's`);
  }
  const hand = parsed.data.map(orderIndicator);
  const areaOf = new Map(counties.map((c) => [c.properties.code, km2(c)]));
  const cityArea = new Map(cities.map((c) => [c.code, c.counties.reduce((s, k) => s + (areaOf.get(k) ?? 0), 0)]));
  const computed: Indicator[] = [];
  for (const c of cities) {
    computed.push({
      id: `city-${c.code}-area-computed`,
      subject: `city:${c.code}`,
      label: '辖区面积(按县界计算)',
      label_en: 'Land area (computed from county boundaries)',
      value: round1(cityArea.get(c.code)!),
      unit: 'km²',
      period: PERIOD,
      source: GEOM_SOURCE,
      note: `Sum of its ${c.counties.length} county-level units; ${AREA_METHOD}.`,
      computed_only: true,
    });
  }
  for (const f of counties) {
    const code = f.properties.code;
    const a = areaOf.get(code)!;
    computed.push({
      id: `county-${code}-area`,
      subject: `county:${code}`,
      label: '面积(按县界计算)',
      label_en: 'Area (computed from the county boundary)',
      value: round1(a),
      unit: 'km²',
      period: PERIOD,
      source: GEOM_SOURCE,
      note: `${AREA_METHOD}.`,
      computed_only: true,
    });
    computed.push({
      id: `county-${code}-city-land-share`,
      subject: `county:${code}`,
      label: '占全市面积比重(按县界计算)',
      label_en: "Share of the city's land area (computed)",
      value: round1((100 * a) / cityArea.get(f.properties.prefecture)!),
      unit: '%',
      period: PERIOD,
      source: GEOM_SOURCE,
      note: 'County area over the sum of the areas of all county-level units of its city, 1 decimal.',
      computed_only: true,
    });
  }
  for (const s of sectors) {
    const a = s.counties.reduce((t, k) => t + areaOf.get(k)!, 0);
    computed.push({
      id: `sector-${s.id}-area`,
      subject: `sector:${s.id}`,
      label: '面积(按县界计算)',
      label_en: 'Area (computed from county boundaries)',
      value: round1(a),
      unit: 'km²',
      period: PERIOD,
      source: GEOM_SOURCE,
      note: `Sum of its member counties; ${AREA_METHOD}.`,
      computed_only: true,
    });
    computed.push({
      id: `sector-${s.id}-land-share`,
      subject: `sector:${s.id}`,
      label: '占全市面积比重(按县界计算)',
      label_en: "Share of Linfen's land area (computed)",
      value: round1((100 * a) / cityArea.get('141000')!),
      unit: '%',
      period: PERIOD,
      source: GEOM_SOURCE,
      note: "Sector area over the sum of Linfen's 17 county-level units, 1 decimal.",
      computed_only: true,
    });
    computed.push({
      id: `sector-${s.id}-county-count`,
      subject: `sector:${s.id}`,
      label: '所辖县(市、区)数',
      label_en: 'Member counties',
      value: s.counties.length,
      unit: 'count',
      period: PERIOD,
      source: { doc: GEOMETRY_SOURCE, section: 'sector membership (geo/sources/sectors.json)' },
      note: 'Counted from the membership table the sector polygons are dissolved from.',
      computed_only: true,
    });
  }
  computed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Stated figures the geometry can check.
  const isCountyUnit = (f: AreaFeature, pref: string, kind: 'county' | 'district') =>
    f.properties.prefecture === pref &&
    (kind === 'district' ? f.properties.name.endsWith('区') : !f.properties.name.endsWith('区'));
  const hyCounties = counties.filter((f) => isCountyUnit(f, '430400', 'county'));
  const hyLand = (100 * hyCounties.reduce((s, f) => s + areaOf.get(f.properties.code)!, 0)) / cityArea.get('430400')!;
  const CHECKS: { id: string; value: number; method: string }[] = [
    {
      id: 'hengyang-county-land-share',
      value: round1(hyLand),
      method: `Area of Hengyang's 7 counties and county-level cities (${hyCounties.map((f) => f.properties.name).join('、')}) over the area of all 12 county-level units; turf area of the full-detail polygons, 1 decimal`,
    },
    {
      id: 'linfen-county-count',
      value: counties.filter((f) => f.properties.prefecture === '141000').length,
      method: "Number of Linfen's county-level polygons in counties.geojson",
    },
    {
      id: 'hengyang-county-count',
      value: hyCounties.length,
      method:
        "Number of Hengyang's county-level units not named 区 (counties and county-level cities) in counties.geojson",
    },
    {
      id: 'hengyang-district-count',
      value: counties.filter((f) => isCountyUnit(f, '430400', 'district')).length,
      method: "Number of Hengyang's units named 区 (districts) in counties.geojson",
    },
    {
      id: 'linfen-sector-count',
      value: sectors.length,
      method: 'Number of sectors in sectors.geojson',
    },
  ];
  const checks: CheckReport[] = [];
  for (const c of CHECKS) {
    const r = hand.find((h) => h.id === c.id);
    checks.push({ id: c.id, stated: r?.value, computed: c.value, found: !!r });
    if (r) r.computed = { value: c.value, method: c.method };
  }
  const clash = computed.find((c) => hand.some((h) => h.id === c.id));
  if (clash) throw new Error(`${handFile}: indicator "${clash.id}": id is reserved for a computed record`);
  return { records: [...hand.map(orderIndicator), ...computed.map(orderIndicator)], checks };
}
