/**
 * Name and address normalization for denied-party screening. Pure functions: the import stores each entry's
 * normalized names (the `normalized` column) so screening never normalizes the list again.
 */

// Letters that NFKD does not decompose into a base letter plus a mark.
const FOLD: Record<string, string> = { ø: "o", ł: "l", đ: "d", ħ: "h", æ: "ae", œ: "oe", ß: "ss", ı: "i", þ: "th", ð: "d" };
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join("")}]`, "g");

/**
 * Company-form suffixes, as token sequences after dots are removed and single letters joined
 * ("S. A. de C. V." → "sa de cv"). Longest first, so "sa de cv" wins over "sa".
 */
const SUFFIX_PHRASES: string[][] = [
  "s de rl de cv",
  "s en c por a",
  "sa de cv",
  "sab de cv",
  "sapi de cv",
  "sapi de rl",
  "srl de cv",
  "sc de rl",
  "s de rl",
  "s en c",
  "sdn bhd",
  "cia ltda",
  "y cia",
  "fz llc",
  "sa",
  "sab",
  "sapi",
  "sas",
  "srl",
  "sl",
  "sll",
  "spa",
  "sarl",
  "sprl",
  "sro",
  "cv",
  "rl",
  "ag",
  "kg",
  "gmbh",
  "mbh",
  "bv",
  "nv",
  "ab",
  "as",
  "asa",
  "aps",
  "oy",
  "oyj",
  "plc",
  "pte",
  "pty",
  "llc",
  "llp",
  "lp",
  "ltd",
  "ltda",
  "limited",
  "inc",
  "incorporated",
  "co",
  "corp",
  "corporation",
  "company",
  "cia",
  "jsc",
  "ojsc",
  "cjsc",
  "pjsc",
  "ooo",
  "zao",
  "oao",
  "fze",
  "fzco",
  "fzc",
  "bhd",
  "kk",
  "sae",
  "wll",
]
  .map((p) => p.split(" "))
  .sort((a, b) => b.length - a.length);

/** Words that carry no identity ("the", "and", Spanish articles and "de"); dropped unless nothing else is left. */
const STOP_WORDS = new Set(["the", "and", "of", "y", "e", "de", "del", "la", "el", "los", "las", "et", "und"]);

/** Lower case, accents and marks removed, special letters folded. */
function fold(raw: string): string {
  return raw
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(FOLD_RE, (c) => FOLD[c] ?? c);
}

/** "s a de c v" → "sa de cv": initials written with spaces or dots count as one token. */
function joinInitials(tokens: string[]): string[] {
  const out: string[] = [];
  let run = "";
  for (const t of tokens) {
    if (t.length === 1) {
      run += t;
      continue;
    }
    if (run) out.push(run);
    run = "";
    out.push(t);
  }
  if (run) out.push(run);
  return out;
}

/** Drop company-form suffix phrases anywhere but the first token ("Co Ltd Trading" keeps "co"). */
function dropSuffixes(tokens: string[]): string[] {
  const out: string[] = tokens.slice(0, 1);
  let i = 1;
  outer: while (i < tokens.length) {
    for (const phrase of SUFFIX_PHRASES) {
      if (phrase.every((p, k) => tokens[i + k] === p)) {
        i += phrase.length;
        continue outer;
      }
    }
    out.push(tokens[i] as string);
    i += 1;
  }
  return out;
}

/**
 * A name as screening compares it: NFKD without accents, lower case, "&" as "and", dots and apostrophes removed
 * (so "S.A." is "sa"), other punctuation as spaces, initials joined, company suffixes such as "S.A. de C.V.",
 * "S. de R.L.", "LLC", "Inc", "Ltd", "Co", "Corp", "GmbH", "Limited", "Company" dropped, then stop words.
 * Tokens joined by one space; "" for a name with no letters or digits.
 */
export function normalizeName(raw: string): string {
  const text = fold(raw)
    .replace(/&/g, " and ")
    .replace(/['’‘`´.]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (!text) return "";
  const tokens = dropSuffixes(joinInitials(text.split(" ")));
  const kept = tokens.filter((t) => !STOP_WORDS.has(t));
  return (kept.length > 0 ? kept : tokens).join(" ");
}

/**
 * An address as screening compares it: folded like a name, every punctuation mark a space, no suffix removal
 * (a street called "Co" is a street).
 */
export function normalizeAddress(raw: string): string {
  return fold(raw)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The `normalized` column of a list entry: its normalized primary name on the first line, then each alias that
 * normalizes to something new, one per line. Screening reads the lines back with {@link splitNormalized}.
 */
export function normalizeEntryNames(name: string, altNames: readonly string[]): string {
  const primary = normalizeName(name);
  const seen = new Set([primary]);
  const lines = [primary];
  for (const alt of altNames) {
    const n = normalizeName(alt);
    if (n && !seen.has(n)) {
      seen.add(n);
      lines.push(n);
    }
  }
  return lines.join("\n");
}

/** The names stored by {@link normalizeEntryNames}: `[primary, ...aliases]`. */
export function splitNormalized(normalized: string): string[] {
  return normalized.split("\n");
}
