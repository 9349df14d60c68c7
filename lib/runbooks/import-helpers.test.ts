import { keccak256, toHex, zeroHash } from "viem";
import { describe, expect, it } from "vitest";
import { readFixtureRunbook } from "../../tests/support/runbook-fixtures";
import { buildProposalHref } from "./build-proposal-href";
import { asPlaceholder, collectPlaceholders } from "./collect-placeholders";
import { collectSectionSteps } from "./collect-section-steps";
import { decodeRunbookBytes, MAX_RUNBOOK_BYTES } from "./decode-runbook-bytes";
import { parseRunbook } from "./parse-runbook";
import { roleFromHint, valueToWei } from "./resolve-runbook-action";
import { runbookSlug, runbookTitle } from "./runbook-slug";

describe("runbook slugs and titles", () => {
  it("makes a stable URL-safe slug from the title", () => {
    expect(runbookSlug("Operational Runbooks — Minted mUSD Protocol")).toBe(
      "operational-runbooks-minted-musd-protocol",
    );
    expect(runbookSlug("Café  Ops!!")).toBe("cafe-ops");
    expect(runbookSlug("—")).toBe("runbook");
  });
  it("falls back to the file name, then to a default", () => {
    expect(runbookTitle(null, "/tmp/ops/bridge-ops.md")).toBe("bridge-ops");
    expect(runbookTitle("  ", null)).toBe("Untitled runbook");
  });
});

describe("decodeRunbookBytes", () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  it("keeps a byte order mark: the text is stored exactly as given", () => {
    expect(decodeRunbookBytes(encode("\uFEFF# T\n"))).toBe("\uFEFF# T\n");
  });
  it.each([
    ["empty", encode(" \n\t"), /is empty/],
    ["a BOM only", encode("\uFEFF"), /is empty/],
    ["binary", Uint8Array.from([1, 0, 2]), /binary file/],
    ["not UTF-8", Uint8Array.from([0xc3, 0x28]), /not valid UTF-8/],
    ["too large", new Uint8Array(MAX_RUNBOOK_BYTES + 1).fill(0x61), /at most 2 MB/],
  ])("refuses %s naming the file field", (_name, bytes, message) => {
    expect(() => decodeRunbookBytes(bytes)).toThrow(message);
  });
});

describe("placeholders", () => {
  it("recognises $VARS, braced $VARS and <PLACEHOLDERS>, nothing else", () => {
    expect(asPlaceholder("$GLOBAL_PAUSE_REGISTRY")).toBe("$GLOBAL_PAUSE_REGISTRY");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable, as runbooks write it.
    expect(asPlaceholder("${ESCROW}")).toBe("$ESCROW");
    expect(asPlaceholder("<ESCROW_ADDRESS>")).toBe("<ESCROW_ADDRESS>");
    expect(asPlaceholder("0x00000000000000000000000000000000000000A1")).toBeNull();
    expect(asPlaceholder("10000")).toBeNull();
  });
  it("collects targets and open address arguments, not resolved values", () => {
    const placeholders = collectPlaceholders(parseRunbook(readFixtureRunbook("mis-encoded.md"))).map(
      (use) => use.placeholder,
    );
    // $KEEPER_ROLE is bound in the file ($(cast keccak ...)); $NEW_KEEPER/$OLD_KEEPER are open addresses.
    expect(placeholders).toEqual(["$LIQUIDATION_QUEUE", "$NEW_KEEPER", "$OLD_KEEPER", "$VAULT_MANAGER"]);
  });
});

describe("checklist runs", () => {
  it("an H2 procedure brings the steps of its H3 subsections, numbered once", () => {
    const parsed = parseRunbook(readFixtureRunbook("mis-encoded.md"));
    const steps = collectSectionSteps(parsed, "2-vault-freeze-circuit-breaker");
    expect(steps.map((item) => item.index)).toEqual(steps.map((_, index) => index));
    expect(new Set(steps.map((item) => item.section.anchor))).toEqual(
      new Set(["freeze", "unfreeze", "pre-unfreeze-checklist"]),
    );
    expect(steps.filter((item) => item.step.kind === "check")).toHaveLength(5);
    expect(collectSectionSteps(parsed, "no-such-anchor")).toEqual([]);
  });
});

describe("action resolution helpers", () => {
  it("reads the role from a Who: line", () => {
    expect(roleFromHint("Any GUARDIAN_ROLE holder")).toEqual({
      name: "GUARDIAN_ROLE",
      hash: keccak256(toHex("GUARDIAN_ROLE")),
    });
    expect(roleFromHint("DEFAULT_ADMIN_ROLE holder (multisig)")?.hash).toBe(zeroHash);
    expect(roleFromHint("SRE on-call")).toBeNull();
  });
  it("turns cast's --value into wei", () => {
    expect(valueToWei(null)).toBe("0");
    expect(valueToWei("1000")).toBe("1000");
    expect(valueToWei("1ether")).toBe("1000000000000000000");
    expect(valueToWei("2.5 gwei")).toBe("2500000000");
    expect(valueToWei("$AMOUNT")).toBeNull();
  });
  it("builds the proposal link with exactly the parameters the form reads", () => {
    const href = buildProposalHref({
      incidentRef: "INC-7",
      contractId: "c1",
      signature: "emergencyReduceCap(uint256,string)",
      args: [null, "Reason: forged attestation"],
      value: "0",
      safeId: null,
      versionId: "v1",
      anchor: "emergency-cap-reduction",
      actionIndex: 7,
    });
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/incidents/INC-7/proposals/new");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      contractId: "c1",
      signature: "emergencyReduceCap(uint256,string)",
      args: '["","Reason: forged attestation"]',
      value: "0",
      runbook: "v1:emergency-cap-reduction:7",
    });
  });
});
