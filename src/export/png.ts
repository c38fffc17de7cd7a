/**
 * The current view as a PNG that stands on its own: a title band above the map, and below it the
 * legend of the visible layers and the attribution, drawn on a 2D canvas. The map pixels come
 * from MapView.captureCanvas(); the legend from the same palette the map paints with.
 */
import type { GeoData } from '../data/load.ts';
import { formatValue } from '../i18n/format.ts';
import { LAYER_NAMES, PARK_KIND_NAMES } from '../i18n/messages.ts';
import type { Choropleth } from '../map/choropleth.ts';
import { BASE, PARK_COLOURS, SECTOR_COLOURS } from '../map/palette.ts';
import type { Lang, LayerId } from '../state/app-types.ts';

export interface LegendEntry {
  colour: string;
  label: string;
  /** `area` is a translucent fill as the sectors are drawn; `fill` is opaque, as choropleth classes. */
  shape: 'area' | 'fill' | 'outline' | 'point' | 'line';
}

export interface PngParts {
  title: string;
  subtitle?: string;
  legendTitle: string;
  legend: LegendEntry[];
  /** Credit lines, e.g. ATTRIBUTION from map/attribution.ts. */
  attribution: readonly string[];
}

/** The legend of what is on the map now: hidden layers are not in the picture, so not in its key. */
export function legendEntries(data: GeoData, layers: readonly LayerId[], lang: Lang): LegendEntry[] {
  const entries: LegendEntry[] = [];
  if (layers.includes('sectors')) {
    for (const f of data.sectors?.features ?? []) {
      const p = f.properties;
      entries.push({ colour: SECTOR_COLOURS[p.id], label: lang === 'zh' ? p.name : p.name_en, shape: 'area' });
    }
  }
  if (layers.includes('counties')) {
    entries.push({ colour: BASE.county, label: LAYER_NAMES.counties[lang], shape: 'outline' });
  }
  if (layers.includes('parks')) {
    const kinds = [...new Set((data.parks?.features ?? []).map((f) => f.properties.kind))].sort();
    for (const kind of kinds)
      entries.push({ colour: PARK_COLOURS[kind], label: PARK_KIND_NAMES[kind][lang], shape: 'point' });
  }
  if (layers.includes('rivers')) entries.push({ colour: BASE.river, label: LAYER_NAMES.rivers[lang], shape: 'line' });
  return entries;
}

/** The classes of the indicator colouring the counties, the same ranges the indicator control shows. */
export function choroplethEntries(choro: Choropleth, lang: Lang, noData: string): LegendEntry[] {
  const values = [...choro.measure.values.values()];
  const limits = [Math.min(...values), ...choro.breaks, Math.max(...values)];
  const name = lang === 'zh' ? choro.measure.label : choro.measure.label_en;
  const entries: LegendEntry[] = choro.colours.map((colour, i) => {
    const range = formatValue({ min: limits[i] ?? 0, max: limits[i + 1] ?? 0 }, choro.measure.unit, lang);
    return { colour, shape: 'fill', label: i === 0 ? `${name}: ${range}` : range };
  });
  entries.push({ colour: BASE.noData, shape: 'fill', label: noData });
  return entries;
}

const FONT_FAMILY = "system-ui, 'Noto Sans CJK SC', 'Noto Sans', sans-serif";
const INK = '#222222';
const MUTED = '#5f5a52';
const PAPER = '#fffdf8';

/** Greedy line filling: items keep whole, each line fits `width`. */
function flow(widths: number[], width: number, gap: number): number[][] {
  const lines: number[][] = [];
  let line: number[] = [];
  let used = 0;
  widths.forEach((w, i) => {
    if (line.length > 0 && used + gap + w > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length > 0 ? gap : 0) + w;
    line.push(i);
  });
  if (line.length > 0) lines.push(line);
  return lines;
}

function swatch(ctx: CanvasRenderingContext2D, entry: LegendEntry, x: number, y: number, s: number): void {
  ctx.save();
  ctx.fillStyle = entry.colour;
  ctx.strokeStyle = entry.colour;
  ctx.lineWidth = 2 * s;
  if (entry.shape === 'point') {
    ctx.beginPath();
    ctx.arc(x + 8 * s, y, 5 * s, 0, 2 * Math.PI);
    ctx.fill();
  } else if (entry.shape === 'line') {
    ctx.beginPath();
    ctx.moveTo(x, y + 3 * s);
    ctx.bezierCurveTo(x + 5 * s, y - 6 * s, x + 11 * s, y + 6 * s, x + 16 * s, y - 3 * s);
    ctx.stroke();
  } else {
    if (entry.shape === 'area' || entry.shape === 'fill') {
      ctx.globalAlpha = entry.shape === 'area' ? 0.45 : 1;
      ctx.fillRect(x, y - 6 * s, 16 * s, 12 * s);
      ctx.globalAlpha = 1;
      if (entry.shape === 'fill') ctx.strokeStyle = '#666666';
    }
    ctx.lineWidth = s;
    ctx.strokeRect(x, y - 6 * s, 16 * s, 12 * s);
  }
  ctx.restore();
}

/** Draws the picture and encodes it; `scale` is the device pixel ratio the map was drawn at. */
export async function composePng(map: HTMLCanvasElement, parts: PngParts, scale = 1): Promise<Blob> {
  const s = Math.max(1, scale);
  const pad = 16 * s;
  const width = map.width;
  const inner = width - 2 * pad;
  const font = (px: number, weight = 400): string => `${weight} ${px * s}px ${FONT_FAMILY}`;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('No 2D canvas.');

  // Measure first: setting the canvas size below resets the context.
  ctx.font = font(13);
  const legendWidths = parts.legend.map((entry) => 22 * s + ctx.measureText(entry.label).width);
  const legendLines = flow(legendWidths, inner, 16 * s);
  ctx.font = font(11);
  const credits = parts.attribution.map((line, i) => (i < parts.attribution.length - 1 ? `${line} ·` : line));
  const creditLines = flow(
    credits.map((line) => ctx.measureText(line).width),
    inner,
    6 * s,
  );

  const titleHeight = pad + 28 * s + (parts.subtitle === undefined ? 0 : 20 * s) + 8 * s;
  const legendHeight = parts.legend.length === 0 ? 0 : 22 * s + legendLines.length * 20 * s;
  const footerHeight = pad / 2 + legendHeight + 8 * s + creditLines.length * 16 * s + pad / 2;
  canvas.width = width;
  canvas.height = Math.ceil(titleHeight + map.height + footerHeight);

  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = INK;
  ctx.font = font(22, 700);
  ctx.fillText(parts.title, pad, pad + 22 * s, inner);
  if (parts.subtitle !== undefined) {
    ctx.fillStyle = MUTED;
    ctx.font = font(14);
    ctx.fillText(parts.subtitle, pad, pad + 44 * s, inner);
  }

  const mapTop = titleHeight;
  ctx.drawImage(map, 0, mapTop);
  ctx.strokeStyle = '#d8d2c6';
  ctx.lineWidth = s;
  ctx.strokeRect(0.5 * s, mapTop, width - s, map.height);

  let y = mapTop + map.height + pad / 2;
  if (parts.legend.length > 0) {
    ctx.fillStyle = INK;
    ctx.font = font(13, 700);
    ctx.textBaseline = 'middle';
    y += 11 * s;
    ctx.fillText(parts.legendTitle, pad, y);
    ctx.font = font(13);
    for (const line of legendLines) {
      y += 20 * s;
      let x = pad;
      for (const index of line) {
        const entry = parts.legend[index];
        if (entry === undefined) continue;
        swatch(ctx, entry, x, y, s);
        ctx.fillStyle = INK;
        ctx.fillText(entry.label, x + 22 * s, y);
        x += (legendWidths[index] ?? 0) + 16 * s;
      }
    }
    y += 10 * s;
  }
  ctx.fillStyle = MUTED;
  ctx.font = font(11);
  ctx.textBaseline = 'middle';
  y += 8 * s;
  for (const line of creditLines) {
    let x = pad;
    for (const index of line) {
      const text = credits[index] ?? '';
      ctx.fillText(text, x, y);
      x += ctx.measureText(text).width + 6 * s;
    }
    y += 16 * s;
  }

  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob === null ? reject(new Error('PNG encoding failed.')) : resolve(blob)), 'image/png');
  });
}
