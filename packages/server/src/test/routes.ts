import type { FastifySchema, RouteOptions } from "fastify";
import type { Access } from "../http/access.ts";
import { buildApp } from "../http/app.ts";
import type { AppDeps } from "../http/context.ts";

/** One route as the router registered it. */
export interface ApiRoute {
  method: string;
  /** Full path with Fastify parameters, e.g. /api/sites/:id. */
  url: string;
  /** "METHOD /api/path", the key the authorization matrix and the fuzzer use. */
  key: string;
  /** The route's declared access, if any. */
  access: Access | undefined;
  /** Names of the path parameters, e.g. ["id"]. */
  params: string[];
  /** The route's schema as registered (zod schemas for body, querystring, params). */
  schema: FastifySchema | undefined;
}

/** The docs UI and the OpenAPI document are served by plugins, not API modules. */
export function isDocsRoute(url: string): boolean {
  return url === "/api/docs" || url.startsWith("/api/docs/") || url === "/api/openapi.json";
}

/** True for an API route the test suites must cover. */
export function isApiRoute(url: string): boolean {
  return (url === "/api" || url.startsWith("/api/")) && !isDocsRoute(url);
}

/** /api/sites/:id → /api/sites/{id} (OpenAPI path template). */
export function toOpenApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

/**
 * Every route the real app registers, read from the router itself: a second app is built on the same
 * dependencies with an onRoute collector, then closed (closing it does not touch the database).
 * Includes the HEAD twins Fastify adds for GET routes; excludes non-API and docs routes.
 */
export async function collectApiRoutes(deps: AppDeps): Promise<ApiRoute[]> {
  const seen: RouteOptions[] = [];
  const app = await buildApp({ deps, logger: false, webDist: null, onRoute: (route) => seen.push(route) });
  await app.ready();
  await app.close();
  const routes: ApiRoute[] = [];
  for (const route of seen) {
    if (!isApiRoute(route.url)) {
      continue;
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routes.push({
        method,
        url: route.url,
        key: `${method} ${route.url}`,
        access: route.config?.access,
        params: [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? ""),
        schema: route.schema,
      });
    }
  }
  return routes;
}
