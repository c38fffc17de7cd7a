/**
 * How far to pan the map so a popup (and the place at its tip) fits inside the map: pure geometry,
 * in CSS pixels. A popup taller or wider than the room left keeps its top-left corner in view, so
 * its heading and close button always show.
 */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Room kept free at each edge of the map: the controls sit in these margins. */
export interface Margins {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Offset for `map.panBy`: positive x moves the content left, positive y moves it up. */
export function panToFit(popup: Box, map: Box, margins: Margins): [number, number] {
  const room: Box = {
    left: map.left + margins.left,
    top: map.top + margins.top,
    right: map.right - margins.right,
    bottom: map.bottom - margins.bottom,
  };
  const axis = (start: number, end: number, roomStart: number, roomEnd: number): number => {
    if (end - start > roomEnd - roomStart || start < roomStart) return start - roomStart;
    if (end > roomEnd) return end - roomEnd;
    return 0;
  };
  return [axis(popup.left, popup.right, room.left, room.right), axis(popup.top, popup.bottom, room.top, room.bottom)];
}
