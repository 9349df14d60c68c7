import { keccak256, toHex, zeroHash } from "viem";
import { describe, expect, inject, it } from "vitest";
import { db } from "../../lib/db/client";
import {
  bindPlaceholder,
  type ContractAction,
  importRunbook,
  listPlaceholderBindings,
  loadRunbookAction,
  resolveRunbookAction,
} from "../../lib/runbooks";
import { seededExampleVersion, unique } from "./runbooks-support";

function action(overrides: Partial<ContractAction>): ContractAction {
  return {
    kind: "send",
    target: "$GLOBAL_PAUSE_REGISTRY",
    signature: "pauseGlobal()",
    signatureAsWritten: "pauseGlobal()",
    selector: "0x98e9a952",
    argTypes: [],
    returns: [],
    args: [],
    argValues: [],
    value: null,
    expect: null,
    command: "cast send ...",
    runbook: null,
    ...overrides,
  };
}

async function demoContract(name: string) {
  return db().contract.findFirstOrThrow({ where: { name, chainId: 31337 } });
}

describe("placeholder bindings", () => {
  it("the example placeholders resolve to the demo contracts, and role hints to the Safe holding the role", async () => {
    const deployment = inject("deployment");
    const example = await seededExampleVersion();
    const parsed = example.parsed as { actions: ContractAction[] };
    const pauseIndex = parsed.actions.findIndex((a) => a.signature === "pauseGlobal()");
    const unpauseIndex = parsed.actions.findIndex((a) => a.signature === "unpauseGlobal()");

    const pause = await loadRunbookAction({ versionId: example.id, actionIndex: pauseIndex });
    expect(pause.section?.who).toBe("Any GUARDIAN_ROLE holder (the Guardian Safe, 2 signatures)");
    expect(pause.resolved.contract?.address).toBe(deployment.contracts.globalPauseRegistry);
    expect(pause.resolved.role).toEqual({ name: "GUARDIAN_ROLE", hash: keccak256(toHex("GUARDIAN_ROLE")) });
    expect(pause.resolved.suggestedSafe?.address).toBe(deployment.safes.guardian.address);
    expect(pause.resolved).toMatchObject({ args: [], value: "0", signature: "pauseGlobal()" });

    const unpause = await loadRunbookAction({ versionId: example.id, actionIndex: unpauseIndex });
    expect(unpause.resolved.role?.hash).toBe(zeroHash);
    expect(unpause.resolved.suggestedSafe?.address).toBe(deployment.safes.admin.address);
  });

  it("resolves $(cast keccak) arguments, bound address placeholders and --value; leaves open values null", async () => {
    const bridge = await demoContract("BLEBridgeV9");
    const escrow = `<ESCROW_ADDRESS_${unique().toUpperCase()}>`;
    await bindPlaceholder({ placeholder: escrow, contractId: bridge.id });
    const resolved = await resolveRunbookAction(
      action({
        target: escrow,
        signature: "grantRole(bytes32,address)",
        argTypes: ["bytes32", "address"],
        args: ['$(cast keccak "EMERGENCY_ROLE")', "$NEW_GUARDIAN"],
        argValues: [null, null],
        value: "0.5ether",
      }),
      { who: "`DEFAULT_ADMIN_ROLE` holder (multisig)" },
    );
    expect(resolved.contract?.id).toBe(bridge.id);
    expect(resolved.args).toEqual([keccak256(toHex("EMERGENCY_ROLE")), null]);
    expect(resolved.unresolvedArgs).toEqual([{ index: 1, asWritten: "$NEW_GUARDIAN", type: "address" }]);
    expect(resolved.value).toBe("500000000000000000");
    expect(resolved.suggestedSafe?.label).toBe("Admin Safe");

    const withAddressArg = await resolveRunbookAction(
      action({ signature: "setFeed(address)", argTypes: ["address"], args: [escrow], argValues: [null] }),
    );
    expect(withAddressArg.args).toEqual([bridge.address]);
  });

  it("a binding is remembered for later imports and listed on the mapping screen; unbinding removes it", async () => {
    const oracle = await demoContract("PriceOracle");
    const placeholder = `$VAULT_${unique().toUpperCase()}`;
    const markdown = `# Bindings ${unique()}\n\n## Drain\n\n\`\`\`bash\ncast send ${placeholder} "sweep()"\n\`\`\`\n`;
    const first = await importRunbook({ source: markdown, importedBy: "test" });
    expect(first.preview.placeholders).toEqual([{ placeholder, actionCount: 1, contract: null }]);
    await bindPlaceholder({ placeholder, contractId: oracle.id });
    const second = await importRunbook({ source: `${markdown}\nEdited.\n`, importedBy: "test" });
    expect(second.preview.placeholders[0]?.contract?.id).toBe(oracle.id);
    const { rows } = await listPlaceholderBindings();
    expect(rows.find((row) => row.placeholder === placeholder)).toMatchObject({
      isExplicit: true,
      contract: { id: oracle.id },
      runbooks: [{ documentId: first.document.id }],
    });
    await bindPlaceholder({ placeholder, contractId: null });
    expect(await db().placeholderBinding.findUnique({ where: { placeholder } })).toBeNull();
  });

  it("refuses an unknown contract and a malformed placeholder, naming the field", async () => {
    await expect(bindPlaceholder({ placeholder: "$X", contractId: "nope" })).rejects.toThrow(/contractId/);
    await expect(bindPlaceholder({ placeholder: "not a placeholder", contractId: null })).rejects.toThrow(
      /must look like/,
    );
  });
});
