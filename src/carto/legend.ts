/**
 * The one legend model: what each visible layer's key shows, with the colours the map paints and
 * the shapes it draws. The panel legend (ui/Legend.svelte) and the PNG export (export/png.ts)
 * both draw from it, so they cannot drift apart. Pure: no DOM, no map.
 */
import type { Lang } from '../../geo/model/lang.ts';
import type { LayerId } from '../../geo/model/layers.ts';
import { GEOMETRY_SOURCE, type PlanSummary } from '../../geo/schema.ts';
import type { GeoData } from '../data/load.ts';
import { basisLine, documentName, formatValue } from '../i18n/format.ts';
import { LAYER_NAMES, MESSAGES, PARK_KIND_NAMES } from '../i18n/messages.ts';
import { CENSUS_SOURCE_ID, measureUnit, type Choropleth, type Measure } from './choropleth.ts';
import { BASE, PARK_COLOURS, sectorColour } from './palette.ts';

export interface LegendEntry {
  colour: string;
  label: string;
  /**
   * `area` is a translucent fill as the sectors are drawn; `fill` is opaque, as choropleth classes;
   * `ring` is a hollow circle, as parks at approximate locations are drawn; `cluster` a numbered disc.
   */
  shape: 'area' | 'fill' | 'outline' | 'point' | 'ring' | 'line' | 'cluster';
}

export interface LegendSection {
  id: LayerId | 'choropleth';
  title: string;
  entries: LegendEntry[];
  /** A line under the entries, e.g. the unit, period and source of a choropleth. */
  note?: string;
}

/**
 * The sectors layer's title: the layouts the plans name (临汾三大板块 …), or a plain word when no
 * plan names one.
 */
export function layerTitle(layer: LayerId, lang: Lang, plans: readonly PlanSummary[]): string {
  if (layer === 'sectors') {
    const named = plans.filter((p) => p.sectors.length > 0 && p.layout !== undefined);
    if (named.length > 0)
      return named.map((p) => (lang === 'zh' ? p.layout!.name : p.layout!.name_en)).join(lang === 'zh' ? '、' : '; ');
  }
  return LAYER_NAMES[layer][lang];
}

function layerEntries(layer: LayerId, data: GeoData, lang: Lang): LegendEntry[] {
  const t = MESSAGES[lang];
  switch (layer) {
    case 'sectors':
      return (data.sectors?.features ?? []).map((f) => ({
        colour: sectorColour(f.properties.order),
        label: lang === 'zh' ? f.properties.name : f.properties.name_en,
        shape: 'area',
      }));
    case 'counties':
      return [{ colour: BASE.county, label: t.countyBoundary, shape: 'outline' }];
    case 'rivers':
      return [{ colour: BASE.river, label: t.riverGshhg, shape: 'line' }];
    case 'parks': {
      const parks = data.parks?.features ?? [];
      const kinds = [...new Set(parks.map((f) => f.properties.kind))].sort();
      // A kind whose parks are all at approximate locations is drawn as rings only, so its key is a ring.
      const entries: LegendEntry[] = kinds.map((kind) => ({
        colour: PARK_COLOURS[kind],
        label: PARK_KIND_NAMES[kind][lang],
        shape: parks.some((f) => f.properties.kind === kind && f.properties.precision === 'exact') ? 'point' : 'ring',
      }));
      if (parks.some((f) => f.properties.precision === 'approximate'))
        entries.push({ colour: '#555555', label: t.approximate, shape: 'ring' });
      if (parks.length > 1) entries.push({ colour: BASE.cluster, label: t.parkCluster, shape: 'cluster' });
      return entries;
    }
    case 'labels':
      return [];
  }
}

/** Under the sectors' key: how their members were determined (成员依据…), one line per kind of basis. */
function layerNote(layer: LayerId, data: GeoData, lang: Lang): string | undefined {
  if (layer !== 'sectors') return undefined;
  const lines = new Set(data.plans.flatMap((p) => p.sectors.map((s) => basisLine(s.basis, lang))));
  return lines.size > 0 ? [...lines].join(' ') : undefined;
}

/**
 * Where a colouring's figures come from, in words: its unit, period and source, so a picture or an
 * embedded map names them without the panel (`plans` for a document's name).
 */
function choroplethNote(measure: Measure, lang: Lang, plans: readonly PlanSummary[]): string {
  const t = MESSAGES[lang];
  const doc = measure.source.doc;
  const source =
    doc === CENSUS_SOURCE_ID
      ? t.compareCensusSource
      : doc === GEOMETRY_SOURCE
        ? t.geometrySource
        : documentName(
            plans.flatMap((plan) => plan.documents).find((d) => d.stem === doc),
            lang,
          );
  return [t.unitLabel(measureUnit(measure, lang)), measure.period?.[lang], source]
    .filter((part) => part !== undefined)
    .join(' · ');
}

/** A class's range, or its one value when it holds only that (9%, not 9–9%). */
const classRange = (min: number, max: number): number | { min: number; max: number } =>
  min === max ? min : { min, max };

/**
 * The classes of the indicator colouring the counties: ranges as labels, the name as the title,
 * its unit, period and source as the note.
 */
export function choroplethSection(choro: Choropleth, lang: Lang, plans: readonly PlanSummary[] = []): LegendSection {
  const t = MESSAGES[lang];
  const values = [...choro.measure.values.values()];
  const limits = [Math.min(...values), ...choro.breaks, Math.max(...values)];
  const entries: LegendEntry[] = choro.colours.map((colour, i) => ({
    colour,
    shape: 'fill',
    label: formatValue(classRange(limits[i] ?? 0, limits[i + 1] ?? 0), measureUnit(choro.measure, lang), lang),
  }));
  entries.push({ colour: BASE.noData, shape: 'fill', label: t.noData });
  return {
    id: 'choropleth',
    title: lang === 'zh' ? choro.measure.label : choro.measure.label_en,
    entries,
    note: choroplethNote(choro.measure, lang, plans),
  };
}

/** The key of what is on the map now: hidden layers are not in the picture, so not in its key. */
export function legendSections(
  data: GeoData,
  layers: readonly LayerId[],
  lang: Lang,
  choro: Choropleth | null,
): LegendSection[] {
  const sections: LegendSection[] = choro === null ? [] : [choroplethSection(choro, lang, data.plans)];
  for (const layer of layers) {
    const entries = layerEntries(layer, data, lang);
    if (entries.length > 0) {
      const note = layerNote(layer, data, lang);
      sections.push({ id: layer, title: layerTitle(layer, lang, data.plans), entries, ...(note ? { note } : {}) });
    }
  }
  return sections;
}

/** One layer's section, for the panel beside its checkbox. */
export function layerLegend(layer: LayerId, data: GeoData, lang: Lang): LegendSection {
  const note = layerNote(layer, data, lang);
  return {
    id: layer,
    title: layerTitle(layer, lang, data.plans),
    entries: layerEntries(layer, data, lang),
    ...(note ? { note } : {}),
  };
}
