/** At this width and below the side panel becomes a bottom sheet and the card leaves the popup. */
export const NARROW_QUERY = '(max-width: 640px)';
