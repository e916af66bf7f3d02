import type { TFunction } from "i18next";
import { isApiError } from "../../api/client";
import { COUNTRY_CODES } from "../../lib/countries";
import type { PartnerDetail, PartnerInput } from "./api";
import { hintIdentifier, type IdentifierKind, type PartnerType, type RiskLevel } from "./domain";

export const PARTNER_FIELDS = [
  "name",
  "legalName",
  "type",
  "countryCode",
  "externalKey",
  "address",
  "website",
  "riskLevel",
  "notes",
] as const;

export interface IdentifierRow {
  /** Stable React key: rows can be removed from the middle. */
  key: string;
  kind: IdentifierKind | null;
  value: string;
}

export interface ContactRow {
  key: string;
  name: string;
  email: string;
  phone: string;
  role: string;
}

export interface PartnerFormValues {
  name: string;
  legalName: string;
  type: PartnerType | null;
  countryCode: string | null;
  externalKey: string;
  address: string;
  website: string;
  riskLevel: RiskLevel;
  notes: string;
  identifiers: IdentifierRow[];
  contacts: ContactRow[];
}

let seq = 0;
/** A key for a new editor row. */
export function rowKey(): string {
  seq += 1;
  return `row-${seq}`;
}

export function toFormValues(p: PartnerDetail | null): PartnerFormValues {
  return {
    name: p?.name ?? "",
    legalName: p?.legalName ?? "",
    type: p?.type ?? null,
    countryCode: p?.countryCode ?? null,
    externalKey: p?.externalKey ?? "",
    address: p?.address ?? "",
    website: p?.website ?? "",
    riskLevel: p?.riskLevel ?? "medium",
    notes: p?.notes ?? "",
    identifiers: (p?.identifiers ?? []).map((i) => ({ key: rowKey(), kind: i.kind, value: i.value })),
    contacts: (p?.contacts ?? []).map((c) => ({
      key: rowKey(),
      name: c.name,
      email: c.email ?? "",
      phone: c.phone ?? "",
      role: c.role ?? "",
    })),
  };
}

const countrySet = new Set(COUNTRY_CODES);
export const isCountry = (code: string) => countrySet.has(code);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Client-side checks before sending. Identifier format errors block the submit (the server refuses them too);
 * warnings do not. Keys: field names, `identifiers.<i>`, `contacts.<i>.<field>`.
 */
export function validatePartner(v: PartnerFormValues, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.name.trim()) errors.name = t("validation.required");
  if (!v.type) errors.type = t("validation.required");
  if (!v.countryCode) errors.countryCode = t("validation.required");
  const seen = new Set<string>();
  v.identifiers.forEach((row, i) => {
    if (!row.kind && !row.value.trim()) return;
    if (!row.kind) {
      errors[`identifiers.${i}`] = t("partners.identifiers.chooseKind");
      return;
    }
    const hint = hintIdentifier(row.kind, row.value, isCountry);
    if (hint.level === "error" || hint.level === "length")
      errors[`identifiers.${i}`] = t(`partners.identifiers.hint.${hint.level}`, { shape: t(`partners.identifiers.shape.${row.kind}`) });
    const dup = `${row.kind}:${hint.normalized}`;
    if (seen.has(dup)) errors[`identifiers.${i}`] = t("partners.identifiers.duplicate");
    seen.add(dup);
  });
  v.contacts.forEach((c, i) => {
    const any = c.name.trim() || c.email.trim() || c.phone.trim() || c.role.trim();
    if (any && !c.name.trim()) errors[`contacts.${i}.name`] = t("validation.required");
    if (c.email.trim() && !EMAIL.test(c.email.trim())) errors[`contacts.${i}.email`] = t("validation.email");
  });
  return errors;
}

const opt = (s: string) => s.trim() || null;

/** Body for POST (empty optional fields left out) or PATCH (cleared fields sent as null; lists replace). */
export function toPartnerInput(v: PartnerFormValues, mode: "create" | "update"): PartnerInput {
  const body: PartnerInput = {
    name: v.name.trim(),
    type: v.type as PartnerType,
    countryCode: v.countryCode as string,
    riskLevel: v.riskLevel,
    identifiers: v.identifiers
      .filter((r) => r.kind && r.value.trim())
      .map((r) => ({ kind: r.kind as IdentifierKind, value: r.value.trim() })),
    contacts: v.contacts
      .filter((c) => c.name.trim())
      .map((c) => ({ name: c.name.trim(), email: opt(c.email), phone: opt(c.phone), role: opt(c.role) })),
  };
  for (const f of ["legalName", "externalKey", "address", "website", "notes"] as const) {
    const value = opt(v[f]);
    if (mode === "update" || value !== null) body[f] = value;
  }
  if (mode === "create") {
    // Contacts: the server takes absent optional fields more readily than nulls on create.
    body.contacts = body.contacts?.map((c) => Object.fromEntries(Object.entries(c).filter(([, x]) => x !== null)) as typeof c);
  }
  return body;
}

/**
 * Server validation issues about the identifier and contact rows (`identifiers.<i>`, `contacts.<i>.<field>`), so
 * they show on the row the server named rather than above the form.
 */
export function rowErrors(t: TFunction, e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(e) || e.code !== "validation_failed") return out;
  for (const issue of e.issues) {
    // The server prefixes paths with "body"; find the list name wherever it sits.
    const at = issue.path.findIndex((p) => p === "identifiers" || p === "contacts");
    if (at < 0) continue;
    const [list, index, field] = issue.path.slice(at);
    if (list === "identifiers" && typeof index === "number")
      out[`identifiers.${index}`] = t("errors.fieldInvalid", { message: issue.message });
    if (list === "contacts" && typeof index === "number") {
      out[`contacts.${index}.${typeof field === "string" ? field : "name"}`] = t("errors.fieldInvalid", { message: issue.message });
    }
  }
  return out;
}
