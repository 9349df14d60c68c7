import { type Address, createWalletClient, getAddress, http, parseAbi, zeroAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUARDIAN_ROLE } from "@/lib/chain/demo";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { importRunbook } from "@/lib/runbooks";
import {
  addSignature,
  claimExecution,
  orderSignatures,
  proposeRejection,
  proposeSafeTransaction,
  reconcileSafeProposals,
  recordExecution,
  resimulateProposal,
  type Simulation,
  safeAbi,
  safeTxTypedData,
  safeTxWithoutRefund,
  type TSafeCall,
} from "@/lib/safe";
import {
  addressOf,
  keyOf,
  memberAuthor,
  newIncident,
  registry,
  sendExecution,
  signProposal,
  snapshotChain,
  stack,
} from "./safe-support";

let restore: (incidentIds: string[]) => Promise<void>;
const incidentIds: string[] = [];
beforeAll(async () => {
  restore = await snapshotChain();
});
afterAll(async () => restore(incidentIds));

const readAbi = parseAbi([
  "function isGloballyPaused() view returns (bool)",
  "function paused() view returns (bool)",
  "function hasRole(bytes32, address) view returns (bool)",
]);

async function propose(
  safe: "guardian" | "admin",
  title: string,
  calls: TSafeCall[],
  extra: { nonce?: number } = {},
) {
  const reg = await registry();
  const incident = await newIncident(title);
  incidentIds.push(incident.id);
  return proposeSafeTransaction({
    incidentId: incident.id,
    author: await memberAuthor(5),
    input: { safeId: reg[safe].id, title, calls, ...extra },
  });
}

async function signBy(proposalId: string, owners: number[]) {
  for (const index of owners)
    await addSignature({
      proposalId,
      author: await memberAuthor(index),
      input: { signature: await signProposal(index, proposalId), signer: addressOf(index) },
    });
}

/** Claim → wallet sends execTransaction (account 5, not an owner) → record → verify. */
async function execute(proposalId: string, executor = 5) {
  const plan = await claimExecution({
    proposalId,
    actorKey: `test:${executor}`,
    author: await memberAuthor(executor),
  });
  const txHash = await sendExecution(executor, plan);
  return recordExecution({
    proposalId,
    txHash,
    actorKey: `test:${executor}`,
    author: await memberAuthor(executor),
  });
}

const read = (address: Address, functionName: "isGloballyPaused" | "paused") =>
  stack().publicClient.readContract({ address, abi: readAbi, functionName });

describe("simulation before signing", () => {
  it("shows the decoded AccessControl revert and names the Safe that holds the role", async () => {
    const { globalPause } = await registry();
    const proposal = await propose("admin", "Pause from the wrong Safe", [
      { contractId: globalPause.id, signature: "pauseGlobal()", args: [], value: "0" },
    ]);
    const simulation = proposal.simulation as Simulation;
    expect(simulation.isSuccess).toBe(false);
    const revert = simulation.calls[0]!.revert!;
    expect(revert.name).toBe("AccessControlUnauthorizedAccount");
    expect(revert.missingRole!.role).toBe("GUARDIAN_ROLE");
    expect(revert.missingRole!.holders.map((h) => h.label)).toEqual(["Guardian Safe"]);
    expect(simulation.summary).toContain(
      "lacks GUARDIAN_ROLE on GlobalPauseRegistry; Guardian Safe holds it",
    );
    await signBy(proposal.id, [2, 3]);
    await expect(
      claimExecution({ proposalId: proposal.id, actorKey: "test:5", author: await memberAuthor(5) }),
    ).rejects.toThrow(/Execution refused: the simulation on the current chain state fails/);
    await closeUnexecutable(proposal.id);
  });
});

describe("execute and verify", () => {
  it("pauses through the Guardian Safe, two owners, a non-owner executes, the verification passes", async () => {
    const { globalPause } = await registry();
    // The runbook step says that this pause contains the incident: verified, it is recorded as contained.
    const suffix = Math.random().toString(36).slice(2, 8);
    const { version } = await importRunbook({
      source: [
        `# Exec ${suffix}`,
        "",
        `## Stop everything ${suffix}`,
        "",
        "Once the check below passes, this contains the incident.",
        "",
        "```bash",
        'cast send $GLOBAL_PAUSE_REGISTRY "pauseGlobal()" --from $GUARDIAN_SAFE',
        'cast call $GLOBAL_PAUSE_REGISTRY "isGloballyPaused()(bool)"',
        "# Expected: true",
        "```",
        "",
      ].join("\n"),
      fileName: `exec-${suffix}.md`,
      importedBy: "test",
    });
    const reg = await registry();
    const incident = await newIncident("Global pause");
    incidentIds.push(incident.id);
    const proposal = await proposeSafeTransaction({
      incidentId: incident.id,
      author: await memberAuthor(5),
      input: {
        safeId: reg.guardian.id,
        title: "Global pause",
        calls: [{ contractId: globalPause.id, signature: "pauseGlobal()", args: [], value: "0" }],
        runbook: `${version.id}:stop-everything-${suffix}:0`,
      },
    });
    await signBy(proposal.id, [1, 3]);
    const result = await execute(proposal.id);
    expect(result.proposal.state).toBe("executed");
    expect(await read(globalPause.address as Address, "isGloballyPaused")).toBe(true);
    expect(result.verification.events.map((e) => e.payload)).toMatchObject([
      { signature: "isGloballyPaused()(bool)", actual: "true", isPassed: true },
    ]);
    const events = await db().timelineEvent.findMany({ where: { incidentId: proposal.incidentId! } });
    const kinds = events.map((e) => e.kind);
    expect(kinds).toContain("proposal.executed");
    expect(kinds).toContain("verification.recorded");
    expect(result.verification.isContained).toBe(true);
    const contained = events.find((e) => e.kind === "incident.contained");
    expect(contained?.payload).toMatchObject({
      proposalId: proposal.id,
      reason:
        'Global pause verified on chain; the runbook says: "Once the check below passes, this contains the incident."',
    });
    const after = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(after.containedAt).not.toBeNull();
    expect(after.status).toBe("monitoring");
  });

  it("executes a role rotation (grantRole + revokeRole) atomically in one MultiSendCallOnly batch", async () => {
    const { globalPause } = await registry();
    const newGuardian = addressOf(8);
    const oldGuardian = addressOf(9);
    const calls = (account: string, signature: string) => ({
      contractId: globalPause.id,
      signature,
      args: [GUARDIAN_ROLE, account],
      value: "0",
    });
    // A batch whose second call fails changes nothing: the simulation says which call, execution is refused.
    const failing = await propose("admin", "Rotation that fails", [
      calls(newGuardian, "grantRole(bytes32,address)"),
      { contractId: globalPause.id, signature: "unpauseGlobal()", args: [], value: "0" },
      { contractId: globalPause.id, signature: "unpauseGlobal()", args: [], value: "0" },
    ]);
    // State carries from call to call (the registry is paused by now: the first unpause works, the second cannot).
    const failedSimulation = failing.simulation as Simulation;
    expect(failedSimulation.calls.map((c) => c.isSuccess)).toEqual([true, true, false]);
    expect(failedSimulation.calls[2]!.revert!.name).toBe("NotPaused");
    expect(failedSimulation.summary).toContain("Call 3 reverts: NotPaused()");
    await closeUnexecutable(failing.id);
    // Give the old guardian the role first (single call), then rotate it to the new one in one batch.
    const grantOld = await propose("admin", "Grant old guardian", [
      calls(oldGuardian, "grantRole(bytes32,address)"),
    ]);
    await signBy(grantOld.id, [2, 4]);
    await execute(grantOld.id);
    const rotation = await propose("admin", "Rotate guardian", [
      calls(newGuardian, "grantRole(bytes32,address)"),
      calls(oldGuardian, "revokeRole(bytes32,address)"),
    ]);
    expect(rotation.operation).toBe(1);
    expect(getAddress(rotation.to)).toBe(
      getAddress(stack().deployment.safeContracts.multiSendCallOnlyAddress),
    );
    await signBy(rotation.id, [3, 4]);
    const result = await execute(rotation.id);
    expect(result.proposal.state).toBe("executed");
    const hasRole = (account: Address) =>
      stack().publicClient.readContract({
        address: globalPause.address as Address,
        abi: readAbi,
        functionName: "hasRole",
        args: [GUARDIAN_ROLE, account],
      });
    expect(await hasRole(newGuardian)).toBe(true);
    expect(await hasRole(oldGuardian)).toBe(false);
    // Both calls landed in the same transaction: one receipt, both verifications pass.
    expect(result.verification.events.map((e) => (e.payload as { isPassed: boolean }).isPassed)).toEqual([
      true,
      true,
    ]);
    // Verified, but no runbook says this contains anything: the incident is not marked contained.
    expect(result.verification.isContained).toBe(false);
    const incident = await db().incident.findUniqueOrThrow({ where: { id: rotation.incidentId! } });
    expect(incident.containedAt).toBeNull();
  });
});

describe("concurrency and reconciliation", () => {
  it("two people pressing Execute at once: one transaction, a clear message for the other", async () => {
    const { bridge } = await registry();
    const proposal = await propose("guardian", "Bridge pause", [
      { contractId: bridge.id, signature: "pause()", args: [], value: "0" },
    ]);
    await signBy(proposal.id, [1, 2]);
    const [a, b] = await Promise.allSettled([
      claimExecution({ proposalId: proposal.id, actorKey: "test:3", author: await memberAuthor(3) }),
      claimExecution({ proposalId: proposal.id, actorKey: "test:4", author: await memberAuthor(4) }),
    ]);
    const won = [a, b].filter((r) => r.status === "fulfilled");
    const lost = [a, b].filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0]!.reason as AppError).status).toBe(409);
    expect((lost[0]!.reason as AppError).message).toContain(
      "Someone else is already executing this proposal",
    );
    const winner = a.status === "fulfilled" ? 3 : 4;
    const plan = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof claimExecution>>>).value;
    const txHash = await sendExecution(winner, plan);
    const result = await recordExecution({
      proposalId: proposal.id,
      txHash,
      actorKey: `test:${winner}`,
      author: await memberAuthor(winner),
    });
    expect(result.proposal.state).toBe("executed");
    expect(await read(bridge.address as Address, "paused")).toBe(true);
  });

  it("reconciles a proposal executed outside the console, and marks the rival at its nonce stale", async () => {
    const { oracle } = await registry();
    const token = stack().deployment.oracleToken;
    const call = { contractId: oracle.id, signature: "keeperResetPrice(address)", args: [token], value: "0" };
    const proposal = await propose("guardian", "Reset oracle price", [call]);
    const rival = await propose(
      "guardian",
      "Refresh oracle price instead",
      [{ ...call, signature: "updatePrice(address)" }],
      { nonce: proposal.nonce },
    );
    expect(rival.nonce).toBe(proposal.nonce);
    await signBy(proposal.id, [1, 2]);
    // Someone executes with the collected signatures from another tool (no claim, no record here).
    const plan = await claimExecution({
      proposalId: proposal.id,
      actorKey: "other-tool",
      author: await memberAuthor(1),
    });
    await sendExecution(6, plan);
    await reconcileSafeProposals(proposal.safeId);
    const after = await db().safeProposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(after.state).toBe("executed");
    expect(after.executedTxHash).toMatch(/^0x/);
    const executed = await db().timelineEvent.findFirstOrThrow({
      where: { incidentId: proposal.incidentId!, kind: "proposal.executed" },
    });
    expect(executed.payload).toMatchObject({ isReconciled: true, isSuccess: true, via: "chain" });
    expect((await db().safeProposal.findUniqueOrThrow({ where: { id: rival.id } })).state).toBe("stale");
    await expect(
      claimExecution({ proposalId: proposal.id, actorKey: "test:5", author: await memberAuthor(5) }),
    ).rejects.toThrow(/is executed/);
  });

  it("attributes an Execute made in the console to the console and its executor, even when a reconciliation sees the receipt first", async () => {
    const { oracle } = await registry();
    const token = stack().deployment.oracleToken;
    const proposal = await propose("guardian", "Reset oracle price via the console", [
      { contractId: oracle.id, signature: "keeperResetPrice(address)", args: [token], value: "0" },
    ]);
    await signBy(proposal.id, [1, 2]);
    const erin = await memberAuthor(5);
    const actorKey = `member:${erin.id}`;
    const plan = await claimExecution({ proposalId: proposal.id, actorKey, author: erin });
    const txHash = await sendExecution(5, plan);
    // Another page (or the chain watch) reconciles before Erin's browser reports the transaction.
    await reconcileSafeProposals(proposal.safeId);
    const recorded = await recordExecution({ proposalId: proposal.id, txHash, actorKey, author: erin });
    expect(recorded.proposal.state).toBe("executed");
    const events = await db().timelineEvent.findMany({
      where: {
        incidentId: proposal.incidentId!,
        kind: { in: ["proposal.executed", "proposal.state_changed"] },
      },
      orderBy: { id: "asc" },
    });
    const executed = events.find((e) => e.kind === "proposal.executed")!;
    expect(executed.payload).toMatchObject({ via: "console", executor: erin.label, txHash });
    expect(executed.authorLabel).toBe(erin.label);
    expect(events.filter((e) => e.kind === "proposal.executed")).toHaveLength(1);
    expect(events.map((e) => (e.payload as { reason?: string }).reason)).toContain(
      `executed through this console by ${erin.label}`,
    );
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain("outside this console");
  });

  it("marks a proposal stale when the chain's nonce passes it, and a rejection cancels a queued one", async () => {
    const { bridge } = await registry();
    const target = await propose("admin", "Request unpause (to be cancelled)", [
      { contractId: bridge.id, signature: "requestUnpause()", args: [], value: "0" },
    ]);
    const rejection = await proposeRejection(target.id, await memberAuthor(2));
    expect(rejection.nonce).toBe(target.nonce);
    expect(getAddress(rejection.to)).toBe(getAddress(stack().deployment.safes.admin.address));
    expect(rejection.data).toBe("0x");
    await signBy(rejection.id, [2, 3]);
    await execute(rejection.id);
    const stale = await db().safeProposal.findUniqueOrThrow({ where: { id: target.id } });
    expect(stale.state).toBe("stale");
    // A proposal the chain passed without its rival being known here: reconciliation marks it stale.
    const passed = await propose("admin", "Will be passed", [
      { contractId: bridge.id, signature: "requestUnpause()", args: [], value: "0" },
    ]);
    await executeOutsideConsole(stack().deployment.safes.admin.address, passed.nonce, [3, 4]);
    await reconcileSafeProposals(passed.safeId);
    expect((await db().safeProposal.findUniqueOrThrow({ where: { id: passed.id } })).state).toBe("stale");
    const event = await db().timelineEvent.findFirstOrThrow({
      where: { incidentId: passed.incidentId!, kind: "proposal.state_changed" },
    });
    expect(event.payload).toMatchObject({
      to: "stale",
      reason: expect.stringContaining("was used by another transaction"),
    });
  });
});

describe("timelocks", () => {
  it("records requestUnpause's 24 h delay; executeUnpause is refused by simulation until the clock passes it", async () => {
    const { bridge } = await registry();
    const bridgeCall = (signature: string) => ({ contractId: bridge.id, signature, args: [], value: "0" });
    if (!(await read(bridge.address as Address, "paused"))) {
      const pause = await propose("guardian", "Bridge pause", [bridgeCall("pause()")]);
      await signBy(pause.id, [1, 2]);
      await execute(pause.id);
    }
    const request = await propose("admin", "Request bridge unpause", [bridgeCall("requestUnpause()")]);
    await signBy(request.id, [2, 3]);
    await execute(request.id);
    const timelock = await db().timelock.findFirstOrThrow({ where: { proposalId: request.id } });
    const block = await stack().publicClient.getBlock();
    expect(timelock.followUpSignature).toBe("executeUnpause()");
    expect(Math.abs(timelock.readyAt.getTime() / 1000 - (Number(block.timestamp) + 86_400))).toBeLessThan(5);
    const follow = await proposeSafeTransaction({
      incidentId: request.incidentId!,
      author: await memberAuthor(2),
      input: {
        safeId: request.safeId,
        title: "Execute bridge unpause",
        calls: [bridgeCall("executeUnpause()")],
        timelockId: timelock.id,
      },
    });
    expect((follow.simulation as Simulation).calls[0]!.revert!.name).toBe("UnpauseDelayNotElapsed");
    expect((await db().timelock.findUniqueOrThrow({ where: { id: timelock.id } })).followUpId).toBe(
      follow.id,
    );
    await signBy(follow.id, [2, 4]);
    await expect(
      claimExecution({ proposalId: follow.id, actorKey: "test:5", author: await memberAuthor(5) }),
    ).rejects.toThrow(/UnpauseDelayNotElapsed/);
    await stack().testClient.increaseTime({ seconds: 86_400 + 60 });
    await stack().testClient.mine({ blocks: 1 });
    const again = await resimulateProposal(follow.id, await memberAuthor(5));
    expect(again.summary).toContain("succeed");
    const result = await execute(follow.id);
    expect(result.proposal.state).toBe("executed");
    expect(await read(bridge.address as Address, "paused")).toBe(false);
    expect(result.verification.events.map((e) => e.payload)).toMatchObject([
      { signature: "paused()(bool)", isPassed: true },
    ]);
  });
});

/**
 * A proposal that can never execute (its simulation fails) would block the Safe's queue for the next tests:
 * in the console a rejection cancels it; here the test closes it directly.
 */
async function closeUnexecutable(proposalId: string) {
  await db().safeProposal.update({ where: { id: proposalId }, data: { state: "rejected" } });
}

/** A no-op Safe transaction signed and executed with other tools: the console never saw it. */
async function executeOutsideConsole(safeAddress: Address, nonce: number, owners: [number, number]) {
  const fields = safeTxWithoutRefund({ to: safeAddress, value: "0", data: "0x", operation: 0 }, nonce);
  const typed = safeTxTypedData(stack().deployment.chainId, safeAddress, fields);
  const rows = await Promise.all(
    owners.map(async (index) => ({
      owner: addressOf(index),
      signature: await privateKeyToAccount(keyOf(index)).signTypedData(typed),
    })),
  );
  const wallet = createWalletClient({
    chain: foundry,
    transport: http(stack().deployment.rpcUrl),
    account: privateKeyToAccount(keyOf(6)),
  });
  const hash = await wallet.writeContract({
    address: safeAddress,
    abi: safeAbi,
    functionName: "execTransaction",
    args: [safeAddress, 0n, "0x", 0, 0n, 0n, 0n, zeroAddress, zeroAddress, orderSignatures(rows)],
  });
  await stack().publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 });
}
