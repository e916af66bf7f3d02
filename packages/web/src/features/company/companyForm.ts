import type { TFunction } from "i18next";
import type { Tenant, TenantPatch } from "../../api/types";
import type { CtpatStatus, CtpatTier, EntityType } from "../../lib/constants";

export const COMPANY_FIELDS = [
  "legalName",
  "entityTypes",
  "ctpatAccountNumber",
  "ctpatStatus",
  "ctpatTier",
  "certifiedOn",
  "lastValidatedOn",
  "anniversaryDate",
  "countryCode",
] as const;

export interface CompanyValues {
  legalName: string;
  entityTypes: EntityType[];
  ctpatAccountNumber: string;
  ctpatStatus: CtpatStatus;
  /** "none" for no tier. */
  ctpatTier: CtpatTier | "none";
  certifiedOn: string;
  lastValidatedOn: string;
  anniversaryDate: string;
  countryCode: string | null;
}

export function toValues(t: Tenant): CompanyValues {
  return {
    legalName: t.legalName,
    entityTypes: t.entityTypes,
    ctpatAccountNumber: t.ctpatAccountNumber ?? "",
    ctpatStatus: t.ctpatStatus,
    ctpatTier: t.ctpatTier ?? "none",
    certifiedOn: t.certifiedOn ?? "",
    lastValidatedOn: t.lastValidatedOn ?? "",
    anniversaryDate: t.anniversaryDate ?? "",
    countryCode: t.countryCode,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validateCompany(v: CompanyValues, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.legalName.trim()) errors.legalName = t("validation.required");
  if (v.entityTypes.length === 0) errors.entityTypes = t("validation.entityTypes");
  for (const key of ["certifiedOn", "lastValidatedOn", "anniversaryDate"] as const) {
    if (v[key] && !DATE.test(v[key])) errors[key] = t("validation.date");
  }
  return errors;
}

/** Only the fields that changed, with empty optional fields sent as null. */
export function toPatch(v: CompanyValues, original: Tenant): TenantPatch {
  const next: TenantPatch = {
    legalName: v.legalName.trim(),
    entityTypes: v.entityTypes,
    ctpatAccountNumber: v.ctpatAccountNumber.trim() || null,
    ctpatStatus: v.ctpatStatus,
    ctpatTier: v.ctpatTier === "none" ? null : v.ctpatTier,
    certifiedOn: v.certifiedOn || null,
    lastValidatedOn: v.lastValidatedOn || null,
    anniversaryDate: v.anniversaryDate || null,
    countryCode: v.countryCode || null,
  };
  const patch: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify(original[k as keyof Tenant])) patch[k] = value;
  }
  return patch as TenantPatch;
}
