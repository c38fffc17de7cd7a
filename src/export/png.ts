/**
 * The current view as a PNG that stands on its own: a title band above the map, and below it the
 * legend of the visible layers, a scale bar and the attribution, drawn on a 2D canvas. The map
 * pixels come from MapView.captureCanvas(); the legend from the one legend model (carto/legend.ts).
 */
import type { LegendEntry, LegendSection } from '../carto/legend.ts';

export interface PngParts {
  title: string;
  subtitle?: string;
  /** The legend model's sections (carto/legend.ts), as the panel shows them. */
  legend: LegendSection[];
  /** A scale bar: its length in CSS pixels at the map's centre and what it measures (e.g. "20 km"). */
  scale?: { px: number; label: string };
  /** Credit lines, e.g. ATTRIBUTION from map/attribution.ts. */
  attribution: readonly string[];
  /** The compare table when its panel is open: a header (indicator, then one place per column) and rows of text. */
  compare?: CompareBlock;
}

export interface CompareBlock {
  title: string;
  columns: string[];
  /** Each place column's colour, as the panel and the map outlines show it. */
  colours: string[];
  rows: string[][];
  /** Under each row, the full width: its unit, period and source (data/compare-rows.ts rowMeta). */
  notes?: string[];
}

/** The compare table under the legend: first column 40 % of the width, places sharing the rest. */
function drawCompare(
  ctx: CanvasRenderingContext2D,
  block: CompareBlock,
  x: number,
  top: number,
  width: number,
  font: (px: number, weight?: number) => string,
  s: number,
): number {
  const first = width * 0.4;
  const each = (width - first) / Math.max(1, block.columns.length - 1);
  const colX = (i: number): number => (i === 0 ? x : x + first + (i - 1) * each);
  const colW = (i: number): number => (i === 0 ? first : each) - 6 * s;
  let y = top + 20 * s;
  ctx.textAlign = 'left';
  ctx.fillStyle = INK;
  ctx.font = font(13, 700);
  ctx.fillText(block.title, x, y, width);
  y += 20 * s;
  block.columns.forEach((text, i) => {
    if (i > 0) {
      ctx.fillStyle = block.colours[i - 1] ?? INK;
      ctx.fillRect(colX(i), y + 7 * s, colW(i), 3 * s);
    }
    ctx.fillStyle = INK;
    ctx.font = font(12, 700);
    ctx.fillText(text, colX(i), y, colW(i));
  });
  block.rows.forEach((row, r) => {
    y += 18 * s;
    ctx.font = font(12);
    row.forEach((text, i) => {
      ctx.fillStyle = i === 0 ? MUTED : INK;
      ctx.fillText(text, colX(i), y, colW(i));
    });
    const note = block.notes?.[r];
    if (note !== undefined) {
      y += NOTE_LINE * s;
      ctx.font = font(10);
      ctx.fillStyle = MUTED;
      ctx.fillText(note, x, y, width);
    }
  });
  return y + 10 * s;
}

/** A row's note line under it. */
const NOTE_LINE = 14;

function compareHeight(block: CompareBlock | undefined, s: number): number {
  if (block === undefined) return 0;
  const notes = Math.min(block.notes?.length ?? 0, block.rows.length);
  return (20 + 20 + 18 * block.rows.length + NOTE_LINE * notes + 10) * s;
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
  } else if (entry.shape === 'ring' || entry.shape === 'cluster') {
    ctx.beginPath();
    ctx.arc(x + 8 * s, y, (entry.shape === 'ring' ? 4.5 : 6) * s, 0, 2 * Math.PI);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.stroke();
    if (entry.shape === 'cluster') {
      ctx.fillStyle = '#222222';
      ctx.font = `700 ${8 * s}px ${FONT_FAMILY}`;
      ctx.textAlign = 'center';
      ctx.fillText('3', x + 8 * s, y + 0.5 * s);
    }
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
  const sections = parts.legend.filter((section) => section.entries.length > 0);
  const laidOut = sections.map((section) => {
    const widths = section.entries.map((entry) => 22 * s + ctx.measureText(entry.label).width);
    return { section, widths, lines: flow(widths, inner, 16 * s) };
  });
  const legendRows = laidOut.reduce((n, l) => n + 1 + l.lines.length + (l.section.note === undefined ? 0 : 1), 0);
  ctx.font = font(11);
  const credits = parts.attribution.map((line, i) => (i < parts.attribution.length - 1 ? `${line} ·` : line));
  const creditLines = flow(
    credits.map((line) => ctx.measureText(line).width),
    inner,
    6 * s,
  );

  const titleHeight = pad + 28 * s + (parts.subtitle === undefined ? 0 : 20 * s) + 8 * s;
  const legendHeight = legendRows * 20 * s + (sections.length > 0 ? 10 * s : 0);
  const scaleHeight = parts.scale === undefined ? 0 : 24 * s;
  const footerHeight =
    pad / 2 +
    legendHeight +
    compareHeight(parts.compare, s) +
    scaleHeight +
    8 * s +
    creditLines.length * 16 * s +
    pad / 2;
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
  ctx.textBaseline = 'middle';
  for (const { section, widths, lines } of laidOut) {
    y += 20 * s;
    ctx.fillStyle = INK;
    ctx.font = font(13, 700);
    ctx.fillText(section.title, pad, y, inner);
    ctx.font = font(13);
    for (const line of lines) {
      y += 20 * s;
      let x = pad;
      for (const index of line) {
        const entry: LegendEntry | undefined = section.entries[index];
        if (entry === undefined) continue;
        swatch(ctx, entry, x, y, s);
        ctx.textAlign = 'left';
        ctx.fillStyle = INK;
        ctx.font = font(13);
        ctx.fillText(entry.label, x + 22 * s, y);
        x += (widths[index] ?? 0) + 16 * s;
      }
    }
    if (section.note !== undefined) {
      y += 20 * s;
      ctx.fillStyle = MUTED;
      ctx.font = font(12);
      ctx.fillText(section.note, pad, y, inner);
    }
  }
  if (sections.length > 0) y += 10 * s;
  if (parts.compare !== undefined) y = drawCompare(ctx, parts.compare, pad, y, inner, font, s);
  if (parts.scale !== undefined) {
    // The bar as the map's own scale control draws it: a bracket of the given length, labelled.
    const len = parts.scale.px * s;
    y += 14 * s;
    ctx.strokeStyle = INK;
    ctx.lineWidth = 1.5 * s;
    ctx.beginPath();
    ctx.moveTo(pad, y - 5 * s);
    ctx.lineTo(pad, y);
    ctx.lineTo(pad + len, y);
    ctx.lineTo(pad + len, y - 5 * s);
    ctx.stroke();
    ctx.fillStyle = INK;
    ctx.font = font(12);
    ctx.fillText(parts.scale.label, pad + len + 8 * s, y - 2 * s);
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
