import { MSC_LIBRARY } from "@portcullis/domain";
import { withScope } from "../../db/tx.ts";
import type { TenantCtx } from "../../http/context.ts";
import { aggregateGapRows, type GapRow } from "./security-profile.repo.ts";
import type { Counts, Gaps, ProfileStatus } from "./security-profile.schema.ts";
import { applicableCriteria, readProfileFacts, scopeOf, todayIso } from "./security-profile.service.ts";

const emptyCounts = (): Counts => ({ total: 0, implemented: 0, partial: 0, not_implemented: 0, not_applicable: 0, not_assessed: 0 });

function add(counts: Counts, row: GapRow): void {
  counts.total += row.n;
  counts[row.status as ProfileStatus] += row.n;
}

/**
 * Turn the aggregate's groups into the dashboard. `score`: percentage of the applicable criteria implemented,
 * partials counting half, one decimal. Out of the base: N/A items that stand (a Should, or an approved Must).
 * A Must whose N/A still waits for approval stays in the base as not met, so asking for N/A cannot raise the
 * score by itself.
 */
export function assembleGaps(rows: readonly GapRow[]): Gaps {
  const totals = emptyCounts();
  const focus = new Map(
    MSC_LIBRARY.focusAreas.map((f) => [f.id, { focusAreaId: f.id, name: f.name, must: emptyCounts(), should: emptyCounts() }]),
  );
  const categories = new Map(
    MSC_LIBRARY.categories.map((c) => [
      c.id,
      { categoryId: c.id, focusAreaId: c.focusAreaId, name: c.name, must: emptyCounts(), should: emptyCounts(), evidenceLinks: 0 },
    ]),
  );
  const attention = { mustsNotMet: 0, noEvidence: 0, reviewOverdue: 0, naPending: 0 };
  let base = 0;
  let met = 0;
  for (const row of rows) {
    add(totals, row);
    const category = categories.get(row.category_id);
    if (category) {
      add(category[row.level], row);
      category.evidenceLinks += row.links;
      const f = focus.get(category.focusAreaId);
      if (f) add(f[row.level], row);
    }
    attention.mustsNotMet += row.musts_not_met;
    attention.noEvidence += row.no_evidence;
    attention.reviewOverdue += row.overdue;
    attention.naPending += row.na_pending;
    base += row.status === "not_applicable" ? row.na_pending : row.n;
    met += row.status === "implemented" ? row.n : row.status === "partial" ? row.n / 2 : 0;
  }
  return {
    score: base === 0 ? 0 : Math.round((met / base) * 1000) / 10,
    totals,
    byFocusArea: [...focus.values()],
    byCategory: [...categories.values()].sort((a, b) => a.categoryId - b.categoryId),
    attention,
  };
}

/**
 * GET /api/security-profile/gaps: the company facts, then ONE aggregate statement over the applicable criteria,
 * their saved answers and evidence links; no per-criterion query and no item views are built.
 */
export async function getGaps(options: { ctx: TenantCtx }): Promise<Gaps> {
  const { ctx } = options;
  const today = todayIso();
  const rows = await withScope(ctx.db, scopeOf(ctx), async (tx) => {
    const { entityTypes } = await readProfileFacts(tx, ctx.tenantId);
    const applicable = applicableCriteria(entityTypes, today).map((c) => ({
      id: c.criterion.id,
      level: c.level,
      categoryId: c.criterion.categoryId,
    }));
    return applicable.length === 0 ? [] : aggregateGapRows(tx, ctx.tenantId, applicable, today);
  });
  return assembleGaps(rows);
}
