import { describe, expect, it } from "vitest";
import { buildMatcher, jaroWinkler, MATCH_THRESHOLD, type MatchEntry, nameScore, tokenSetScore } from "./screening.match.ts";
import { normalizeAddress, normalizeEntryNames, normalizeName, splitNormalized } from "./screening.normalize.ts";

const entry = (id: string, name: string, extra: Partial<Omit<MatchEntry, "id" | "normalized">> & { altNames?: string[] } = {}) => ({
  id,
  normalized: normalizeEntryNames(name, extra.altNames ?? []),
  addresses: extra.addresses ?? [],
  countryCodes: extra.countryCodes ?? [],
});

describe("normalization", () => {
  it("folds accents and case, drops company forms and stop words, joins initials", () => {
    expect(normalizeName("Acme Trading S.A. de C.V.")).toBe("acme trading");
    expect(normalizeName("ACME TRADING SA DE CV")).toBe("acme trading");
    expect(normalizeName("Acme Trading S. A. de C. V.")).toBe("acme trading");
    expect(normalizeName("Transportes del Norte, S. de R.L. de C.V.")).toBe("transportes norte");
    expect(normalizeName("Müller & Søn GmbH")).toBe("muller son");
    expect(normalizeName("Shenzhen Fictional Electronics Co., Ltd.")).toBe("shenzhen fictional electronics");
    expect(normalizeName("The Imaginary Company Limited")).toBe("imaginary");
    expect(normalizeName("J.P. O'Fake Inc")).toBe("jp ofake");
    // The first word is never a suffix, and a name of stop words keeps them.
    expect(normalizeName("Co-Op Fictivo LLC")).toBe("co op fictivo");
    expect(normalizeName("The And")).toBe("the and");
    expect(normalizeName("¡!—")).toBe("");
    expect(normalizeAddress("Av. Ficticia #123, Col. Centro")).toBe("av ficticia 123 col centro");
  });

  it("stores the primary name first and each new alias once", () => {
    const stored = normalizeEntryNames("ACME TRADING SA DE CV", ["Acme Trading", "ACME COMERCIAL", "acme comercial s.a."]);
    expect(splitNormalized(stored)).toEqual(["acme trading", "acme comercial"]);
  });
});

describe("Jaro–Winkler", () => {
  it("gives the textbook values", () => {
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.961, 3);
    expect(jaroWinkler("dwayne", "duane")).toBeCloseTo(0.84, 3);
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.813, 3);
    expect(jaroWinkler("same", "same")).toBe(1);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
    expect(jaroWinkler("", "abc")).toBe(0);
  });

  it("token sets ignore word order and count extra words against the score", () => {
    expect(tokenSetScore(["petrov", "ivan"], ["ivan", "petrov"])).toBe(100);
    expect(tokenSetScore(["acme"], ["acme", "shipping"])).toBeCloseTo(50, 5);
    expect(tokenSetScore([], ["x"])).toBe(0);
  });
});

describe("name scores against the threshold (85)", () => {
  const truePositives: [string, string][] = [
    ["Acme Trading S.A. de C.V.", "ACME TRADING SA DE CV"],
    ["Shenzhen Huaxin Fictional Electronics Co Ltd", "Shenzen Huaxin Fictional Electronic Co., Limited"],
    ["PETROV, Ivan Fakeovich", "Ivan Fakeovich Petrov"],
    ["Müller Logistik GmbH", "MULLER LOGISTIK"],
    ["Banco Nacional de Fantasia", "Banco Nacional de Fantasía S.A."],
    ["Acme Trading", "Acme Tradinq"],
  ];
  const nearMisses: [string, string][] = [
    ["Global Star Logistics", "Global Sun Logistics"],
    ["Acme Trading", "Acne Trading"],
    ["Acme Trading", "Acme Trading Group"],
    ["Fictional Freight Forwarders", "Fictional Freight Partners"],
  ];
  const negatives: [string, string][] = [
    ["Maple Leaf Imaginary Foods", "Zorblatt Dynamics"],
    ["Acme Trading", "Acme Holding"],
    ["Acme", "Acme Shipping Co"],
    ["Acme Trading", "Acme Trading International Holdings"],
    ["Quuxbridge Shipping LLC", "Bridgewater Shipping LLC"],
  ];

  it.each(truePositives)("%s ≈ %s", (a, b) => {
    expect(nameScore(a, b)).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
  it.each(nearMisses)("near miss: %s vs %s scores 60–84", (a, b) => {
    const score = nameScore(a, b);
    expect(score).toBeLessThan(MATCH_THRESHOLD);
    expect(score).toBeGreaterThanOrEqual(60);
  });
  it.each(negatives)("negative: %s vs %s scores under 60", (a, b) => {
    expect(nameScore(a, b)).toBeLessThan(60);
  });
});

describe("matcher", () => {
  const entries = [
    entry("e1", "ACME TRADING SA DE CV", {
      altNames: ["ACME COMERCIAL"],
      addresses: ["Av. Ficticia 123, Guadalajara, MX"],
      countryCodes: ["MX"],
    }),
    entry("e2", "Global Sun Logistics", { addresses: ["9 Harbour Road, Imaginary Bay, HK"], countryCodes: ["HK"] }),
    entry("e3", "Zorblatt Dynamics Ltd."),
  ];
  const matcher = buildMatcher(entries);

  it("matches on the name or on an alias, and says which", () => {
    expect(matcher.screen({ names: ["Acme Trading S.A. de C.V."], address: null, countryCode: "MX" })).toEqual([
      { entryId: "e1", score: 100, matchedOn: ["name"] },
    ]);
    expect(matcher.screen({ names: ["Acme Comercial S. de R.L."], address: null, countryCode: "MX" })).toEqual([
      { entryId: "e1", score: 100, matchedOn: ["alias"] },
    ]);
    // The legal name counts as much as the trade name.
    expect(matcher.screen({ names: ["Nothing Alike", "Zorblatt Dynamic Limited"], address: null, countryCode: null })[0]).toMatchObject({
      entryId: "e3",
      matchedOn: ["name"],
    });
  });

  it("lets an agreeing address lift a close name over the threshold, never a name that is not close", () => {
    const close = { names: ["Global Star Logistics"], countryCode: "HK" };
    expect(matcher.screen({ ...close, address: null })).toEqual([]);
    const hit = matcher.screen({ ...close, address: "9 Harbour Rd., Imaginary Bay" });
    expect(hit).toEqual([{ entryId: "e2", score: expect.any(Number), matchedOn: ["name", "address"] }]);
    expect(hit[0]?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // Same address, but the countries disagree: the address does not count.
    expect(matcher.screen({ ...close, countryCode: "MX", address: "9 Harbour Rd., Imaginary Bay" })).toEqual([]);
    // The same address with an unrelated name is no match at all.
    expect(matcher.screen({ names: ["Quuxbridge Shipping"], countryCode: "HK", address: "9 Harbour Road, Imaginary Bay" })).toEqual([]);
    // An address on top of a name match raises the score.
    const both = matcher.screen({ names: ["Acme Tradinq"], countryCode: "MX", address: "Av Ficticia 123 Guadalajara" });
    expect(both[0]).toMatchObject({ entryId: "e1", matchedOn: ["name", "address"] });
    expect(both[0]?.score).toBeGreaterThan(nameScore("Acme Tradinq", "ACME TRADING SA DE CV"));
  });

  it("finds the same name matches as comparing every pair, while scoring a small share of the pairs", () => {
    const words = makeWords(400, 7);
    const rand = lcg(42);
    const pick = () => words[Math.floor(rand() * words.length)] as string;
    const common = ["trading", "logistics", "electronics", "international", "global", "industrial"];
    const list = Array.from({ length: 2000 }, (_, i) =>
      entry(`x${i}`, `${pick()} ${rand() < 0.5 ? (common[i % common.length] as string) : pick()} ${rand() < 0.3 ? pick() : ""} Ltd`),
    );
    // Half the subjects are list names with one letter dropped (typos), half are random.
    const subjects = Array.from({ length: 300 }, (_, i) => {
      if (i % 2 === 0) return `${pick()} ${pick()} ${common[i % common.length]}`;
      const name = splitNormalized((list[(i * 7) % list.length] as MatchEntry).normalized)[0] as string;
      const at = 2 + (i % Math.max(1, name.length - 3));
      return name.slice(0, at) + name.slice(at + 1);
    });
    const m = buildMatcher(list);
    let planted = 0;
    for (const s of subjects) {
      const fast = m.screen({ names: [s], address: null, countryCode: null }).map((h) => h.entryId);
      const tokens = normalizeName(s).split(" ");
      const brute = list
        .filter((e) => Math.round(tokenSetScore(tokens, (splitNormalized(e.normalized)[0] as string).split(" "))) >= MATCH_THRESHOLD)
        .map((e) => e.id);
      expect(fast.sort()).toEqual(brute.sort());
      planted += fast.length > 0 ? 1 : 0;
    }
    expect(planted).toBeGreaterThan(100);
    expect(m.compared).toBeLessThan(subjects.length * list.length * 0.05);
  });

  it("screens 1,000 partners against 10,000 entries in seconds", () => {
    const words = makeWords(3000, 11);
    const rand = lcg(7);
    const pick = () => words[Math.floor(rand() * words.length)] as string;
    const list = Array.from({ length: 10_000 }, (_, i) =>
      entry(`y${i}`, `${pick()} ${pick()} Trading Co`, { altNames: rand() < 0.3 ? [`${pick()} ${pick()}`] : [] }),
    );
    const started = performance.now();
    const m = buildMatcher(list);
    let hits = 0;
    for (let i = 0; i < 1000; i++) {
      const name = i % 10 === 0 ? `${splitNormalized((list[i] as MatchEntry).normalized)[0]} SA de CV` : `${pick()} ${pick()} Logistics`;
      hits += m.screen({ names: [name], address: "1 Fake Street", countryCode: "MX" }).length;
    }
    const ms = performance.now() - started;
    expect(hits).toBeGreaterThanOrEqual(100);
    expect(ms).toBeLessThan(10_000);
  });
});

/** A deterministic pseudo-random generator (tests must not depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Invented pronounceable words (clearly not real names). */
function makeWords(n: number, seed: number): string[] {
  const rand = lcg(seed);
  const c = "bdfgklmnprstvz";
  const v = "aeiou";
  const out = new Set<string>();
  while (out.size < n) {
    let w = "";
    const syllables = 2 + Math.floor(rand() * 2);
    for (let k = 0; k < syllables; k++) w += (c[Math.floor(rand() * c.length)] as string) + (v[Math.floor(rand() * v.length)] as string);
    out.add(w);
  }
  return [...out];
}
