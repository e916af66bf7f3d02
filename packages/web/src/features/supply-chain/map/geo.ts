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

let cached: WorldGeometry | null = null;

/**
 * Project the bundled shapes once per page load (a few milliseconds) and keep the path strings, so
 * zooming and re-rendering never re-project 177 countries.
 */
export function worldGeometry(): WorldGeometry {
  if (cached) return cached;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const projection = geoNaturalEarth1().fitExtent(
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
  cached = {
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
  return cached;
}
