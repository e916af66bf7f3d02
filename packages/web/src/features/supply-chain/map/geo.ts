import { type GeoPermissibleObjects, geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
// Natural Earth 1:110m country shapes, bundled: the map never calls a tile server or any other host.
import world from "world-atlas/countries-110m.json";
import { alpha2For } from "./countryCodes";

/** The map's own coordinate space (the SVG viewBox); the SVG scales it to the container. */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;

export interface CountryShape {
  /** Stable React key (the numeric id, or the name when the file has none). */
  key: string;
  /** ISO alpha-2, or null for areas without one (N. Cyprus, Somaliland). */
  code: string | null;
  name: string;
  /** SVG path data in map coordinates. */
  d: string;
}

export interface WorldGeometry {
  countries: CountryShape[];
  /** Outline of the globe and a 10° graticule, drawn under the countries. */
  sphere: string;
  graticule: string;
  /** [x, y] in map coordinates, or null when the point is not on the visible globe. */
  project: (lon: number, lat: number) => [number, number] | null;
  /** SVG path of a great-circle arc through the given [lon, lat] points. */
  arc: (points: [number, number][]) => string;
}

const cache = new Map<number, WorldGeometry>();

/**
 * Project the bundled shapes once per central meridian (a few milliseconds) and keep the path strings, so
 * zooming and re-rendering never re-project 177 countries. `center` is the longitude in the middle of the map.
 */
export function worldGeometry(center = 0): WorldGeometry {
  const hit = cache.get(center);
  if (hit) return hit;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const projection = geoNaturalEarth1()
    .rotate([-center, 0])
    .fitExtent(
      [
        [4, 4],
        [MAP_WIDTH - 4, MAP_HEIGHT - 4],
      ],
      { type: "Sphere" },
    );
  const path = geoPath(projection);
  const draw = (o: GeoPermissibleObjects) => path(o) ?? "";
  const countries = collection.features.map((f: Feature<Geometry, { name: string }>, i) => {
    const name = f.properties?.name ?? "";
    return {
      key: f.id === undefined ? `n${i}-${name}` : String(f.id),
      code: alpha2For(f.id, name),
      name,
      d: draw(f),
    };
  });
  const geometry: WorldGeometry = {
    countries,
    sphere: draw({ type: "Sphere" }),
    graticule: draw(geoGraticule10()),
    project: (lon, lat) => {
      const p = projection([lon, lat]);
      return p && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [p[0], p[1]] : null;
    },
    // geoPath draws a LineString along great circles (resampled adaptively), which is what a route looks like on a globe.
    arc: (points) => draw({ type: "LineString", coordinates: points }),
  };
  cache.set(center, geometry);
  return geometry;
}

/** Longitude difference folded into (-180, 180]. */
function wrap(d: number): number {
  const r = ((((d + 180) % 360) + 360) % 360) - 180;
  return r === -180 ? 180 : r;
}

/**
 * The central meridian (a multiple of 10°) that cuts the fewest lanes at the map's edge, so that e.g. a
 * Shanghai → Los Angeles leg crosses the Pacific in one piece instead of leaving one side and coming back on
 * the other. Then as few places as possible near the edge, then the meridian closest to Greenwich.
 */
export function bestCentralMeridian(lons: readonly number[], segments: readonly [number, number][]): number {
  let best = 0;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let c = -170; c <= 180; c += 10) {
    let cut = 0;
    for (const [a, b] of segments) if (Math.abs(wrap(a - c) - wrap(b - c)) > 180) cut++;
    let edge = 0;
    for (const lon of lons) if (Math.abs(wrap(lon - c)) > 165) edge++;
    const score = cut * 1000 + edge * 10 + Math.abs(c) / 100;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}
