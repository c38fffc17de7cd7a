/**
 * The map's scale bar, in place of MapLibre's ScaleControl, which sets the bar's width to a
 * fraction of a pixel on every frame of a move. Each write dirties the document, and the style,
 * layout, paint and commit that follow cost about 4 ms a frame on software WebGL: with the bar
 * hidden, the benchmark's pan and zoom took 1898 instead of 2274 ms of main-thread time. This bar
 * shows the same distance as the PNG export (carto/scale.ts), its width in whole pixels, and
 * touches the page only when the width or the words change.
 */
import type { ControlPosition, IControl, Map as MapLibreMap } from 'maplibre-gl';
import { scaleBar, type ScaleUnits } from '../carto/scale.ts';

/** The part of an element the bar writes to (a test hands a plain object). */
export interface ScaleTarget {
  style: { width: string };
  textContent: string | null;
}

/** What the bar shows at a zoom and latitude: its whole-pixel width and its label. */
export function scaleShown(zoom: number, lat: number, units: ScaleUnits): { width: number; label: string } {
  const { px, label } = scaleBar(zoom, lat, units);
  return { width: Math.round(px), label };
}

/** Writes what the bar shows into its element, and only what differs from the last write. */
export class ScaleWriter {
  private width = -1;
  private label: string | null = null;

  constructor(
    private readonly target: ScaleTarget,
    private readonly units: ScaleUnits,
  ) {}

  show(zoom: number, lat: number): void {
    const next = scaleShown(zoom, lat, this.units);
    if (next.width !== this.width) this.target.style.width = `${next.width}px`;
    if (next.label !== this.label) this.target.textContent = next.label;
    this.width = next.width;
    this.label = next.label;
  }
}

export class ScaleBar implements IControl {
  private map: MapLibreMap | undefined;
  private element: HTMLElement | undefined;
  private writer: ScaleWriter | undefined;
  private readonly onMove = (): void => {
    if (this.map === undefined) return;
    this.writer?.show(this.map.getZoom(), this.map.getCenter().lat);
  };

  constructor(private readonly units: ScaleUnits) {}

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    // MapLibre's class names, so the bar keeps MapLibre's look.
    const element = document.createElement('div');
    element.className = 'maplibregl-ctrl maplibregl-ctrl-scale';
    this.element = element;
    this.writer = new ScaleWriter(element, this.units);
    map.on('move', this.onMove);
    this.onMove();
    return element;
  }

  onRemove(): void {
    this.map?.off('move', this.onMove);
    this.element?.remove();
    this.map = undefined;
    this.writer = undefined;
  }

  getDefaultPosition(): ControlPosition {
    return 'bottom-left';
  }
}
