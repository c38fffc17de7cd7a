/**
 * Reads every plan file (geo/plans/*.json, plus BANKUAI_EXTRA_PLANS for test fixtures), checks
 * each against the plan schema and against itself, and refuses a bad one with the file and the
 * path inside it named. What needs the county shapes (codes that exist, parks inside their
 * counties) is checked later, where the shapes are (counties.ts, parks.ts, validate.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as v from 'valibot';
import { PlanSchema, type Plan } from '../model/plan';

export type LoadedPlan = Plan & { file: string };

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');
}

/** Parses one plan's JSON; `file` names it in every message. */
export function parsePlan(json: unknown, file: string): LoadedPlan {
  const r = v.safeParse(PlanSchema, json);
  if (!r.success) {
    const issue = r.issues[0]!;
    throw new Error(`${file}: ${pathOf(issue).replace(/^\./, '') || '(top)'} ${issue.message}`);
  }
  const plan = r.output;
  const name = basename(file);
  const m = /^(\d{6})-[a-z0-9-]+\.json$/.exec(name);
  if (m && m[1] !== plan.city) throw new Error(`${file}: city ${plan.city} does not match the file name`);

  const docs = new Set(plan.documents.map((d) => d.stem));
  const cite = (doc: string, where: string) => {
    if (!docs.has(doc)) throw new Error(`${file}: ${where} cites document ${doc}, which the plan does not list`);
  };
  const ids = (list: { id: string }[], what: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) throw new Error(`${file}: ${what}[${i}].id "${x.id}" is a duplicate`);
      seen.add(x.id);
    });
  };
  ids(plan.sectors, 'sectors');
  ids(plan.parks, 'parks');
  ids(plan.figures, 'figures');
  const memberOf = new Map<string, string>();
  plan.sectors.forEach((s, i) => {
    s.counties.forEach((code, j) => {
      const other = memberOf.get(code);
      if (other !== undefined)
        throw new Error(`${file}: sectors[${i}].counties[${j}] ${code} is already a member of sector "${other}"`);
      memberOf.set(code, s.id);
    });
    const b = s.basis;
    if (b.kind === 'listed') cite(b.source.doc, `sectors[${i}].basis.source`);
    else b.rests_on.forEach((c, j) => cite(c.doc, `sectors[${i}].basis.rests_on[${j}]`));
  });
  plan.parks.forEach((p, i) => p.mentions.forEach((c, j) => cite(c.doc, `parks[${i}].mentions[${j}]`)));
  plan.figures.forEach((f, i) => {
    if (f.computed_only || f.computed)
      throw new Error(`${file}: figures[${i}] "${f.id}": computed fields are the build's, not the plan's`);
    cite(f.source.doc, `figures[${i}] "${f.id}"`);
    // A real plan's figure says how the document prints it and where (issue 14).
    if (plan.fixture !== true) {
      const missing = (['printed', 'where', 'period_en'] as const).find((k) => f[k] === undefined);
      if (missing) throw new Error(`${file}: figures[${i}] "${f.id}" has no ${missing}`);
      const doc = plan.documents.find((d) => d.stem === f.source.doc)!;
      if (!doc.sections?.some((s) => s.id === f.where!.section))
        throw new Error(
          `${file}: figures[${i}] "${f.id}": where.section "${f.where!.section}" is not a section of ${doc.stem}`,
        );
    }
  });
  const figureIds = new Set(plan.figures.map((f) => f.id));
  plan.checks.forEach((c, i) => {
    if (!figureIds.has(c.figure))
      throw new Error(`${file}: checks[${i}].figure "${c.figure}" is not a figure of the plan`);
    if (c.part?.startsWith('sector:') && !plan.sectors.some((s) => `sector:${s.id}` === c.part))
      throw new Error(`${file}: checks[${i}].part ${c.part} is not a sector of the plan`);
  });
  return { ...plan, file };
}

/** Ids must be unique across plans too: they become place keys and figure ids. */
export function checkAcross(plans: LoadedPlan[]): void {
  const seen = new Map<string, string>();
  const claim = (key: string, file: string) => {
    const other = seen.get(key);
    if (other !== undefined) throw new Error(`${file}: ${key} is also defined in ${other}`);
    seen.set(key, file);
  };
  for (const p of plans) {
    claim(`city ${p.city}`, p.file);
    for (const s of p.sectors) claim(`sector "${s.id}"`, p.file);
    for (const k of p.parks) claim(`park "${k.id}"`, p.file);
    for (const f of p.figures) claim(`figure "${f.id}"`, p.file);
  }
}

function readDir(dir: string, label: string): LoadedPlan[] {
  if (!existsSync(dir)) throw new Error(`${label}: no such folder`);
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => {
      const file = `${label}/${n}`;
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(join(dir, n), 'utf8')) as unknown;
      } catch (e) {
        throw new Error(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
      }
      return parsePlan(json, file);
    });
}

/** Every plan, in city-code order: geo/plans/ and, for tests, the folder BANKUAI_EXTRA_PLANS names. */
export function loadPlans(geoDir: string): LoadedPlan[] {
  const plans = readDir(join(geoDir, 'plans'), 'plans');
  const extra = process.env.BANKUAI_EXTRA_PLANS;
  if (extra) plans.push(...readDir(extra, extra));
  plans.sort((a, b) => a.city.localeCompare(b.city));
  checkAcross(plans);
  return plans;
}

export type AssignedSector = {
  id: string;
  city: string;
  order: number;
  name: string;
  name_en: string;
  counties: string[];
};

/**
 * Each plan's sectors with their members checked against the plan's own counties, and each
 * county's `sector` set. A member that is not a county of the plan's city fails, naming the plan
 * file and the path; a plan whose layout is `complete` must put every county in a sector.
 */
export function assignSectors(
  plans: LoadedPlan[],
  counties: { properties: { code: string; name: string; prefecture: string; sector: string | null } }[],
): AssignedSector[] {
  const byCode = new Map(counties.map((f) => [f.properties.code, f]));
  const sectors = plans.flatMap((plan) =>
    plan.sectors.map((s, i) => {
      for (const [j, code] of s.counties.entries()) {
        const f = byCode.get(code);
        if (!f || f.properties.prefecture !== plan.city)
          throw new Error(`${plan.file}: sectors[${i}].counties[${j}] ${code} is not a county of city ${plan.city}`);
        f.properties.sector = s.id;
      }
      return {
        id: s.id,
        city: plan.city,
        order: i,
        name: s.name,
        name_en: s.name_en,
        counties: [...s.counties].sort(),
      };
    }),
  );
  for (const plan of plans) {
    if (plan.layout?.complete !== true) continue;
    const unassigned = counties.filter((f) => f.properties.prefecture === plan.city && f.properties.sector === null);
    if (unassigned.length)
      throw new Error(
        `${plan.file}: layout.complete, yet counties in no sector: ${unassigned.map((f) => f.properties.name).join(', ')}`,
      );
  }
  return sectors;
}
