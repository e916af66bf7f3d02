import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type RouteOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { registerModules } from "../modules/index.ts";
import { registerAuthHook } from "./auth-hook.ts";
import type { AppDeps } from "./context.ts";
import { frameworkErrorHandler, registerErrorHandling } from "./errors.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import "./access.ts";

/** Options for {@link buildApp}. */
export interface BuildAppOptions {
  deps: AppDeps;
  /** Pino logger options, or false for no logging (tests). */
  logger?: boolean | object;
  /** Folder of the built web app; defaults to packages/web/dist when it exists. */
  webDist?: string | null;
  /** Called for every route as it is registered (tests read the route table from the router). */
  onRoute?: (route: RouteOptions) => void;
}

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web/dist");

/**
 * Build the HTTP app: API under /api (validated by zod, documented by OpenAPI), the web app at /.
 * Nothing listens yet; call `listen` or use `inject` in tests.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { deps } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            redact: ["req.headers.authorization", "req.headers.cookie", 'req.headers["x-csrf-token"]', "res.headers['set-cookie']"],
            ...(typeof options.logger === "object" ? options.logger : {}),
          },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorHandler,
  });
  app.decorate("deps", deps);
  const { onRoute } = options;
  if (onRoute) {
    app.addHook("onRoute", (route) => onRoute(route));
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerErrorHandling(app);
  registerSecurityHeaders(app);
  await app.register(cookie);
  // Uploads (evidence, imports): one file per request, streamed; the size limit comes from the config.
  await app.register(multipart, {
    limits: { fileSize: deps.config.uploadMaxBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 22 },
  });
  registerAuthHook(app);

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Portcullis API",
        version: deps.version,
        description:
          "CTPAT supply chain security program. Authenticate with a session cookie (+ x-csrf-token on writes) or a Bearer API token.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          session: { type: "apiKey", in: "cookie", name: "pc_session" },
          // Outside partners answering a questionnaire: the cookie set by POST /api/partner-access/exchange.
          partnerSession: { type: "apiKey", in: "cookie", name: "pc_partner" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    // Swagger UI ships inline bootstrap code; relax CSP for its pages only.
    transformStaticCSP: () =>
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'",
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  await app.register(registerModules, { prefix: "/api" });

  const webDist = options.webDist === undefined ? defaultWebDist : options.webDist;
  const serveWeb = Boolean(webDist && fs.existsSync(path.join(webDist, "index.html")));
  if (serveWeb && webDist) {
    // wildcard: files are looked up per request, so a rebuilt bundle is served without a restart.
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: "index.html" });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes: any non-API GET that is not a file gets the app shell.
    // A missing asset must stay a 404: answering it with index.html makes the browser refuse the "script".
    const isAsset = request.url.startsWith("/assets/") || /\.[a-z][a-z0-9]{0,7}(\?|$)/i.test(request.url);
    if (serveWeb && request.method === "GET" && !request.url.startsWith("/api") && !isAsset) {
      return reply.type("text/html").sendFile("index.html");
    }
    return reply.status(404).send({
      error: { code: "route_not_found", message: `No route ${request.method} ${request.url.split("?")[0]}`, details: null },
    });
  });
  return app;
}
