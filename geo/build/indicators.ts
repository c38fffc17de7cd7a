import { area as turfArea } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { PlanCheck } from '../model/plan';
import { GEOMETRY_SOURCE, type Indicator, type PlanSummary } from '../schema';
import type { LoadedPlan } from './plans';

type AreaFeature = Feature<Polygon | MultiPolygon, { code: string; name: string; prefecture: string }>;
type Unit = AreaFeature['properties'];

const round1 = (x: number) => Math.round(x * 10) / 10;
const km2 = (f: Feature<Polygon | MultiPolygon>) => turfArea(f) / 1e6;

const GEOM_SOURCE = { doc: GEOMETRY_SOURCE, section: 'county polygons' } as const;
/** Computed records describe the boundaries as they are now, in both languages. */
const PERIOD = '现行边界';
const PERIOD_EN = 'current boundaries';
const AREA_METHOD_ZH = '按全精度县界多边形以turf计算的球面面积（WGS 84），平方公里，保留1位小数';
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
  };
  if (r.period_en !== undefined) o.period_en = r.period_en;
  if (r.period_inferred !== undefined) o.period_inferred = r.period_inferred;
  o.source = { doc: r.source.doc, section: r.source.section };
  if (r.printed !== undefined) o.printed = r.printed;
  if (r.where !== undefined) o.where = { section: r.where.section, paragraph: r.where.paragraph };
  if (r.note !== undefined) o.note = r.note;
  if (r.note_en !== undefined) o.note_en = r.note_en;
  if (r.rank_of !== undefined) o.rank_of = r.rank_of;
  if (r.computed !== undefined) o.computed = { value: r.computed.value, method: r.computed.method };
  if (r.computed_only !== undefined) o.computed_only = r.computed_only;
  return o as Indicator;
}

export type CheckReport = { id: string; stated: unknown; computed: number };

/** The units a check's `part` names, and how a method sentence names them. */
function partOf(part: string, units: Unit[], sectorOf: Map<string, string | null>): { units: Unit[]; what: string } {
  if (part === 'all') return { units, what: 'county-level units' };
  if (part === 'counties')
    return { units: units.filter((u) => !u.name.endsWith('区')), what: 'counties and county-level cities' };
  if (part === 'districts') return { units: units.filter((u) => u.name.endsWith('区')), what: 'districts (区)' };
  const id = part.slice('sector:'.length);
  return { units: units.filter((u) => sectorOf.get(u.code) === id), what: `members of sector ${id}` };
}

/** One stated figure the geometry can check: its computed value and how it was computed. */
function computeCheck(
  c: PlanCheck,
  plan: LoadedPlan,
  city: PlanSummary,
  units: Unit[],
  areaOf: Map<string, number>,
  sectorOf: Map<string, string | null>,
  residents: (code: string) => number | null,
): { value: number; method: string } {
  const part = partOf(c.part ?? 'all', units, sectorOf);
  const names = part.units.map((u) => u.name).join('、');
  switch (c.measure) {
    case 'land-share': {
      const sum = (list: Unit[]) => list.reduce((s, u) => s + areaOf.get(u.code)!, 0);
      return {
        value: round1((100 * sum(part.units)) / sum(units)),
        method: `Area of ${city.name_en}'s ${part.units.length} ${part.what} (${names}) over the area of all ${units.length} county-level units; turf area of the full-detail polygons, 1 decimal`,
      };
    }
    case 'unit-count':
      return {
        value: part.units.length,
        method:
          c.part === 'counties'
            ? `Number of ${city.name_en}'s county-level units not named 区 (counties and county-level cities) in counties.geojson`
            : c.part === 'districts'
              ? `Number of ${city.name_en}'s units named 区 (districts) in counties.geojson`
              : `Number of ${city.name_en}'s county-level polygons in counties.geojson`,
      };
    case 'sector-count':
      return { value: plan.sectors.length, method: 'Number of sectors in sectors.geojson' };
    case 'resident-share': {
      // Over the city's own census row, which includes the functional zones the census reports
      // apart from any county: the city's published total.
      const whole = residents(plan.city);
      const counts = part.units.map((u) => residents(u.code));
      if (whole === null || counts.some((n) => n === null))
        throw new Error(`${plan.file}: check "${c.figure}": the census has no residents for some unit`);
      const sum = counts.reduce<number>((a, b) => a + b!, 0);
      return {
        value: round1((100 * sum) / whole),
        method: `2020 census residents of ${city.name_en}'s ${part.units.length} ${part.what}, ${sum}, over the city's own row, ${whole} (zones included); 1 decimal`,
      };
    }
  }
}

/**
 * The plans' figures plus the figures the build computes from the full-detail county polygons
 * (areas, land shares) and from the membership lists (member counts). Stated figures a plan
 * marks as checkable get a `computed` value beside them.
 */
export function buildIndicators(
  plans: LoadedPlan[],
  counties: AreaFeature[],
  cities: PlanSummary[],
  residents: (code: string) => number | null = () => null,
): { records: Indicator[]; checks: CheckReport[] } {
  const hand = plans.flatMap((p) => p.figures.map(orderIndicator));
  const areaOf = new Map(counties.map((c) => [c.properties.code, km2(c)]));
  const cityArea = new Map(cities.map((c) => [c.city, c.counties.reduce((s, k) => s + (areaOf.get(k) ?? 0), 0)]));
  const computed: Indicator[] = [];
  for (const c of cities) {
    computed.push({
      id: `city-${c.city}-area-computed`,
      subject: `city:${c.city}`,
      label: '辖区面积(按县界计算)',
      label_en: 'Land area (computed from county boundaries)',
      value: round1(cityArea.get(c.city)!),
      unit: 'km²',
      period: PERIOD,
      period_en: PERIOD_EN,
      source: GEOM_SOURCE,
      note: `${c.counties.length}个县级单位面积之和；${AREA_METHOD_ZH}。`,
      note_en: `Sum of its ${c.counties.length} county-level units; ${AREA_METHOD}.`,
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
      period_en: PERIOD_EN,
      source: GEOM_SOURCE,
      note: `${AREA_METHOD_ZH}。`,
      note_en: `${AREA_METHOD}.`,
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
      period_en: PERIOD_EN,
      source: GEOM_SOURCE,
      note: '本县面积除以全市所有县级单位面积之和，保留1位小数。',
      note_en: 'County area over the sum of the areas of all county-level units of its city, 1 decimal.',
      computed_only: true,
    });
  }
  for (const city of cities)
    for (const s of city.sectors) {
      const a = s.counties.reduce((t, k) => t + areaOf.get(k)!, 0);
      computed.push({
        id: `sector-${s.id}-area`,
        subject: `sector:${s.id}`,
        label: '面积(按县界计算)',
        label_en: 'Area (computed from county boundaries)',
        value: round1(a),
        unit: 'km²',
        period: PERIOD,
        period_en: PERIOD_EN,
        source: GEOM_SOURCE,
        note: `各成员县面积之和；${AREA_METHOD_ZH}。`,
        note_en: `Sum of its member counties; ${AREA_METHOD}.`,
        computed_only: true,
      });
      computed.push({
        id: `sector-${s.id}-land-share`,
        subject: `sector:${s.id}`,
        label: '占全市面积比重(按县界计算)',
        label_en: `Share of ${city.name_en}'s land area (computed)`,
        value: round1((100 * a) / cityArea.get(city.city)!),
        unit: '%',
        period: PERIOD,
        period_en: PERIOD_EN,
        source: GEOM_SOURCE,
        note: `板块面积除以${city.name}${city.counties.length}个县级单位面积之和，保留1位小数。`,
        note_en: `Sector area over the sum of ${city.name_en}'s ${city.counties.length} county-level units, 1 decimal.`,
        computed_only: true,
      });
      computed.push({
        id: `sector-${s.id}-county-count`,
        subject: `sector:${s.id}`,
        label: '所辖县(市、区)数(按成员名单)',
        label_en: 'Member counties (from the membership list)',
        value: s.counties.length,
        unit: 'count',
        period: PERIOD,
        period_en: PERIOD_EN,
        source: { doc: GEOMETRY_SOURCE, section: 'sector membership list (plan file)' },
        note: '按规划文件中的成员名单计数，板块多边形也由同一名单合并而成。',
        note_en: "Counted from the plan's membership list, the same list the sector polygon is dissolved from.",
        computed_only: true,
      });
    }
  computed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Stated figures the geometry can check, as each plan lists them.
  const sectorOf = new Map(
    counties.map((f) => [f.properties.code, (f.properties as { sector?: string | null }).sector ?? null]),
  );
  const checks: CheckReport[] = [];
  for (const plan of plans) {
    const city = cities.find((c) => c.city === plan.city)!;
    const units = counties.filter((f) => f.properties.prefecture === plan.city).map((f) => f.properties);
    for (const c of plan.checks) {
      const r = hand.find((h) => h.id === c.figure)!;
      const { value, method } = computeCheck(c, plan, city, units, areaOf, sectorOf, residents);
      checks.push({ id: c.figure, stated: r.value, computed: value });
      r.computed = { value, method };
    }
  }
  const clash = computed.find((c) => hand.some((h) => h.id === c.id));
  if (clash) throw new Error(`plans: figure "${clash.id}": id is reserved for a computed record`);
  return { records: [...hand.map(orderIndicator), ...computed.map(orderIndicator)], checks };
}
