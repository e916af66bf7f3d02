import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError } from "../../errors.ts";
import { PARTNER_COOKIE } from "../../http/auth-hook.ts";
import { receiveUpload } from "../../http/upload.ts";
import { evidenceTmpDir } from "../evidence/evidence.store.ts";
import { ACCEPTED_TYPES_TEXT } from "../evidence/evidence.types.ts";
import {
  addPartnerEvidence,
  getPartnerQuestionnaire,
  type PartnerCtx,
  savePartnerAnswer,
  submitPartnerQuestionnaire,
} from "./partner.service.ts";
import { describeLink, exchangeLink } from "./partner-access.service.ts";
import {
  CriterionParams,
  ExchangeBody,
  ExchangeResultSchema,
  LandingSchema,
  PartnerAnswerBody,
  PartnerItemSchema,
  PartnerQuestionnaireSchema,
  SubmitResultSchema,
  TokenParams,
} from "./questionnaires.schema.ts";

const tags = ["partner access"];
const open = { access: { public: true as const } };
const partner = { access: { partner: true as const } };

/** The partner cookie is sent to the partner routes only. */
export const PARTNER_COOKIE_PATH = "/api/partner";

/** The session's company and questionnaire; the access hook guarantees a partner session on these routes. */
function partnerCtx(req: FastifyRequest): PartnerCtx {
  if (!req.partner) throw new AppError("unauthenticated", "Open the questionnaire link you were sent to start a partner session");
  return { db: req.server.deps.db.kysely, tenantId: req.partner.tenantId, questionnaireId: req.partner.questionnaireId, requestId: req.id };
}

/** The outside partner's side: invitation links, then the questionnaire through a partner session (no account). */
export const partnerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  const linkCaller = (req: FastifyRequest) => ({ db: db.kysely, config, ip: req.ip });

  app.get("/partner-access/:token", {
    schema: {
      tags,
      summary: "What an invitation link opens (does not spend it)",
      description: "Unknown, expired, revoked and used links all answer the same 404. Failed look-ups are rate-limited per address.",
      params: TokenParams,
      response: { 200: LandingSchema },
    },
    config: open,
    handler: (req) => describeLink({ ...linkCaller(req), token: req.params.token }),
  });
  app.post("/partner-access/exchange", {
    schema: {
      tags,
      summary: "Spend an invitation link and open a partner session",
      description: `Sets the ${PARTNER_COOKIE} cookie (HttpOnly, SameSite=Strict, path ${PARTNER_COOKIE_PATH}); send csrfToken as x-partner-csrf-token on writes.`,
      body: ExchangeBody,
      response: { 200: ExchangeResultSchema },
    },
    config: open,
    handler: async (req, reply) => {
      const result = await exchangeLink({ ...linkCaller(req), token: req.body.token, requestId: req.id });
      reply.setCookie(PARTNER_COOKIE, result.sessionId, {
        path: PARTNER_COOKIE_PATH,
        httpOnly: true,
        sameSite: "strict",
        secure: config.cookieSecure,
        maxAge: Math.max(1, Math.floor((result.expiresAt.getTime() - Date.now()) / 1000)),
      });
      return { csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
    },
  });

  app.get("/partner/questionnaire", {
    schema: { tags, summary: "The partner session's questionnaire", response: { 200: PartnerQuestionnaireSchema } },
    config: partner,
    handler: (req) =>
      getPartnerQuestionnaire({
        ctx: partnerCtx(req),
        sessionHash: req.partner?.sessionHash ?? "",
        csrfToken: req.partner?.csrfToken ?? "",
      }),
  });
  app.put("/partner/questionnaire/answers/:criterionId", {
    schema: {
      tags,
      summary: "Save a draft answer",
      params: CriterionParams,
      body: PartnerAnswerBody,
      response: { 200: PartnerItemSchema },
    },
    config: partner,
    handler: (req) => savePartnerAnswer({ ctx: partnerCtx(req), criterionId: req.params.criterionId, input: req.body }),
  });
  app.post("/partner/questionnaire/evidence", {
    schema: {
      tags,
      summary: "Attach a file to an answer",
      description: `multipart/form-data with one \`file\` (${ACCEPTED_TYPES_TEXT}) and criterionId (title optional); stored in the company's evidence vault.`,
      consumes: ["multipart/form-data"],
      response: { 201: PartnerItemSchema },
    },
    config: partner,
    handler: async (req, reply) => {
      const ctx = partnerCtx(req);
      const upload = await receiveUpload(req, { maxBytes: config.uploadMaxBytes, tmpDir: evidenceTmpDir(config.evidenceDir) });
      return reply.status(201).send(await addPartnerEvidence({ ctx, upload, evidenceDir: config.evidenceDir }));
    },
  });
  app.post("/partner/questionnaire/submit", {
    schema: { tags, summary: "Send the answers for review", response: { 200: SubmitResultSchema } },
    config: partner,
    handler: (req) => submitPartnerQuestionnaire({ ctx: partnerCtx(req) }),
  });
};
