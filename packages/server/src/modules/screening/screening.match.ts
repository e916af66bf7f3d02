/**
 * Fuzzy denied-party matching (pure). Names are compared as token sets: every token of one side is paired with its
 * most similar token of the other side by Jaro–Winkler, and the score is the share of all characters (both sides)
 * that found a partner, weighted by that similarity: 0–100. A list entry is compared by its primary name and its
 * aliases; addresses, when both sides have one, can only raise a score that the name already made plausible.
 * Candidates are prefiltered by token prefixes (pairs of the first three letters) and an upper bound of the score,
 * so a partner is fully compared with the few entries that share similar words, not the whole list.
 */
import { normalizeAddress, normalizeName, splitNormalized } from "./screening.normalize.ts";

/** A match is recorded at this score or above. */
export const MATCH_THRESHOLD = 85;
/** A name this close (but under the threshold) is lifted when the address agrees too. */
export const ADDRESS_NAME_FLOOR = 70;
/** Address similarity needed for the address to count. */
export const ADDRESS_THRESHOLD = 80;
/** Token pairs less similar than this count as different words (Jaro–Winkler of unrelated words is often 0.5–0.7). */
const TOKEN_FLOOR = 0.88;

/** What of the entry matched: its primary name, an alias, and whether its address agreed. */
export type MatchedOn = "name" | "alias" | "address";

const FLAG_SIZE = 64;
const FLAGS_A = new Uint8Array(FLAG_SIZE);
const FLAGS_B = new Uint8Array(FLAG_SIZE);

/** Jaro–Winkler similarity of two strings, 0..1 (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  // Reused flags: this runs millions of times per screening run, and words are short.
  const usedA = la <= FLAG_SIZE ? FLAGS_A.fill(0, 0, la) : new Uint8Array(la);
  const usedB = lb <= FLAG_SIZE ? FLAGS_B.fill(0, 0, lb) : new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!usedB[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        usedA[i] = 1;
        usedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let half = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (!usedA[i]) continue;
    while (!usedB[j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) half++;
    j++;
  }
  const jaro = (matches / la + matches / lb + (matches - half / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Similarity of two tokens: short tokens and numbers must be equal; longer words may differ by a typo. */
function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 4 || b.length < 4 || /\d/.test(a) || /\d/.test(b)) return 0;
  const s = jaroWinkler(a, b);
  return s >= TOKEN_FLOOR ? s : 0;
}

/**
 * Token-set similarity 0–100 of two token lists: each token's best Jaro–Winkler partner on the other side,
 * weighted by token length, over both sides. Word order does not matter; an extra word on either side lowers it.
 */
export function tokenSetScore(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const bestB = new Float64Array(b.length);
  let matched = 0;
  let total = 0;
  for (const ta of a) {
    let best = 0;
    for (let j = 0; j < b.length; j++) {
      const s = tokenSimilarity(ta, b[j] as string);
      if (s > best) best = s;
      if (s > (bestB[j] as number)) bestB[j] = s;
    }
    matched += best * ta.length;
    total += ta.length;
  }
  for (let j = 0; j < b.length; j++) {
    matched += (bestB[j] as number) * (b[j] as string).length;
    total += (b[j] as string).length;
  }
  return (matched / total) * 100;
}

/** Score of two names as typed (both normalized here); for tests and one-off comparisons. */
export function nameScore(a: string, b: string): number {
  return Math.round(tokenSetScore(tokensOf(normalizeName(a)), tokensOf(normalizeName(b))));
}

const tokensOf = (normalized: string): string[] => (normalized ? normalized.split(" ") : []);

/** A list entry as the matcher needs it: the stored `normalized` column and its addresses and countries. */
export interface MatchEntry {
  id: string;
  normalized: string;
  addresses: readonly string[];
  countryCodes: readonly string[];
}

/** Who is screened: a partner's names (raw), its address and country. */
export interface MatchSubject {
  names: readonly string[];
  address: string | null;
  countryCode: string | null;
}

/** One entry that matched a subject. */
export interface MatchHit {
  entryId: string;
  score: number;
  matchedOn: MatchedOn[];
}

interface IndexedName {
  entry: number;
  alias: boolean;
  tokens: string[];
  weight: number;
}

/** Screens subjects against a fixed set of entries; build once per run. */
export interface Matcher {
  screen(subject: MatchSubject): MatchHit[];
  /** Pairs fully scored so far (after the prefilter), for benchmarks and tests. */
  readonly compared: number;
}

/** Only equal tokens can match these (see tokenSimilarity). */
const exactOnly = (token: string) => token.length < 4 || /\d/.test(token);

/**
 * Keys of a token's start: the three ordered letter pairs of its first three letters ("tra" → tr, ta, ra). Two words
 * one typo apart share at least one, whichever of the first letters the typo hit.
 */
function startKeys(token: string): string[] {
  const [a, b, c] = [token[0] ?? "", token[1] ?? "", token[2] ?? ""];
  return [...new Set([a + b, a + c, b + c])];
}

/**
 * Build the matcher over `entries` (their stored `normalized` column). The prefilter works on the vocabulary: each
 * distinct word of the list is indexed by the pairs of its first letters; a subject word is compared with the few
 * list words that share one, and only entries holding a similar word are considered at all.
 */
export function buildMatcher(entries: readonly MatchEntry[]): Matcher {
  const names: IndexedName[] = [];
  const tokenIds = new Map<string, number>();
  const tokenText: string[] = [];
  const namesOfToken: number[][] = [];
  const keyIndex = new Map<string, number[]>();
  const idOf = (token: string) => {
    let id = tokenIds.get(token);
    if (id === undefined) {
      id = tokenText.length;
      tokenIds.set(token, id);
      tokenText.push(token);
      namesOfToken.push([]);
      if (!exactOnly(token)) {
        for (const key of startKeys(token)) {
          const list = keyIndex.get(key);
          if (list) list.push(id);
          else keyIndex.set(key, [id]);
        }
      }
    }
    return id;
  };
  entries.forEach((entry, e) => {
    splitNormalized(entry.normalized).forEach((line, k) => {
      const tokens = tokensOf(line);
      if (tokens.length === 0) return;
      const n = names.length;
      names.push({ entry: e, alias: k > 0, tokens, weight: tokens.reduce((w, t) => w + t.length, 0) });
      // Once per occurrence, so a repeated word weighs what it weighs in the score.
      for (const t of tokens) namesOfToken[idOf(t)]?.push(n);
    });
  });

  const similarCache = new Map<string, number[]>();
  /** Vocabulary words that score above zero against `token` (cached: partners share many words). */
  const similarTokens = (token: string): number[] => {
    let found = similarCache.get(token);
    if (found) return found;
    if (exactOnly(token)) {
      const id = tokenIds.get(token);
      found = id === undefined ? [] : [id];
    } else {
      const candidates = new Set<number>();
      for (const key of startKeys(token)) for (const id of keyIndex.get(key) ?? []) candidates.add(id);
      found = [...candidates].filter((id) => tokenSimilarity(token, tokenText[id] as string) > 0);
    }
    similarCache.set(token, found);
    return found;
  };

  const hitA = new Float64Array(names.length);
  const hitB = new Float64Array(names.length);
  const lastA = new Int32Array(names.length);
  let stamp = 0;
  const addressCache = new Map<number, string[][]>();
  const entryAddresses = (e: number) => {
    let cached = addressCache.get(e);
    if (!cached) {
      cached = (entries[e]?.addresses ?? []).map((a) => tokensOf(normalizeAddress(a)));
      addressCache.set(e, cached);
    }
    return cached;
  };
  let compared = 0;

  /** Entries whose name may reach `floor` against `tokens`, by an upper bound that only similar words can fill. */
  function candidates(tokens: string[], floor: number): number[] {
    const weight = tokens.reduce((w, t) => w + t.length, 0);
    const touched: number[] = [];
    const vocabulary = new Set<number>();
    for (const a of tokens) {
      stamp++;
      for (const id of similarTokens(a)) {
        vocabulary.add(id);
        for (const n of namesOfToken[id] as number[]) {
          if (hitA[n] === 0 && hitB[n] === 0) touched.push(n);
          // Each subject word counts once per entry name, however many of its words resemble it.
          if (lastA[n] !== stamp) {
            lastA[n] = stamp;
            hitA[n] = (hitA[n] as number) + a.length;
          }
        }
      }
    }
    for (const id of vocabulary) {
      const len = (tokenText[id] as string).length;
      for (const n of namesOfToken[id] as number[]) hitB[n] = (hitB[n] as number) + len;
    }
    const passed: number[] = [];
    for (const n of touched) {
      const name = names[n] as IndexedName;
      const bound = (Math.min(hitA[n] as number, weight) + Math.min(hitB[n] as number, name.weight)) / (weight + name.weight);
      hitA[n] = 0;
      hitB[n] = 0;
      if (bound * 100 >= floor) passed.push(n);
    }
    return passed;
  }

  function screen(subject: MatchSubject): MatchHit[] {
    const subjectNames = [...new Set(subject.names.map(normalizeName).filter(Boolean))].map(tokensOf);
    const addressTokens = subject.address ? tokensOf(normalizeAddress(subject.address)) : [];
    // Scores are kept as whole numbers: 84.5 rounds to 85 and is a match.
    const floor = (addressTokens.length > 0 ? ADDRESS_NAME_FLOOR : MATCH_THRESHOLD) - 0.5;
    // Best name score per entry, and whether it came from an alias.
    const best = new Map<number, { score: number; alias: boolean }>();
    for (const tokens of subjectNames) {
      for (const n of candidates(tokens, floor)) {
        const candidate = names[n] as IndexedName;
        compared++;
        const score = tokenSetScore(tokens, candidate.tokens);
        if (score < floor) continue;
        const prev = best.get(candidate.entry);
        if (!prev || score > prev.score || (score === prev.score && prev.alias && !candidate.alias)) {
          best.set(candidate.entry, { score, alias: candidate.alias });
        }
      }
    }
    const hits: MatchHit[] = [];
    for (const [e, { score, alias }] of best) {
      const entry = entries[e] as MatchEntry;
      const matchedOn: MatchedOn[] = [alias ? "alias" : "name"];
      let final = score;
      if (addressTokens.length > 0 && addressAgrees(addressTokens, subject.countryCode, entryAddresses(e), entry.countryCodes)) {
        // The address raises confidence: half of the way to 100. It never makes a match on its own (name ≥ floor).
        final = score + (100 - score) / 2;
        matchedOn.push("address");
      }
      const rounded = Math.round(final);
      if (rounded >= MATCH_THRESHOLD) hits.push({ entryId: entry.id, score: rounded, matchedOn });
    }
    return hits.sort((a, b) => b.score - a.score || a.entryId.localeCompare(b.entryId));
  }

  return {
    screen,
    get compared() {
      return compared;
    },
  };
}

/** An address agrees when one of the entry's is similar enough and the countries agree where both are known. */
function addressAgrees(
  subject: string[],
  countryCode: string | null,
  entryAddresses: string[][],
  entryCountries: readonly string[],
): boolean {
  if (entryAddresses.length === 0) return false;
  if (countryCode && entryCountries.length > 0 && !entryCountries.includes(countryCode.toUpperCase())) return false;
  return entryAddresses.some((a) => a.length > 0 && tokenSetScore(subject, a) >= ADDRESS_THRESHOLD);
}
