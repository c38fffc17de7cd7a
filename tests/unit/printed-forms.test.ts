/**
 * Every hand-kept figure as its document states it (issue 14): its printed form is in the cited
 * paragraph of the document (converted to simplified with the same converter), its comparator,
 * number and unit agree with that form, and a period the cited section does not print is marked
 * as inferred. Reads the documents from ../shared/seeds beside the repository.
 */
import { describe, expect, it } from 'vitest';
import {
  citedParagraph,
  disagreement,
  lines,
  printedIn,
  readPrinted,
  sectionParagraphs,
  toSimplified,
  yearsIn,
} from '../../geo/build/printed-form.ts';
import { PlanSchema, type Plan } from '../../geo/model/plan.ts';
import { parseIndicators } from '../../geo/schema.ts';
import indicatorsJson from '../../geo/indicators.json';
import * as v from 'valibot';

// ../shared/seeds from the repository's root: CI has shared/ beside the repository.
const SEEDS = import.meta.glob<string>('../../../shared/seeds/*.clean.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const PLAN_FILES = import.meta.glob<unknown>('../../geo/plans/*.json', { import: 'default', eager: true });
const plans: Plan[] = Object.keys(PLAN_FILES)
  .sort()
  .map((path) => v.parse(PlanSchema, PLAN_FILES[path]));

const texts = new Map<string, string>();
function documentText(stem: string): string {
  let t = texts.get(stem);
  if (t === undefined) {
    const raw = SEEDS[`../../../shared/seeds/${stem}.clean.txt`];
    if (raw === undefined) throw new Error(`no ../shared/seeds/${stem}.clean.txt beside the repository`);
    t = toSimplified(raw);
    texts.set(stem, t);
  }
  return t;
}

describe('reading printed forms', () => {
  it.each([
    ['近300吨', 'about', [300], '吨'],
    ['60%以上', 'gte', [60], '%'],
    ['87.43亿元', 'eq', [87.43], '亿元'],
    ['突破100亿元', 'gt', [100], '亿元'],
    ['20余条', 'gt', [20], '条'],
    ['23.2万余名', 'gt', [23.2], '万名'],
    ['2万元以上', 'gte', [2], '万元'],
    ['下降1.3个百分点', 'eq', [-1.3], '个百分点'],
    ['1-2个', 'range', [1, 2], '个'],
    ['六年', 'eq', [6], '年'],
    ['十大', 'eq', [10], '大'],
    ['300吨左右', 'about', [300], '吨'],
    ['不到5万元', 'lt', [5], '万元'],
    ['超过300亿元', 'gt', [300], '亿元'],
    ['10亿元以下', 'lte', [10], '亿元'],
    ['约3.5%', 'about', [3.5], '%'],
  ])('%s', (printed, comparator, numbers, unitWords) => {
    expect(readPrinted(printed)).toMatchObject({ comparator, numbers, unitWords });
  });

  it('finds disagreements of comparator, number and unit', () => {
    expect(disagreement({ value: { about: 300 }, unit: '吨', printed: '近300吨' })).toBeUndefined();
    expect(disagreement({ value: { lt: 0.03 }, unit: '万吨', printed: '近300吨' })).toMatch(/about/);
    expect(disagreement({ value: { gt: 60 }, unit: '%', printed: '60%以上' })).toMatch(/gte/);
    expect(disagreement({ value: 60, unit: '亿元', printed: '60%' })).toMatch(/unit words/);
    expect(disagreement({ value: 61, unit: '%', printed: '60%' })).toMatch(/reads as 60/);
    expect(disagreement({ value: { gt: 11300 }, unit: 'count', printed: '1.13万余件' })).toBeUndefined();
    expect(disagreement({ value: { about: 20 }, unit: 'count', printed: '20余条' })).toMatch(/reads as gt/);
    expect(disagreement({ value: 2, unit: 'rank', printed: '第二' })).toBeUndefined();
    expect(disagreement({ value: 2, unit: 'count', printed: '第二' })).toMatch(/rank/);
  });

  it('counts paragraphs per section: a heading is not a paragraph, a lead starts with its first', () => {
    const text = '标题\n\n2024-01-01 来源:某网\n\n导语第一段。\n\n一、第一节\n\n甲。\n乙。\n\n二、第二节\n丙。';
    const sections = [
      { id: '导语', line: '导语第一段', lead: true as const, name_en: 'lead' },
      { id: '一', line: '一、', name_en: 'section 1' },
      { id: '二', line: '二、', name_en: 'section 2' },
    ];
    const by = sectionParagraphs(text, sections);
    expect(by.get('导语')).toEqual(['导语第一段。']);
    expect(by.get('一')).toEqual(['甲。', '乙。']);
    expect(by.get('二')).toEqual(['丙。']);
    expect(citedParagraph(text, sections, { section: '一', paragraph: 3 })).toMatchObject({ ok: false });
    expect(lines(text)).toHaveLength(8);
  });
});

describe('every hand-kept figure against its document', () => {
  it('finds the documents beside the repository (../shared/seeds)', () => {
    expect(Object.keys(SEEDS).length).toBeGreaterThanOrEqual(5);
  });

  for (const plan of plans) {
    const docs = new Map(plan.documents.map((d) => [d.stem, d]));
    describe(`plan ${plan.city}`, () => {
      it('lists each document with a short title and sections found in order', () => {
        for (const d of plan.documents) {
          expect(d.short_title, d.stem).toBeTruthy();
          expect(d.short_title_en, d.stem).toBeTruthy();
          expect(d.sections?.length, d.stem).toBeGreaterThan(0);
          expect(() => sectionParagraphs(documentText(d.stem), d.sections!), d.stem).not.toThrow();
        }
      });

      for (const f of plan.figures) {
        it(f.id, () => {
          expect(f.printed, 'printed').toBeDefined();
          expect(f.where, 'where').toBeDefined();
          expect(f.period_en, 'period_en').toBeDefined();
          const printed = f.printed!;
          expect(toSimplified(printed), 'printed in simplified characters').toBe(printed);
          expect(f.source.section, 'source.section is where.section').toBe(f.where!.section);
          const doc = docs.get(f.source.doc)!;
          const text = documentText(doc.stem);
          const cited = citedParagraph(text, doc.sections!, f.where!);
          if (!cited.ok) throw new Error(cited.error);
          expect(printedIn(printed, cited.text), `"${printed}" in ${f.where!.section} ¶${f.where!.paragraph}`).toBe(
            true,
          );
          expect(disagreement({ value: f.value, unit: f.unit, printed })).toBeUndefined();
          // A year the cited section (or the document's title line) does not print is ours.
          const printedText = [lines(text)[0]!, ...cited.section].join('\n');
          const unprinted = [...yearsIn(f.period), ...yearsIn(f.period_en ?? '')].filter(
            (y) => !printedText.includes(y),
          );
          if (unprinted.length > 0)
            expect(f.period_inferred, `period ${f.period}: ${unprinted[0]} not printed`).toBe(true);
          if (f.period_inferred === true) {
            expect(f.note, 'the reasoning of an inferred period').toBeTruthy();
            expect(f.note_en, 'the reasoning of an inferred period').toBeTruthy();
          }
        });
      }
    });
  }
});

describe('the schema around printed forms and periods', () => {
  const computed = {
    id: 'county-141002-area',
    subject: 'county:141002',
    label: '面积(按县界计算)',
    label_en: 'Area (computed from the county boundary)',
    value: 1316.5,
    unit: 'km²',
    period: '现行边界',
    period_en: 'current boundaries',
    source: { doc: 'geometry', section: 'county polygons' },
    computed_only: true,
  };
  const stated = {
    id: 'x-share',
    subject: 'city:430400',
    label: '占比',
    label_en: 'Share',
    value: 95.4,
    unit: '%',
    period: '年份未注明',
    period_en: 'year not stated',
    period_inferred: true,
    source: { doc: '004_5db95c285ec6e824', section: '导语' },
    printed: '95.4%',
    where: { section: '导语', paragraph: 1 },
    note: '文中未注明年份。',
    note_en: 'No year given.',
  };

  it('accepts a computed record without a printed form and a stated one with it', () => {
    expect(parseIndicators([computed, stated]).ok).toBe(true);
  });

  it('refuses a computed record with a printed form or a place in a document', () => {
    expect(parseIndicators([{ ...computed, printed: '1316.5平方公里' }]).ok).toBe(false);
    expect(parseIndicators([{ ...computed, where: { section: '导语', paragraph: 1 } }]).ok).toBe(false);
  });

  it('refuses a period "not stated" that is not marked inferred, and an inferred one without its reasoning', () => {
    expect(parseIndicators([{ ...stated, period_inferred: undefined }]).ok).toBe(false);
    expect(parseIndicators([{ ...stated, note_en: undefined }]).ok).toBe(false);
  });

  it('gives every record in indicators.json its period in both languages, and computed ones no printed form', () => {
    const records = indicatorsJson as Record<string, unknown>[];
    expect(records.filter((r) => typeof r.period_en !== 'string').map((r) => r.id)).toEqual([]);
    expect(records.filter((r) => r.computed_only === true && 'printed' in r)).toEqual([]);
    const fromDocument = (r: Record<string, unknown>) => /^\d{3}_/.test((r.source as { doc: string }).doc);
    expect(records.filter((r) => fromDocument(r) && !('printed' in r)).map((r) => r.id)).toEqual([]);
  });
});
