/**
 * One figure a benchmark prints. `baseline` is measured in the same run where the issue asks for a ratio
 * (e.g. the API against raw SQL); `target` is the figure, as text ("< 200", "<= 3x and <= 50").
 */
export type BenchResult = {
  name: string;
  value: number;
  unit: string;
  target: string;
  baseline?: { name: string; value: number };
  /** Whether the figure met its target, when that can be decided here. */
  isMet?: boolean;
};

export type BenchOptions = { quick: boolean };
export type BenchFunction = (options: BenchOptions) => Promise<BenchResult[]>;

/** p-quantile of a list of numbers (nearest rank). */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
