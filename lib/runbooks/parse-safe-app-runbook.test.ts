import { describe, expect, it } from "vitest";
import { readFixtureRunbook, sectionOf } from "../../tests/support/runbook-fixtures";
import { findProseCalls } from "./find-prose-calls";
import { parseRunbook } from "./index";
import { createScriptReader } from "./read-script-calls";
import { ZParsedRunbook } from "./schemas";

// tests/fixtures/runbooks/safe-app-actions.md: contract calls written for the Safe web app (prose, a
// `Function:` line), in an ethers script and in a Hardhat console session, none with `cast`.
describe("a runbook whose contract calls are written without cast", () => {
  const parsed = parseRunbook(readFixtureRunbook("safe-app-actions.md"));
  const inferred = parsed.actions.filter((action) => action.isInferred === true);
  const summary = (action: (typeof parsed.actions)[number]) => [
    action.kind,
    action.target,
    action.signature,
    action.expect,
  ];

  it("reads every call as an inferred action, bound by the contract's name or address variable", () => {
    expect(inferred.map(summary)).toEqual([
      ["send", "<Orchestrator>", "pauseAll()", null],
      ["send", "<Router402>", "pause()", null],
      ["send", "<PoolConfigurator>", "freezeReserve(address)", null],
      ["call", "<Orchestrator>", "paused()", "true"],
      // No target in the sentence: the section's **Contract:** names it.
      ["send", "<PoolConfigurator>", "setPoolPause(bool)", null],
      ["send", "$ORCHESTRATOR_ADDRESS", "pause()", null],
      ["call", "$ORCHESTRATOR_ADDRESS", "paused()", "true"],
      // Values without types: no signature, so no selector to propose with.
      ["send", "$ORCHESTRATOR_ADDRESS", null, null],
      ["send", "$POOL_ADDRESS", "pause()", null],
      ["call", "$POOL_ADDRESS", "paused()", "true"],
    ]);
    expect(parsed.actions.filter((action) => action.isInferred === undefined)).toHaveLength(2);
    expect(() => ZParsedRunbook.parse(parsed)).not.toThrow();
  });

  it("keeps selectors and open arguments as a cast action would", () => {
    const freeze = inferred[2]!;
    expect(freeze).toMatchObject({
      signatureAsWritten: "freezeReserve(address asset)",
      argTypes: ["address"],
      args: ["<address>"],
      argValues: [null],
      runbook: "manual-via-multi-sig",
    });
    expect(inferred[0]!.selector).toBe("0x595c6a67");
    expect(inferred[7]).toMatchObject({
      signatureAsWritten: 'setGuardian("0x2222222222222222222222222222222222222222")',
      selector: null,
      args: ["0x2222222222222222222222222222222222222222"],
    });
  });

  it("turns the step that states a call into an action or read step", () => {
    const steps = sectionOf(parsed, "manual-via-multi-sig").steps;
    expect(steps.map((step) => step.kind)).toEqual(["check", "action", "action", "action", "verify"]);
    expect(sectionOf(parsed, "scripted").steps.map((step) => step.kind)).toEqual([
      "note",
      "action",
      "verify",
      "action",
    ]);
    expect(sectionOf(parsed, "hardhat-console").steps.map((step) => step.kind)).toEqual([
      "command",
      "note",
      "action",
      "verify",
    ]);
  });

  it("reads no call from prose that only mentions a function", () => {
    expect(parsed.actions.some((action) => action.runbook === "3-notes-for-reviewers")).toBe(false);
  });
});

describe("prose and script calls", () => {
  it("needs a target: the sentence's, or the section's contract", () => {
    expect(findProseCalls("Execute pause() via the Safe", null)).toEqual([]);
    expect(findProseCalls("Execute pause() on mainnet", "Vault")).toMatchObject([{ target: "<Vault>" }]);
    expect(findProseCalls("Call pause() on $VAULT", null)).toMatchObject([{ target: "$VAULT" }]);
    expect(findProseCalls("Math.max(1, 2) is the bound", null)).toEqual([]);
  });

  it("follows bindings through a script, and leaves tx.wait() and ethers itself alone", () => {
    const read = createScriptReader();
    expect(read("const ROUTER = process.env.ROUTER_ADDRESS;").calls).toEqual([]);
    expect(read("const router = new ethers.Contract(ROUTER, abi, signer);").calls).toEqual([]);
    expect(
      read("const tx = await router.connect(guardian).setPaused(true, { value: 0 });").calls,
    ).toMatchObject([
      { kind: "send", target: "$ROUTER_ADDRESS", name: "setPaused", inside: "true", value: "0" },
    ]);
    expect(read("await tx.wait();").calls).toEqual([]);
    expect(read("await ethers.provider.getBalance(x)").calls).toEqual([]);
  });

  it("follows a binding whose arguments span lines, and gives up on one that never closes", () => {
    const parsed = parseRunbook(
      [
        "## Pause",
        "",
        "```js",
        "const vault = await ethers.getContractAt(",
        '  "Vault",',
        "  process.env.VAULT_ADDRESS,",
        ");",
        "const router = new ethers.Contract(",
        "  ROUTER,",
        "  abi,",
        "  signer",
        ")",
        "await vault.pause();",
        "await router.setPaused(true);",
        "const pool = await ethers.getContract(",
        '  "Pool"',
        ");",
        "await pool.paused(); // Should return true",
        "```",
      ].join("\n"),
    );
    expect(parsed.actions.map((action) => [action.kind, action.target, action.signatureAsWritten])).toEqual([
      ["send", "$VAULT_ADDRESS", "pause()"],
      ["send", "$ROUTER", "setPaused(true)"],
      ["call", "<Pool>", "paused()"],
    ]);
    expect(parsed.actions[2]).toMatchObject({ expect: "true", isInferred: true });

    const read = createScriptReader();
    expect(read("const x = await ethers.getContractAt(").calls).toEqual([]);
    for (let line = 0; line < 6; line++) expect(read('  "(",').calls).toEqual([]);
    // The window is spent: the held lines are read as code, and what follows is read as ever.
    expect(read("await x.pause();").calls).toMatchObject([{ kind: "send", target: "<x>", name: "pause" }]);
    expect(read("await y.unpause();").calls).toMatchObject([{ target: "<y>", name: "unpause" }]);
    const unfinished = createScriptReader();
    unfinished("const z = new ethers.Contract(");
    expect(unfinished("  await other.pause()").calls).toEqual([]);
    expect(unfinished.end().calls).toMatchObject([{ target: "<other>", name: "pause" }]);
  });

  it("reads a shell comment that says to execute a function as an inferred action, and no other comment", () => {
    const parsed = parseRunbook(
      [
        "## Pause",
        "",
        "**Contract:** Vault",
        "",
        "```bash",
        "# Manual via multi-sig",
        "# Go to https://app.safe.global",
        "# Execute pauseAll() on Orchestrator",
        "",
        "# 2. Call pause()",
        "# pause() stops deposits",
        "# Verify paused() returns true",
        "",
        "# Execute setFee(uint256) on $ROUTER",
        'cast send $ROUTER "setFee(uint256)" 30',
        "```",
      ].join("\n"),
    );
    expect(
      parsed.actions.map((action) => [action.kind, action.target, action.signature, action.isInferred]),
    ).toEqual([
      ["send", "<Orchestrator>", "pauseAll()", true],
      ["send", "<Vault>", "pause()", true],
      // The comment right above a cast is that cast's comment, not a second action.
      ["send", "$ROUTER", "setFee(uint256)", undefined],
    ]);
    expect(sectionOf(parsed, "pause").steps).toMatchObject([
      { kind: "note", text: "Manual via multi-sig" },
      { kind: "note", text: "Go to https://app.safe.global" },
      { kind: "action", text: "Execute pauseAll() on Orchestrator", actionIndex: 0 },
      { kind: "action", text: "2. Call pause()", actionIndex: 1 },
      { kind: "note", text: "pause() stops deposits" },
      { kind: "note", text: "Verify paused() returns true" },
      { kind: "action", comment: "Execute setFee(uint256) on $ROUTER", actionIndex: 2 },
    ]);
  });
});

describe("delays stated in prose around a timelock", () => {
  const parsed = parseRunbook(readFixtureRunbook("safe-app-actions.md"));
  const steps = sectionOf(parsed, "2-parameter-change-through-the-timelock").steps;
  const shape = steps.map((step) => [
    step.kind,
    "durationSeconds" in step ? (step.durationSeconds ?? null) : null,
  ]);

  it("gives the step that starts a delay its duration, numbered or not", () => {
    expect(shape.slice(0, 3)).toEqual([
      ["check", 21_600],
      ["check", null],
      ["check", 172_800],
    ]);
  });

  it("puts a delay the text before a block states after the block's first transaction, once", () => {
    // "(starts the 48 hour delay):" before the schedule call, "# After 48 hours" before the execute call.
    expect(shape.slice(3)).toEqual([
      ["note", null],
      ["action", null],
      ["wait", 172_800],
      ["action", null],
      ["note", null],
    ]);
  });
});
