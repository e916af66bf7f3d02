/**
 * Result lines shared by every benchmark. Each figure prints exactly one line:
 *   name: value unit (ratio R× vs baseline; target ≥ T×) OK|BELOW
 * Lower-is-better figures state their target with ≤ instead of ≥. Lines starting with "#" are notes
 * (what the baseline is, raw numbers) and are not figures.
 */

export interface Figure {
  name: string;
  value: number;
  unit: string;
  ratio: number;
  /** The target, and whether the figure must be at least (≥) or at most (≤) it. */
  target: { op: "≥" | "≤"; value: number; unit: string };
  /** Which number the target applies to: the ratio (default) or the value itself. */
  targetOn?: "ratio" | "value";
}

const figures: Array<Figure & { ok: boolean }> = [];

/** Round for display: 3 significant digits, no exponent for ordinary magnitudes. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1000) return n.toFixed(0);
  if (abs >= 100) return n.toFixed(1);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

/** Print one figure line and remember it for the exit status. */
export function figure(f: Figure): boolean {
  const checked = f.targetOn === "value" ? f.value : f.ratio;
  const ok = f.target.op === "≥" ? checked >= f.target.value : checked <= f.target.value;
  figures.push({ ...f, ok });
  const target = `${f.target.op} ${f.target.value}${f.target.unit === "×" ? "×" : ` ${f.target.unit}`}`;
  process.stdout.write(
    `${f.name}: ${fmt(f.value)} ${f.unit} (ratio ${f.ratio.toFixed(2)}× vs baseline; target ${target}) ${ok ? "OK" : "BELOW"}\n`,
  );
  return ok;
}

/** Print a note line (not a figure). */
export function note(text: string): void {
  for (const l of text.split("\n")) process.stdout.write(`# ${l}\n`);
}

/** Figures printed so far in this process. */
export function allFigures(): ReadonlyArray<Figure & { ok: boolean }> {
  return figures;
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Percentile (0..100) by nearest rank. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
