import fc from "fast-check";
import { toFunctionSelector } from "viem";
import { describe, expect, it } from "vitest";
import { canonicalizeSignature } from "./canonical-signature";
import { parseRunbook } from "./parse-runbook";
import { ZParsedRunbook } from "./schemas";

const TYPES = [
  "uint",
  "uint256",
  "int",
  "address",
  "bool",
  "string",
  "bytes",
  "bytes32",
  "uint8[]",
  "(uint,address)",
  "tuple(bool)[2]",
  "uint7",
  "args",
  "",
  " ",
];

const signature = fc
  .tuple(
    fc.constantFrom("pause", "grantRole", "f", "x_1", "$weird", "1bad"),
    fc.array(fc.constantFrom(...TYPES), { maxLength: 4 }),
    fc.constantFrom(",", ", ", " , "),
  )
  .map(([name, types, separator]) => `${name}(${types.join(separator)})`);

const castLine = fc
  .tuple(
    fc.constantFrom("send", "call"),
    fc.constantFrom("$TARGET", "<ESCROW_ADDRESS>", "0xabc", '"$Q"'),
    signature,
    fc.constantFrom("", "(bool)", "(uint256,int)", "(junk"),
    fc.array(
      fc.constantFrom(
        "$A",
        "<B>",
        '"text arg"',
        "10000",
        '$(cast keccak "ROLE")',
        "--value 1ether",
        "--rpc-url $RPC",
        "\\\n  ",
      ),
      { maxLength: 4 },
    ),
  )
  .map(
    ([kind, target, sig, returns, args]) =>
      `cast ${kind} ${target} "${sig}${kind === "call" ? returns : ""}" ${args.join(" ")}`,
  );

const fragment = fc.oneof(
  fc.constantFrom(
    "# Title",
    "## 1. Section — General",
    "### Pause (Emergency)",
    "#### SEV1: Critical Outage",
    "### CRITICAL: HighRPCErrorRate",
    "**Contract:** `Foo.sol`  \n**When:** always  \n**Severity:** P1",
    "**Who:** Any `GUARDIAN_ROLE` holder",
    "- [ ] check me",
    "- [x] done",
    "1. **Numbered** step",
    "2. Wait 24 hours",
    "UNPAUSE_DELAY = 24 hours",
    "| Severity | Definition | Response Time |\n|---|---|---|\n| P1 — Critical | x | Immediate (<15 min) |",
    "| Alert | Condition | Runbook Section |\n|---|---|---|\n| `A` | b | §1 |\n| `B` | c | §99 |",
    "| Alert |\n|---|\n| |",
    "- Alert: SomethingBroke fires",
    "```bash",
    "```",
    "```markdown\n[ ] a\n[x] b\n```",
    "### Communication Template\n```\nINCIDENT: [Title]\n```",
    "# Expected: true",
    "# Expected response:",
    "sleep 30",
    'for i in 1 2; do\n  echo "$i"\ndone',
    'psql -c "\nSELECT 1;\n"',
    "cat <<EOF\nhello\nEOF",
    "> quoted **Severity classification:** P1 = immediate, P2 = within 1 hour",
    "â€” Â§2 ðŸš¨",
    "<div>html</div>",
    "Table of Contents",
    "1. Execute pauseAll() on Orchestrator",
    "- **Function:** `Router402.pause()`",
    "Call `setFee(uint256 fee)` on `$ROUTER` (48 hour delay - coordinate with team)",
    "Verify Vault.paused() returns true",
    '```js\nconst o = await ethers.getContractAt("PILv2Orchestrator", process.env.ORCH);\nawait o.pause();\nawait o.paused(); // Should return true\n```',
    "```console\n> await contract.pause()\n> await contract.paused()\ntrue\n```",
    "| Scenario | Section | Fires when |\n|---|---|---|\n| `LowGas` alert | A | x < 1 |\n| Prose | [B](#b) | |",
    "## A. Gas",
    "**Alert:** RPC error rate > 10% for 2+ minutes",
    "**Fires when:** balance < 1 ETH",
    "- [ ] **Week 1:**\n\n  - [ ] a\n      - [ ] b",
    "Schedule through timelock (6 hour emergency delay):",
    "# After 48 hours",
    "// Should return true",
    "",
  ),
  castLine,
  fc
    .array(castLine, { minLength: 1, maxLength: 3 })
    .map((lines) => `\`\`\`bash\n${lines.join("\n# Expected: true\n")}\n\`\`\``),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

const markdownLike = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join("\n"));

let actionCount = 0;

function assertWellFormed(markdown: string): void {
  const parsed = parseRunbook(markdown);
  actionCount += parsed.actions.length;
  ZParsedRunbook.parse(parsed);
  for (const action of parsed.actions) {
    if (action.signature === null) {
      // Raw calldata names its own selector; anything else without a signature has none.
      expect(action.selector).toBe(action.calldata?.slice(0, 10) ?? null);
      continue;
    }
    expect(canonicalizeSignature(action.signature)?.signature).toBe(action.signature);
    expect(action.selector).toBe(toFunctionSelector(action.signature));
  }
  const anchors = new Set(parsed.runbooks.map((runbook) => runbook.anchor));
  for (const route of parsed.alertRoutes) expect(anchors.has(route.runbook)).toBe(true);
  for (const action of parsed.actions) {
    // Inferred actions are marked, and marked only ever as true (absent for a cast command).
    expect(action.isInferred === undefined || action.isInferred === true).toBe(true);
  }
  for (const runbook of parsed.runbooks) {
    for (const step of runbook.steps) {
      if (step.kind === "action" || step.kind === "verify")
        expect(parsed.actions[step.actionIndex]).toBeDefined();
    }
  }
}

describe("parseRunbook properties", () => {
  it("never throws on arbitrary strings and returns schema-valid output", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), assertWellFormed), { numRuns: 300 });
  });

  it("never throws on Markdown-like input; signatures are canonical and selectors are viem's", () => {
    actionCount = 0;
    fc.assert(fc.property(markdownLike, assertWellFormed), { numRuns: 500 });
    expect(actionCount).toBeGreaterThan(0);
  });

  it("prints only signatures that canonicalise to themselves", () => {
    fc.assert(
      fc.property(signature, fc.constantFrom("", "(bool)", "(uint,address)"), (sig, returns) => {
        const canonical = canonicalizeSignature(sig + returns);
        if (canonical === null) return;
        expect(canonicalizeSignature(canonical.signature)?.signature).toBe(canonical.signature);
        expect(toFunctionSelector(canonical.signature)).toMatch(/^0x[0-9a-f]{8}$/);
      }),
    );
  });
});
