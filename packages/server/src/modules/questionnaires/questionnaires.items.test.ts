import { describe, expect, it } from "vitest";
import { createWording, entityTypeOfPartner, questionnaireCriteria, questionnaireScore } from "./questionnaires.items.ts";

describe("questionnaire score", () => {
  it("weighs a Must twice, scores yes 100 / partial 50 / no 0 and leaves N/A out", () => {
    expect(
      questionnaireScore([
        { level: "must", answer: "yes" }, // 2 × 100
        { level: "should", answer: "partial" }, // 1 × 50
        { level: "must", answer: "no" }, // 2 × 0
        { level: "must", answer: "not_applicable" }, // left out
      ]),
    ).toBe(Math.round(250 / 5));
    expect(questionnaireScore([{ level: "should", answer: "yes" }])).toBe(100);
    expect(
      questionnaireScore([
        { level: "must", answer: "partial" },
        { level: "should", answer: "no" },
      ]),
    ).toBe(Math.round(100 / 3));
  });

  it("is null when everything is not applicable, and counts an unanswered item as no", () => {
    expect(questionnaireScore([{ level: "must", answer: "not_applicable" }])).toBeNull();
    expect(questionnaireScore([])).toBeNull();
    expect(
      questionnaireScore([
        { level: "should", answer: "yes" },
        { level: "should", answer: null },
      ]),
    ).toBe(50);
  });
});

describe("questionnaire wording", () => {
  it("maps partner types to CTPAT entity types, 'other' and unknown types answering as importers", () => {
    expect(entityTypeOfPartner("manufacturer")).toBe("foreign-manufacturer");
    expect(entityTypeOfPartner("terminal-operator")).toBe("marine-port-terminal-operator");
    expect(entityTypeOfPartner("other")).toBe("importer");
    expect(entityTypeOfPartner("spaceship")).toBe("importer");
  });

  it("words a criterion in the questionnaire's language, with CBP's level labels", () => {
    const [must] = questionnaireCriteria("highway-carrier").filter((c) => c.level === "must");
    const es = createWording("highway-carrier", "es")(must?.criterionId as string);
    const en = createWording("highway-carrier", "en")(must?.criterionId as string);
    expect([es.levelLabel, en.levelLabel]).toEqual(["Debe", "Must"]);
    expect(es.requirement).not.toBe(en.requirement);
    expect(createWording("highway-carrier", "es")("99.9")).toMatchObject({ level: "should", levelLabel: "Debería", requirement: "99.9" });
  });
});
