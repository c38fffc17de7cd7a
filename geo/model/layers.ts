/** The layer toggles a user sees, in panel order: shared by the store, the URL, the map and the legend. */
export const LAYER_IDS = ['sectors', 'counties', 'parks', 'rivers', 'labels'] as const;
export type LayerId = (typeof LAYER_IDS)[number];
