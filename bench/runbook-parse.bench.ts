import { parseRunbook } from "../lib/runbooks";
import { generateLargeRunbook } from "../tests/support/generate-large-runbook";
import { type BenchOptions, type BenchResult, round } from "./types";

/**
 * Median time to parse a generated 1 MB runbook. Target: under 200 ms on the 2-core CI machine.
 * Warm-up runs first, so the number is the steady state an import sees, not V8's first compile.
 */
export async function benchRunbookParse({ quick }: BenchOptions): Promise<BenchResult[]> {
  const markdown = generateLargeRunbook(1_000_000);
  const warmups = quick ? 2 : 5;
  const runs = quick ? 5 : 21;
  for (let index = 0; index < warmups; index++) parseRunbook(markdown);
  const timings: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    parseRunbook(markdown);
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)]!;
  return [
    {
      name: "runbook parse 1 MB (median)",
      value: round(median),
      unit: "ms",
      target: "< 200",
      isMet: median < 200,
    },
  ];
}
