/**
 * A layer as a GeoJSON file (RFC 7946), pure. The app's data already is RFC 7946 (WGS 84
 * longitude/latitude, no `crs`); this rebuilds each feature from its members so that nothing
 * MapLibre or the app may have attached to the objects ends up in the file, and gives each
 * feature the app's key as its `id` so rows in the CSV and features here can be joined.
 */
export const GEOJSON_TYPE = 'application/geo+json';

export function geojsonText<P extends object>(
  collection: GeoJSON.FeatureCollection<GeoJSON.Geometry | null, P>,
  keyOf: (properties: P) => string,
): string {
  const out: GeoJSON.FeatureCollection<GeoJSON.Geometry | null, P> = {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => ({
      type: 'Feature',
      id: keyOf(feature.properties),
      properties: feature.properties,
      geometry: feature.geometry,
    })),
  };
  // One feature a line: small enough to stay readable in a diff, far smaller than pretty-printing.
  const lines = out.features.map((feature) => JSON.stringify(feature));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}
