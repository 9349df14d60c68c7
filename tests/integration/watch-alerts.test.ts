import { encodeFunctionData, parseAbi } from "viem";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { execSafeAsOwners, GUARDIAN_ROLE } from "@/lib/chain/demo";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents";
import { importRunbook } from "@/lib/runbooks";
import { hashSafeTransaction } from "@/lib/safe";
import {
  type ChainWatch,
  createWatchRule,
  onSafeConfigChanged,
  type SafeConfigChange,
  startChainWatch,
} from "@/lib/watch";
import { pauseWatchRules, startWatchedChain, type WatchedChain, waitFor } from "./watch-support";

/**
 * What recorded chain events set in motion: watch rules → the alert pipeline (dedup, severity, runbooks), a
 * Safe execution → its proposal reconciled (and attributed to the console when the console executed it),
 * Safe configuration changes → readiness listeners. Real anvil, real database, nothing mocked.
 */
const accessControlAbi = parseAbi(["function grantRole(bytes32 role, address account)"]);
const safeSelfAbi = parseAbi(["function changeThreshold(uint256 _threshold)"]);
const cleanups: (() => Promise<void>)[] = [];
let resumeRules: () => Promise<void>;
let watched: WatchedChain;
let watcher: ChainWatch;
const opened: string[] = [];

beforeAll(async () => {
  resumeRules = await pauseWatchRules();
  watched = await startWatchedChain();
  watcher = startChainWatch({
    chainIds: [watched.chainId],
    pollMs: 50,
    lockRetryMs: 100,
    confirmations: () => 0,
    log: () => {},
  });
  await waitFor(
    () => db().chainCursor.findUnique({ where: { chainId: watched.chainId } }),
    (row) => row !== null,
  );
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await watcher?.stop();
  await watched?.stop();
  await resumeRules();
  // Incidents this suite opened are closed again: other suites count open incidents.
  await db()
    .$executeRaw`UPDATE "Incident" SET "status" = 'resolved', "resolvedAt" = now() WHERE "id" = ANY(${opened}) AND "resolvedAt" IS NULL`;
});

const grantGuardian = (account: `0x${string}`) =>
  execSafeAsOwners({
    rpcUrl: watched.rpcUrl(),
    chainId: watched.chainId,
    safe: watched.deployment.safes.admin.address,
    ownerKeys: [watched.key(2), watched.key(3)],
    to: watched.deployment.contracts.globalPauseRegistry,
    data: encodeFunctionData({
      abi: accessControlAbi,
      functionName: "grantRole",
      args: [GUARDIAN_ROLE, account],
    }),
  });

describe("chain watch → alerts, proposals, readiness", () => {
  it("a guarded role granted to an unknown account declares a P1 with the key-rotation runbook", async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    await importRunbook({
      source: `# Watch runbook ${suffix}\n\n## Key rotation ${suffix}\n\n- [ ] Revoke the role from the unknown account\n`,
      fileName: `watch-${suffix}.md`,
      importedBy: "test",
    });
    const anchor = `key-rotation-${suffix}`;
    const allowed = watched.deployment.accounts[8]!.address;
    const rule = await createWatchRule({
      name: `Guardian role ${suffix}`,
      kind: "role_granted",
      roles: ["GUARDIAN_ROLE"],
      allowList: [allowed],
      severityName: "P1",
      runbookAnchors: [anchor],
    });
    cleanups.push(async () => {
      await db().watchRule.delete({ where: { id: rule.id } });
    });

    // Allowed account: recorded, no alert.
    const ok = await grantGuardian(allowed);
    await waitFor(
      () => db().chainEvent.count({ where: { chainId: watched.chainId, txHash: ok.txHash } }),
      (n) => n > 0,
    );
    const stranger = watched.deployment.accounts[7]!.address;
    const bad = await grantGuardian(stranger);
    const alert = await waitFor(
      () =>
        db().alert.findFirst({
          where: { dedupKey: { startsWith: `chain:${watched.chainId}:${bad.txHash}:` } },
          include: { source: true },
        }),
      (row) => row?.incidentId != null,
    );
    opened.push(alert!.incidentId!);
    expect(alert).toMatchObject({ name: "RoleGrantedToUnknownAccount", severity: "P1", state: "attached" });
    expect(alert!.source).toMatchObject({ name: "Chain watch", kind: "watch" });
    expect(alert!.labels).toMatchObject({
      role: "GUARDIAN_ROLE",
      account: stranger,
      contract: "GlobalPauseRegistry",
    });
    const incident = await db().incident.findUniqueOrThrow({
      where: { id: alert!.incidentId! },
      include: { runbooks: true },
    });
    expect(incident).toMatchObject({ severityName: "P1", detectedVia: "alert" });
    expect(incident.runbooks.map((row) => row.anchor)).toEqual([anchor]);
    expect(
      await db().alert.count({
        where: { dedupKey: { startsWith: `chain:${watched.chainId}:${ok.txHash}:` } },
      }),
    ).toBe(0);
  });

  it("a reorg that replaces the alerting block resolves the alert, saying it was retracted", async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const rule = await createWatchRule({
      name: `Guardian role reorg ${suffix}`,
      kind: "role_granted",
      roles: ["GUARDIAN_ROLE"],
      allowList: [],
    });
    cleanups.push(async () => {
      await db().watchRule.delete({ where: { id: rule.id } });
    });
    const snapshot = await watched.testClient().snapshot();
    const granted = await grantGuardian(watched.deployment.accounts[6]!.address);
    const prefix = `chain:${watched.chainId}:${granted.txHash}:`;
    const firing = await waitFor(
      () => db().alert.findFirst({ where: { dedupKey: { startsWith: prefix } } }),
      (row) => row?.status === "firing",
    );
    expect(firing).toMatchObject({ name: "RoleGrantedToUnknownAccount", state: "inbox" });

    // The grant's block is replaced by a longer fork without it.
    await watched.testClient().revert({ id: snapshot });
    await watched.mine(2);
    const resolved = await waitFor(
      () => db().alert.findUnique({ where: { id: firing!.id } }),
      (row) => row?.status === "resolved",
    );
    expect((resolved!.annotations as Record<string, string>).retracted).toMatch(
      /^Retracted: block \d+ \(0x[0-9a-f]{8}…\) was replaced by a reorg$/,
    );
    expect(resolved!.resolvedAt).not.toBeNull();
    // Still one row per log and rule: the retraction resolved it, it did not raise another.
    expect(await db().alert.count({ where: { dedupKey: { startsWith: prefix } } })).toBe(1);
  });

  it("a Safe execution seen on chain reconciles its proposal, attributed to whoever executed it", async () => {
    const { incident } = await declareIncident({
      input: { title: `Watch reconcile ${watched.chainId}`, severity: "P2" },
      author: { type: "system", id: null, label: "test" },
    });
    opened.push(incident.id);
    const guardian = await db().safe.findFirstOrThrow({
      where: { chainId: watched.chainId, address: watched.deployment.safes.guardian.address },
    });
    const data = encodeFunctionData({
      abi: parseAbi(["function pauseGlobal()"]),
      functionName: "pauseGlobal",
    });
    const pauseBridge = encodeFunctionData({ abi: parseAbi(["function pause()"]), functionName: "pause" });
    const nonce = Number(
      await watched.publicClient().readContract({
        address: guardian.address as `0x${string}`,
        abi: parseAbi(["function nonce() view returns (uint256)"]),
        functionName: "nonce",
      }),
    );
    // Two proposals as the console stores them; the first one's Execute was pressed in the console (the
    // execution claim claimExecution leaves), the second is executed by the owners elsewhere.
    const proposal = async (
      txNonce: number,
      callData: `0x${string}`,
      to: string,
      claimedBy: string | null,
    ) => {
      const fields = {
        to,
        value: "0",
        data: callData,
        operation: 0,
        safeTxGas: "0",
        baseGas: "0",
        gasPrice: "0",
        gasToken: "0x0000000000000000000000000000000000000000",
        refundReceiver: "0x0000000000000000000000000000000000000000",
        nonce: txNonce,
      };
      const hashes = hashSafeTransaction(watched.chainId, guardian.address, fields);
      return db().safeProposal.create({
        data: {
          ...fields,
          incidentId: incident.id,
          safeId: guardian.id,
          title: `watch ${txNonce}`,
          calls: [{ to, value: "0", data: callData }],
          ...hashes,
          state: "ready",
          executingSince: claimedBy ? new Date() : null,
          executingBy: claimedBy,
        },
      });
    };
    const registry = watched.deployment.contracts.globalPauseRegistry;
    const alice = await db().member.findUniqueOrThrow({
      where: { address: watched.deployment.accounts[1]!.address },
    });
    const viaConsole = await proposal(nonce, data, registry, `member:${alice.id}`);
    const { txHash, safeTxHash } = await watched.pauseGlobal();
    expect(safeTxHash).toBe(viaConsole.safeTxHash);
    const executed = await waitFor(
      () => db().safeProposal.findUniqueOrThrow({ where: { id: viaConsole.id } }),
      (row) => row.state === "executed",
    );
    expect(executed.executedTxHash).toBe(txHash);
    const changed = await db().timelineEvent.findFirstOrThrow({
      where: {
        incidentId: incident.id,
        kind: "proposal.state_changed",
        payload: { path: ["proposalId"], equals: viaConsole.id },
      },
    });
    // Claimed in the console before it was mined: attributed to the console and its executor.
    expect((changed.payload as { reason: string }).reason).toBe(
      `executed through this console by ${alice.displayName}`,
    );
    // The chain events of that transaction on the incident name the proposal: done through this console.
    const shown = await db().timelineEvent.findMany({
      where: { incidentId: incident.id, kind: "chain.event", payload: { path: ["txHash"], equals: txHash } },
    });
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((row) => (row.payload as { proposalId: string }).proposalId === viaConsole.id)).toBe(
      true,
    );

    const bridge = watched.deployment.contracts.bridge;
    const outside = await proposal(nonce + 1, pauseBridge, bridge, null);
    await execSafeAsOwners({
      rpcUrl: watched.rpcUrl(),
      chainId: watched.chainId,
      safe: guardian.address as `0x${string}`,
      ownerKeys: [watched.key(1), watched.key(3)],
      to: bridge,
      data: pauseBridge,
    });
    await waitFor(
      () => db().safeProposal.findUniqueOrThrow({ where: { id: outside.id } }),
      (row) => row.state === "executed",
    );
    const reconciled = await db().timelineEvent.findFirstOrThrow({
      where: {
        incidentId: incident.id,
        kind: "proposal.state_changed",
        payload: { path: ["proposalId"], equals: outside.id },
      },
    });
    expect((reconciled.payload as { reason: string }).reason).toContain("outside this console");
  });

  it("owner and threshold changes notify readiness listeners", async () => {
    const seen: SafeConfigChange[] = [];
    const unsubscribe = onSafeConfigChanged((change) => void seen.push(change));
    cleanups.push(async () => {
      unsubscribe();
    });
    const admin = watched.deployment.safes.admin.address;
    const { txHash } = await execSafeAsOwners({
      rpcUrl: watched.rpcUrl(),
      chainId: watched.chainId,
      safe: admin,
      ownerKeys: [watched.key(2), watched.key(4)],
      to: admin,
      data: encodeFunctionData({ abi: safeSelfAbi, functionName: "changeThreshold", args: [1n] }),
    });
    await waitFor(
      async () => seen,
      (changes) => changes.some((change) => change.txHash === txHash),
    );
    expect(seen.find((change) => change.txHash === txHash)).toMatchObject({
      chainId: watched.chainId,
      safeAddress: admin,
      event: "ChangedThreshold",
    });
  });
});
