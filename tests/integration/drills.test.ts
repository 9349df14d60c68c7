import {
  type Address,
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  type Hex,
  http,
  parseAbi,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth";
import { loadIncidentChainScope } from "@/lib/chain";
import { db } from "@/lib/db";
import { getDrill, injectScenario, standInForOwner, startDrill, stopDrill } from "@/lib/drills";
import { createKit } from "@/lib/kits";
import { getIncidentRunbooks, importRunbook } from "@/lib/runbooks";
import {
  addSignature,
  claimExecution,
  listProposalTargets,
  proposeSafeTransaction,
  recordExecution,
  safeAbi,
  safeTxTypedData,
  toExecTransactionArgs,
  verifyProposal,
} from "@/lib/safe";
import { author, declare, smallRunbook, unique } from "./runbooks-support";
import { addressOf, keyOf, memberAuthor, stack } from "./safe-support";

const pauseAbi = parseAbi([
  "function isGloballyPaused() view returns (bool)",
  "function hasRole(bytes32, address) view returns (bool)",
]);

async function commander(): Promise<Actor> {
  const member = await db().member.findUniqueOrThrow({ where: { address: addressOf(1) } });
  return {
    kind: "member",
    id: member.id,
    address: member.address,
    name: member.displayName,
    role: "commander",
  };
}

async function drillRunbook() {
  const { version } = await importRunbook({
    source: smallRunbook(`Drill runbook ${unique()}`),
    fileName: "drill.md",
    importedBy: "drill test",
  });
  return version;
}

const started: string[] = [];
afterAll(async () => {
  for (const id of started) await stopDrill({ drillId: id, author }).catch(() => {});
});

describe("drills on a fork", () => {
  it("forks the demo chain with its own chain id; the drill's signatures are refused by the real Safe; the pause happens on the fork only; the score records it", async () => {
    const { deployment, publicClient } = stack();
    const version = await drillRunbook();
    const { drill, incident } = await startDrill({
      input: { runbookVersionId: version.id, anchor: "pause-everything" },
      author: await memberAuthor(1),
      actor: await commander(),
    });
    started.push(drill.id);

    // The fork answers with its own chain id and starts from the source chain's state.
    const source = await publicClient.getChainId();
    expect(drill.forkChainId).not.toBe(source);
    const forkChain = defineChain({
      id: drill.forkChainId,
      name: "drill",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [drill.rpcUrl] } },
    });
    const fork = createPublicClient({ chain: forkChain, transport: http(drill.rpcUrl) });
    expect(await fork.getChainId()).toBe(drill.forkChainId);
    expect(incident.isDrill).toBe(true);
    const registryAddress = getAddress(deployment.contracts.globalPauseRegistry);
    const guardian = getAddress(deployment.safes.guardian.address);
    expect(
      await fork.readContract({ address: registryAddress, abi: pauseAbi, functionName: "isGloballyPaused" }),
    ).toBe(false);

    // Registered as a drill chain with the source's contracts and Safes; the runbook's action resolves there.
    const chain = await db().chain.findUniqueOrThrow({ where: { id: drill.forkChainId } });
    expect(chain.drillSourceChainId).toBe(source);
    const [run] = await getIncidentRunbooks({ id: incident.id, ref: `INC-${incident.number}` });
    const pauseStep = run!.steps.find((step) => step.action?.signature === "pauseGlobal()");
    const forkContractIds = (await db().contract.findMany({ where: { chainId: drill.forkChainId } })).map(
      (c) => c.id,
    );
    expect(forkContractIds).toContain(pauseStep?.action?.contract?.id);
    const forkSafe = await db().safe.findUniqueOrThrow({
      where: { chainId_address: { chainId: drill.forkChainId, address: guardian } },
    });
    const forkRegistry = await db().contract.findUniqueOrThrow({
      where: { chainId_address: { chainId: drill.forkChainId, address: registryAddress } },
    });

    const proposal = await proposeSafeTransaction({
      incidentId: incident.id,
      author: await memberAuthor(5),
      input: {
        safeId: forkSafe.id,
        title: "Drill: pause everything",
        calls: [{ contractId: forkRegistry.id, signature: "pauseGlobal()", args: [], value: "0" }],
        runbook: `${version.id}:pause-everything:0`,
      },
    });
    expect(proposal.safeId).toBe(forkSafe.id);
    // The runbook's verify step is bound to the real registry; on a drill it reads the fork's copy.
    expect((proposal.verifications as { contractId: string }[]).map((v) => v.contractId)).toEqual([
      forkRegistry.id,
    ]);

    // The copies carry the real labels: each incident is offered, and may use, only its own side.
    const drillTargets = await listProposalTargets(await loadIncidentChainScope(incident.id));
    expect(new Set(drillTargets.safes.map((s) => s.chainId))).toEqual(new Set([drill.forkChainId]));
    expect(new Set(drillTargets.contracts.map((c) => c.chainId))).toEqual(new Set([drill.forkChainId]));
    const { incident: real } = await declare();
    const realTargets = await listProposalTargets(await loadIncidentChainScope(real.id));
    expect(realTargets.safes.some((s) => s.chainId === drill.forkChainId)).toBe(false);
    expect(realTargets.safes.map((s) => s.label)).toContain(forkSafe.label);
    const realSafe = await db().safe.findUniqueOrThrow({
      where: { chainId_address: { chainId: source, address: guardian } },
    });
    const realRegistry = await db().contract.findUniqueOrThrow({
      where: { chainId_address: { chainId: source, address: registryAddress } },
    });
    const pause = { signature: "pauseGlobal()", args: [], value: "0" };
    await expect(
      proposeSafeTransaction({
        incidentId: real.id,
        author: await memberAuthor(5),
        input: {
          safeId: forkSafe.id,
          title: "Wrong side",
          calls: [{ contractId: forkRegistry.id, ...pause }],
        },
      }),
    ).rejects.toThrow(/safeId: is a drill fork's copy/);
    await expect(
      proposeSafeTransaction({
        incidentId: incident.id,
        author: await memberAuthor(5),
        input: {
          safeId: realSafe.id,
          title: "Wrong side",
          calls: [{ contractId: realRegistry.id, ...pause }],
        },
      }),
    ).rejects.toThrow(/safeId: a drill acts only on its own fork's Safes/);
    // Nothing is pre-signed for a fork.
    await expect(
      createKit({
        input: { name: "Fork kit", safeId: forkSafe.id, calls: [{ contractId: forkRegistry.id, ...pause }] },
        author,
      }),
    ).rejects.toThrow(/safeId: is a drill fork's copy/);

    // Two owners sign the drill's SafeTx: the same signatures replayed on the real chain's Safe revert,
    // because the EIP-712 domain names the fork's chain id.
    const [ownerA, ownerB] = deployment.safes.guardian.owners.map((owner) => getAddress(owner));
    const indexOf = (owner: Address) => deployment.accounts.findIndex((a) => getAddress(a.address) === owner);
    const typed = safeTxTypedData(drill.forkChainId, guardian, proposal);
    const sigA = await privateKeyToAccount(keyOf(indexOf(ownerA!))).signTypedData(typed);
    const sigB = await privateKeyToAccount(keyOf(indexOf(ownerB!))).signTypedData(typed);
    const ordered = [
      { owner: ownerA!, sig: sigA },
      { owner: ownerB!, sig: sigB },
    ].sort((x, y) => (BigInt(x.owner) < BigInt(y.owner) ? -1 : 1));
    const replay = toExecTransactionArgs({
      to: getAddress(proposal.to),
      value: proposal.value,
      data: proposal.data as Hex,
      operation: proposal.operation,
      safeTxGas: proposal.safeTxGas,
      baseGas: proposal.baseGas,
      gasPrice: proposal.gasPrice,
      gasToken: getAddress(proposal.gasToken),
      refundReceiver: getAddress(proposal.refundReceiver),
      signatures: `0x${ordered.map((o) => o.sig.slice(2)).join("")}` as Hex,
    });
    await expect(
      publicClient.simulateContract({
        address: guardian,
        abi: safeAbi,
        functionName: "execTransaction",
        args: replay,
        account: addressOf(5),
      }),
    ).rejects.toThrow(/GS0(26|20|13)|revert/i);

    // On the drill: one owner signs for real, the facilitator stands in for the other.
    await addSignature({
      proposalId: proposal.id,
      input: { signer: ownerA!, signature: sigA },
      author: await memberAuthor(indexOf(ownerA!)),
    });
    await standInForOwner({ drillId: drill.id, input: { proposalId: proposal.id, owner: ownerB! }, author });
    const ready = await db().safeProposal.findUniqueOrThrow({
      where: { id: proposal.id },
      include: { signatures: true },
    });
    expect(ready.state).toBe("ready");
    expect(ready.signatures.find((s) => s.owner === ownerB)?.isStandIn).toBe(true);

    // A non-owner executes on the fork.
    const plan = await claimExecution({ proposalId: proposal.id, actorKey: "drill-test", author });
    expect(plan.chainId).toBe(drill.forkChainId);
    const wallet = createWalletClient({
      chain: forkChain,
      transport: http(drill.rpcUrl),
      account: privateKeyToAccount(keyOf(5)),
    });
    const txHash = await wallet.writeContract({
      address: plan.safeAddress,
      abi: safeAbi,
      functionName: "execTransaction",
      args: toExecTransactionArgs(plan.args),
    });
    await fork.waitForTransactionReceipt({ hash: txHash, pollingInterval: 20 });
    const executed = await recordExecution({
      proposalId: proposal.id,
      txHash,
      actorKey: "drill-test",
      author,
    });
    expect(executed.proposal.state).toBe("executed");
    await verifyProposal(proposal.id, author);

    expect(
      await fork.readContract({ address: registryAddress, abi: pauseAbi, functionName: "isGloballyPaused" }),
    ).toBe(true);
    expect(
      await publicClient.readContract({
        address: registryAddress,
        abi: pauseAbi,
        functionName: "isGloballyPaused",
      }),
    ).toBe(false);

    const view = await getDrill(drill.id);
    expect(view.score.firstProposalSeconds).not.toBeNull();
    expect(view.score.thresholdSeconds).not.toBeNull();
    expect(view.score.executedSeconds).not.toBeNull();
    expect(view.score.verifiedPauseSeconds).not.toBeNull();
    expect(view.score.signatures.map((s) => [s.owner, s.isStandIn])).toEqual([
      [ownerA, false],
      [ownerB, true],
    ]);
    expect(view.score.checklist.total).toBeGreaterThan(0);

    // Stopping keeps the record and stops the fork.
    await stopDrill({ drillId: drill.id, author });
    started.pop();
    await expect(fetch(drill.rpcUrl, { method: "POST", body: "{}" })).rejects.toThrow();
    const stopped = await db().drill.findUniqueOrThrow({ where: { id: drill.id } });
    expect(stopped.state).toBe("stopped");
    expect((await db().chain.findUniqueOrThrow({ where: { id: drill.forkChainId } })).isRetired).toBe(true);
    const kinds = (await db().timelineEvent.findMany({ where: { incidentId: incident.id } })).map(
      (e) => e.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(["drill.started", "drill.stand_in", "drill.stopped"]));
  });

  it("injects a revoked role on the fork only, and refuses a malformed injection naming the field", async () => {
    const { deployment, publicClient } = stack();
    const version = await drillRunbook();
    const { drill } = await startDrill({
      input: { runbookVersionId: version.id, anchor: "pause-everything" },
      author,
      actor: await commander(),
    });
    started.push(drill.id);
    const registryAddress = getAddress(deployment.contracts.globalPauseRegistry);
    const forkRegistry = await db().contract.findUniqueOrThrow({
      where: { chainId_address: { chainId: drill.forkChainId, address: registryAddress } },
    });
    const guardian = getAddress(deployment.safes.guardian.address);
    await injectScenario({
      drillId: drill.id,
      input: {
        injection: "revoke_role",
        contractId: forkRegistry.id,
        role: "GUARDIAN_ROLE",
        account: guardian,
      },
      author,
    });
    const fork = createPublicClient({ transport: http(drill.rpcUrl) });
    const { GUARDIAN_ROLE } = await import("@/lib/chain/demo");
    const args = [GUARDIAN_ROLE, guardian] as const;
    expect(
      await fork.readContract({ address: registryAddress, abi: pauseAbi, functionName: "hasRole", args }),
    ).toBe(false);
    expect(
      await publicClient.readContract({
        address: registryAddress,
        abi: pauseAbi,
        functionName: "hasRole",
        args,
      }),
    ).toBe(true);

    await expect(
      injectScenario({
        drillId: drill.id,
        input: { injection: "revoke_role", contractId: "nope", role: "x", account: guardian } as never,
        author,
      }),
    ).rejects.toThrow(/role/);
  });
});
