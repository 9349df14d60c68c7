// `npm run bench`: runs every bench/*.bench.ts and prints each figure with its target, and its baseline and
// ratio where it has one. `--quick` (used by `npm test`) runs the same code on small data so it cannot rot.
// Benchmarks never fail on a slow figure: they report; `--strict` exits 1 when a decided target is missed.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import type { BenchFunction, BenchResult } from "../bench/types";
import { wireTimelineSubscribers } from "../lib/notifications";

const ZArgs = z.object({ quick: z.boolean(), strict: z.boolean(), only: z.string().optional() });

function parseArgs(argv: string[]) {
  const known = new Set(["--quick", "--strict"]);
  const onlyIndex = argv.indexOf("--only");
  const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
  const unknown = argv.filter((arg, index) => !known.has(arg) && arg !== "--only" && index !== onlyIndex + 1);
  if (unknown.length > 0 || (onlyIndex >= 0 && !only)) {
    console.error(
      `usage: npm run bench -- [--quick] [--strict] [--only <name>]  (unknown: ${unknown.join(" ") || "--only needs a name"})`,
    );
    process.exit(2);
  }
  return ZArgs.parse({ quick: argv.includes("--quick"), strict: argv.includes("--strict"), only });
}

function format(result: BenchResult): string {
  const value = `${result.value} ${result.unit}`;
  const baseline = result.baseline
    ? `  baseline ${result.baseline.name}: ${result.baseline.value} ${result.unit}  ratio ${(result.value / result.baseline.value).toFixed(2)}x`
    : "";
  const verdict = result.isMet === undefined ? "" : result.isMet ? "  [met]" : "  [MISSED]";
  return `${result.name.padEnd(58)} ${value.padStart(14)}  target ${result.target}${baseline}${verdict}`;
}

const args = parseArgs(process.argv.slice(2));
// Benchmarks call lib directly: wire what every appended timeline event also does, as the server does.
wireTimelineSubscribers();
const benchDir = path.join(process.cwd(), "bench");
const files = readdirSync(benchDir)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => !args.only || file.includes(args.only))
  .sort();

console.log(
  `Breakglass benchmarks (${args.quick ? "quick mode: small data" : "full"}) on ${process.platform}/${process.arch}, node ${process.version}`,
);
const all: BenchResult[] = [];
const failed: string[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(path.join(benchDir, file)).href)) as Record<string, unknown>;
  const benches = Object.entries(module).filter(
    ([name, value]) => name.startsWith("bench") && typeof value === "function",
  );
  for (const [name, fn] of benches) {
    const started = performance.now();
    try {
      const results = await (fn as BenchFunction)({ quick: args.quick });
      for (const result of results) console.log(format(result));
      all.push(...results);
    } catch (error) {
      // A bench that breaks is a bug (unlike a slow figure): the others still run, and the run fails.
      failed.push(`${file} ${name}`);
      console.error(`  ${file} ${name} FAILED: ${(error as Error)?.stack ?? error}`);
    }
    console.log(`  (${file} ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
}
const missed = all.filter((result) => result.isMet === false);
console.log(
  `${all.length} figures, ${missed.length} missed target${missed.length === 1 ? "" : "s"}${failed.length ? `, ${failed.length} bench(es) failed: ${failed.join(", ")}` : ""}`,
);
if (failed.length > 0 || (args.strict && missed.length > 0)) process.exit(1);
// Some benchmarks leave pools or child processes behind on purpose-free exit paths: end explicitly.
process.exit(0);
