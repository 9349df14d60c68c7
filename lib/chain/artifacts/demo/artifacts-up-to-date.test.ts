import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileDemoContracts, DEMO_ARTIFACTS_DIR, renderDemoArtifacts } from "@/scripts/compile-contracts";

// The artifacts are committed so nothing compiles at run time; this keeps them from drifting from contracts/.
describe("committed demo contract artifacts", () => {
  it("equal a fresh solc compile of contracts/*.sol (run `npm run contracts:build` if this fails)", () => {
    const fresh = renderDemoArtifacts(compileDemoContracts());
    // A contract deleted from contracts/ must not leave its artifact behind.
    const committedNames = readdirSync(DEMO_ARTIFACTS_DIR).filter((f) => f.endsWith(".json") || f === "abis.ts");
    expect(committedNames.sort()).toEqual(Object.keys(fresh).sort());
    for (const [name, contents] of Object.entries(fresh)) {
      const committed = readFileSync(path.join(DEMO_ARTIFACTS_DIR, name), "utf8");
      expect(committed, name).toBe(contents);
    }
  }, 60_000);
});
