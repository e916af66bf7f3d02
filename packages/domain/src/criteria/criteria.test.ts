import { describe, expect, it } from "vitest";
import { ENTITY_TYPES } from "../entity-types.ts";
import {
  CERTAINTY_GRADES,
  CriteriaLibrarySchema,
  type CriterionInput,
  CriterionSchema,
  createCriteriaIndex,
  criteriaFor,
  FOCUS_AREA_IDS,
  getCriterion,
  levelLabel,
  levelOn,
  levelUnknownFor,
  MSC_LIBRARY,
  searchCriteria,
} from "./index.ts";
import { MSC_LIBRARY_INPUT } from "./library.ts";

const { criteria, categories, focusAreas } = MSC_LIBRARY;
const ids = (list: { id: string }[]) => list.map((c) => c.id);

/** Every ID the reference lists for U.S. Importers (ctpat-reference.md §3A with the addenda). */
const IMPORTER_IDS = [
  ...["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.4", "3.5", "3.6", "3.7", "3.9"],
  ...["4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11", "4.12", "4.13"],
  ...["5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.8", "5.14", "5.16", "5.29", "6.1", "6.2", "6.5", "6.6", "6.7"],
  ...["7.1", "7.2", "7.4", "7.5", "7.6", "7.7", "7.8", "7.10", "7.23", "7.24", "7.25", "7.27", "7.28", "7.29", "7.30", "7.37"],
  ...["8.1", "9.1", "9.2", "9.4", "9.5", "9.6", "9.7", "9.8", "9.9", "9.10", "9.11", "9.12", "9.13", "9.14", "9.15", "9.16"],
  ...["10.1", "10.2", "10.3", "10.4", "10.7", "10.8", "10.9", "10.10", "11.1", "11.2", "11.5"],
  ...["12.1", "12.2", "12.4", "12.6", "12.7", "12.8", "12.9", "12.10"],
];

describe("MSC library: structure", () => {
  it("validates against its schema", () => {
    expect(CriteriaLibrarySchema.safeParse(MSC_LIBRARY_INPUT).success).toBe(true);
    expect(MSC_LIBRARY.publishedOn).toBe("2019-11-27");
    expect(MSC_LIBRARY.notes.length).toBeGreaterThan(0);
  });

  it("has unique, well-formed IDs whose prefix is the category", () => {
    expect(new Set(ids(criteria)).size).toBe(criteria.length);
    for (const c of criteria) {
      expect(c.id).toMatch(/^(?:[1-9]|1[0-2])\.[1-9]\d?$/);
      expect(c.id.split(".")[0]).toBe(String(c.categoryId));
    }
  });

  it("has all 12 categories, each with at least one criterion", () => {
    expect(categories.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const cat of categories) expect(criteria.some((c) => c.categoryId === cat.id)).toBe(true);
  });

  it("puts each category in one of the 3 focus areas, four each, in CBP's order", () => {
    expect(focusAreas.map((f) => f.id)).toEqual([...FOCUS_AREA_IDS]);
    const area = (n: number) => categories.find((c) => c.id === n)?.focusAreaId;
    for (const n of [1, 2, 3, 4]) expect(area(n)).toBe("corporate-security");
    for (const n of [5, 6, 7, 8]) expect(area(n)).toBe("transportation-security");
    for (const n of [9, 10, 11, 12]) expect(area(n)).toBe("people-and-physical-security");
    expect(categories.find((c) => c.id === 9)?.name.en).toBe("Physical Security");
  });
});

describe("MSC library: content quality", () => {
  it("grades every criterion, applicability, change and unknown level with an allowed certainty and a source", () => {
    for (const c of criteria) {
      expect(CERTAINTY_GRADES).toContain(c.provenance.certainty);
      expect(c.provenance.sources.length).toBeGreaterThan(0);
      for (const a of Object.values(c.applicability)) {
        expect(CERTAINTY_GRADES).toContain(a?.certainty);
        expect(a?.source.length).toBeGreaterThan(0);
      }
      for (const x of [...c.effectiveChanges, ...c.levelUnknown]) {
        expect(CERTAINTY_GRADES).toContain(x.certainty);
        expect(x.source.length).toBeGreaterThan(0);
      }
    }
  });

  it("has English and Spanish texts that are present and differ", () => {
    const pairs = [
      ...criteria.flatMap((c) => [c.requirement, c.guidance]),
      ...categories.map((c) => c.name),
      ...focusAreas.map((f) => f.name),
    ];
    for (const p of pairs) {
      expect(p.en.trim()).not.toBe("");
      expect(p.es.trim()).not.toBe("");
      expect(p.es).not.toBe(p.en);
    }
  });

  it("keeps requirement paraphrases short", () => {
    for (const c of criteria) {
      expect(c.requirement.en.length, c.id).toBeLessThanOrEqual(400);
      expect(c.requirement.es.length, c.id).toBeLessThanOrEqual(400);
    }
  });

  it("marks disputed levels uncertain instead of presenting them as certain", () => {
    expect(getCriterion("2.2")?.applicability.importer).toMatchObject({ level: "must", certainty: "uncertain", mixed: true });
    expect(getCriterion("5.1")?.applicability.importer).toMatchObject({ level: "must", certainty: "uncertain" });
    expect(getCriterion("5.2")?.applicability.importer?.certainty).toBe("uncertain");
    expect(getCriterion("5.2")?.applicability["sea-carrier"]?.certainty).toBe("verified");
    expect(getCriterion("7.4")?.applicability.importer).toMatchObject({ level: "should", certainty: "uncertain" });
  });

  it("flags yearly reviews only where the reference supports them", () => {
    expect(ids(criteria.filter((c) => c.yearlyReview))).toEqual(["2.3", "4.6", "6.1", "9.8"]);
  });
});

describe("MSC library: coverage by entity type", () => {
  it("is complete for U.S. importers", () => {
    const importer = criteriaFor(["importer"]);
    expect(ids(importer.map((x) => x.criterion))).toEqual(IMPORTER_IDS);
    expect(importer.find((x) => x.criterion.id === "1.1")?.level).toBe("should");
    expect(importer.find((x) => x.criterion.id === "6.2")?.level).toBe("must");
  });

  it("gives every entity type a non-empty set", () => {
    for (const type of ENTITY_TYPES) expect(criteriaFor([type]).length, type).toBeGreaterThan(0);
  });

  it("applies CBP's CORE items to every entity type", () => {
    for (const id of ["6.1", "6.2", "7.37", "11.1", "11.2", "11.5"]) {
      expect(Object.keys(getCriterion(id)?.applicability ?? {}).sort(), id).toEqual([...ENTITY_TYPES].sort());
    }
  });

  it("lists criteria whose Must/Should is unknown separately", () => {
    expect(ids(levelUnknownFor(["air-carrier"]))).toEqual(["6.4"]);
    expect(ids(levelUnknownFor(["customs-broker"]))).toEqual(["12.5"]);
    expect(criteriaFor(["air-carrier"]).some((x) => x.criterion.id === "6.4")).toBe(false);
  });
});

describe("levelLabel", () => {
  it("uses CBP's Spanish labels Debe / Debería", () => {
    expect(levelLabel("must", "es")).toBe("Debe");
    expect(levelLabel("should", "es")).toBe("Debería");
    expect(levelLabel("must", "en")).toBe("Must");
    expect(levelLabel("should")).toBe("Should");
  });
});

describe("criteriaFor", () => {
  it("unions entity types", () => {
    const both = criteriaFor(["importer", "highway-carrier"]);
    expect(both.find((x) => x.criterion.id === "6.3")).toMatchObject({ level: "must", appliesTo: ["highway-carrier"] });
    expect(both.find((x) => x.criterion.id === "1.1")).toMatchObject({ level: "should", mustBecause: [] });
    expect(both.find((x) => x.criterion.id === "6.2")?.mustBecause).toEqual(["importer", "highway-carrier"]);
    expect(both.length).toBeGreaterThan(criteriaFor(["importer"]).length);
  });

  it("lets Must beat Should and records which type made it Must", () => {
    const [base] = MSC_LIBRARY_INPUT.criteria as CriterionInput[];
    const fake: CriterionInput = {
      ...(base as CriterionInput),
      applicability: {
        importer: { level: "should", certainty: "verified", source: "test" },
        "highway-carrier": { level: "must", certainty: "uncertain", source: "test" },
        "3pl": { level: "must", certainty: "secondary", source: "test" },
      },
    };
    const lib = CriteriaLibrarySchema.parse({ ...MSC_LIBRARY_INPUT, criteria: [fake] });
    const [row] = createCriteriaIndex(lib).criteriaFor(["importer", "highway-carrier", "3pl"]);
    expect(row).toMatchObject({ level: "must", mustBecause: ["highway-carrier", "3pl"], certainty: "secondary" });
    expect(row?.byEntityType.importer?.level).toBe("should");
  });

  it("applies effective dates when asked for a day", () => {
    const level39 = (on: string) => criteriaFor(["importer"], { on }).find((x) => x.criterion.id === "3.9")?.level;
    expect(level39("2021-06-01")).toBeUndefined();
    expect(level39("2022-06-01")).toBe("should");
    expect(level39("2023-06-01")).toBe("must");
  });
});

describe("levelOn", () => {
  it("applies the 3.9 changes: added as Should (Oct 2021), Must from 2023-01-01", () => {
    expect(levelOn("3.9", "importer", "2021-09-30")).toBeNull();
    expect(levelOn("3.9", "importer", "2021-10-01")).toBe("should");
    expect(levelOn("3.9", "importer", "2022-12-31")).toBe("should");
    expect(levelOn("3.9", "importer", "2023-01-01")).toBe("must");
    expect(levelOn("3.9", "importer", new Date("2024-05-01T12:00:00Z"))).toBe("must");
    expect(getCriterion("3.9")?.effectiveChanges.find((c) => c.change === "became-must")?.certainty).toBe("secondary");
  });

  it("returns null before the edition, for unknown IDs and for types the criterion is not known to apply to", () => {
    expect(levelOn("1.1", "importer", "2019-06-01")).toBeNull();
    expect(levelOn("1.1", "importer", "2020-01-15")).toBe("should");
    expect(levelOn("6.3", "importer", "2024-01-01")).toBeNull();
    expect(levelOn("99.1", "importer", "2024-01-01")).toBeNull();
    expect(() => levelOn("1.1", "importer", "01/02/2024")).toThrow(RangeError);
  });
});

describe("searchCriteria", () => {
  it("matches an ID prefix", () => {
    expect(ids(searchCriteria({ text: "6." }))).toEqual(["6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7"]);
    expect(ids(searchCriteria({ text: "12" })).every((id) => id.startsWith("12."))).toBe(true);
    const five = ids(searchCriteria({ text: "5.1" }));
    expect(five[0]).toBe("5.1");
    expect(five).toContain("5.14");
    expect(ids(searchCriteria({ text: "6.2" }))).toEqual(["6.2"]);
  });

  it("matches Spanish words with or without accents", () => {
    const accented = ids(searchCriteria({ text: "inspección agrícola", lang: "es" }));
    const plain = ids(searchCriteria({ text: "INSPECCION agricola", lang: "es" }));
    expect(accented).toEqual(plain);
    expect(accented).toContain("5.3");
    expect(ids(searchCriteria({ text: "capacitacion" }))).toContain("12.1");
  });

  it("matches English words and respects the language filter", () => {
    expect(ids(searchCriteria({ text: "seal VVTT" }))).toEqual(["6.7"]);
    expect(searchCriteria({ text: "sello", lang: "en" })).toEqual([]);
    expect(searchCriteria({ text: "sello", lang: "es" }).length).toBeGreaterThan(0);
  });

  it("filters by entity type, category and level", () => {
    const hcSeals = searchCriteria({ text: "sello", entityType: "highway-carrier", categoryId: 6 });
    expect(ids(hcSeals)).toEqual(["6.1", "6.2", "6.3"]);
    const should = searchCriteria({ entityType: "importer", level: "should", categoryId: 1 });
    expect(ids(should)).toEqual(["1.1", "1.2"]);
    expect(ids(searchCriteria({ entityType: "customs-broker", categoryId: 12 }))).toEqual(["12.1", "12.5"]);
  });
});

describe("criterion schema", () => {
  const valid = MSC_LIBRARY_INPUT.criteria[0] as CriterionInput;

  it("rejects a malformed ID, a prefix mismatch and an unknown level or certainty", () => {
    expect(CriterionSchema.safeParse(valid).success).toBe(true);
    expect(CriterionSchema.safeParse({ ...valid, id: "13.1" }).success).toBe(false);
    expect(CriterionSchema.safeParse({ ...valid, id: "2.1" }).success).toBe(false);
    const bad = (a: object) => CriterionSchema.safeParse({ ...valid, applicability: { importer: { source: "x", ...a } } }).success;
    expect(bad({ level: "may", certainty: "verified" })).toBe(false);
    expect(bad({ level: "must", certainty: "likely" })).toBe(false);
  });

  it("rejects duplicate IDs in a library", () => {
    expect(CriteriaLibrarySchema.safeParse({ ...MSC_LIBRARY_INPUT, criteria: [valid, valid] }).success).toBe(false);
  });
});
