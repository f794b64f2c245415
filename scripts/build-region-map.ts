// Projects the 290 municipalities once, at build time, into SVG paths (decision 025): `npm run geo:build` reads
// ../shared/data/geo/swedish-municipalities.geojson (okfse/sweden-geojson, simplified boundaries in WGS 84) and writes
// src/platform/shared/region-map/municipality-shapes.json, which is committed. The browser never projects anything:
// the region map picks the shapes of the municipalities it shows and crops its view box to them.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GeoPermissibleObjects, geoArea, geoPath, geoTransverseMercator } from 'd3-geo';

type Feature = {
  type: 'Feature';
  properties: { id: string; kom_namn: string; lan_code: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.resolve(root, '../shared/data/geo/swedish-municipalities.geojson');
const target = path.join(root, 'src/platform/shared/region-map/municipality-shapes.json');
/** Width of the projected space; one unit is about 50 m, enough for a region's map at any size on a screen. */
const WIDTH = 10_000;

const collection = JSON.parse(readFileSync(source, 'utf8')) as { type: 'FeatureCollection'; features: Feature[] };
// GeoJSON winds outer rings anticlockwise, d3-geo (spherical) clockwise: a ring read the wrong way round is the whole
// globe but the municipality. Reverse any polygon whose area is more than a hemisphere.
for (const feature of collection.features) {
  if (geoArea(feature as unknown as GeoPermissibleObjects) > 2 * Math.PI) {
    const g = feature.geometry;
    if (g.type === 'Polygon') for (const ring of g.coordinates as number[][][]) ring.reverse();
    else for (const polygon of g.coordinates as number[][][][]) for (const ring of polygon) ring.reverse();
  }
}
// SWEREF 99 TM's projection: transverse Mercator on the 15th meridian east, fitted to the whole country.
const projection = geoTransverseMercator()
  .rotate([-15, 0])
  .fitWidth(WIDTH, collection as unknown as GeoPermissibleObjects);
const pathOf = geoPath(projection).digits(0);
const bounds = geoPath(projection).bounds(collection as unknown as GeoPermissibleObjects);

const shapes: Record<string, { name: string; county: string; d: string; box: number[]; label: number[] }> = {};
for (const feature of [...collection.features].sort((a, b) => a.properties.id.localeCompare(b.properties.id))) {
  const object = feature as unknown as GeoPermissibleObjects;
  const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(object);
  // The label sits at the centroid of the largest polygon (an archipelago's centroid may be in the sea).
  const largest =
    feature.geometry.type === 'MultiPolygon'
      ? (feature.geometry.coordinates as number[][][][])
          .map((coordinates) => ({ type: 'Polygon' as const, coordinates }))
          .sort((a, b) => geoArea(b) - geoArea(a))[0]
      : feature.geometry;
  const [lx, ly] = geoPath(projection).centroid(largest as unknown as GeoPermissibleObjects);
  shapes[feature.properties.id] = {
    name: feature.properties.kom_namn,
    county: feature.properties.lan_code,
    d: pathOf(object) ?? '',
    box: [x0, y0, x1, y1].map(Math.round),
    label: [Math.round(lx), Math.round(ly)],
  };
}
const out = {
  source: 'okfse/sweden-geojson ff67bcb (Valmyndigheten via opendatasoft), simplified; transverse Mercator 15°E',
  width: Math.ceil(bounds[1][0]),
  height: Math.ceil(bounds[1][1]),
  shapes,
};
writeFileSync(target, `${JSON.stringify(out)}\n`);
// In the layout the project's formatter keeps (biome checks every JSON file).
execFileSync('npx', ['biome', 'format', '--write', target], { cwd: root, stdio: 'ignore' });
console.log(`${Object.keys(shapes).length} municipalities → ${path.relative(root, target)}`);
