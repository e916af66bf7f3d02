/** The data of GET /api/security-profile/export, read in one transaction and laid out in CBP order. */
import { type Certainty, type EntityType, levelLabel, MSC_LIBRARY, type MscLang } from "@portcullis/domain";
import { withScope } from "../../db/tx.ts";
import type { TenantCtx } from "../../http/context.ts";
import { listEvidenceForTargets } from "../evidence/evidence.service.ts";
import type { ProfileStatus } from "../security-profile/security-profile.schema.ts";
import { buildProfileItems, todayIso } from "../security-profile/security-profile.service.ts";
import { categoryName, cbpOrder, focusAreaName } from "./exports.criteria.ts";
import { findCompanyHeader } from "./exports.repo.ts";

/** One criterion of the export, with everything printed about it. */
export interface ExportItem {
  criterionId: string;
  categoryId: number;
  focusArea: string;
  category: string;
  level: string;
  /** How sure the Must/Should is for the company's entity types. */
  levelCertainty: Certainty;
  requirement: string;
  status: ProfileStatus;
  narrative: string | null;
  owner: string | null;
  naJustification: string | null;
  lastReviewedOn: string | null;
  evidence: { title: string; version: number; sha256: string; filename: string }[];
  provenance: { certainty: Certainty; sources: string[]; note: string | null };
}

/** Everything an export prints. */
export interface ProfileExport {
  lang: MscLang;
  company: { legalName: string; ctpatAccountNumber: string | null; entityTypes: EntityType[] };
  generatedOn: string;
  library: { version: string; edition: string };
  items: ExportItem[];
}

/**
 * Read the company header, every applicable profile item and the evidence linked to each, in one scoped
 * transaction (three or four statements whatever the profile size), ordered by focus area, category and ID.
 */
export async function loadProfileExport(options: { ctx: TenantCtx; lang: MscLang }): Promise<ProfileExport> {
  const { ctx, lang } = options;
  const today = todayIso();
  return withScope(ctx.db, { tenantId: ctx.tenantId, userId: ctx.userId }, async (tx) => {
    const header = await findCompanyHeader(tx, ctx.tenantId);
    const profile = await buildProfileItems({ tx, tenantId: ctx.tenantId, today });
    const evidence = await listEvidenceForTargets(
      tx,
      ctx.tenantId,
      "criterion",
      profile.items.map((i) => i.criterionId),
    );
    const items = profile.items
      .map((i) => ({ ...i, id: i.criterionId }))
      .sort(cbpOrder)
      .map(
        (i): ExportItem => ({
          criterionId: i.criterionId,
          categoryId: i.categoryId,
          focusArea: focusAreaName(i.categoryId, lang),
          category: categoryName(i.categoryId, lang),
          level: levelLabel(i.level, lang),
          levelCertainty: i.certainty,
          requirement: i.requirement[lang],
          status: i.status,
          narrative: i.narrative,
          owner: i.owner?.displayName ?? null,
          naJustification: i.naJustification,
          lastReviewedOn: i.lastReviewedOn,
          evidence: (evidence.get(i.criterionId) ?? []).map((e) => ({
            title: e.title,
            version: e.currentVersion,
            sha256: e.sha256.trim(),
            filename: e.filename,
          })),
          provenance: { certainty: i.provenance.certainty, sources: i.provenance.sources, note: i.provenance.note ?? null },
        }),
      );
    return {
      lang,
      company: {
        legalName: header?.legal_name ?? "",
        ctpatAccountNumber: header?.ctpat_account_number ?? null,
        entityTypes: profile.entityTypes,
      },
      generatedOn: today,
      library: { version: MSC_LIBRARY.version, edition: MSC_LIBRARY.edition },
      items,
    };
  });
}
