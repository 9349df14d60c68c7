import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ANVIL_ACCOUNTS } from "@/lib/chain/demo";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents";
import { type ChainWatch, readWatchStatus, startChainWatch } from "@/lib/watch";
import { logsOnChain, pauseWatchRules, startWatchedChain, type WatchedChain, waitFor } from "./watch-support";

/**
 * The chain watcher against a real anvil (a chain of its own per test) and the real database: durable cursor,
 * decoded events once each across restarts, reorgs, one watcher among instances, an unreachable node.
 */
const cleanups: (() => Promise<void>)[] = [];
let resumeRules: () => Promise<void>;
beforeAll(async () => {
  resumeRules = await pauseWatchRules();
});
afterAll(async () => {
  await resumeRules();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function chain(): Promise<WatchedChain> {
  const started = await startWatchedChain();
  cleanups.push(started.stop);
  return started;
}

function watch(
  watched: WatchedChain,
  options: Partial<Parameters<typeof startChainWatch>[0]> = {},
): ChainWatch {
  const instance = startChainWatch({
    chainIds: [watched.chainId],
    pollMs: 50,
    lockRetryMs: 100,
    confirmations: () => 0,
    startBlock: () => 0n,
    log: () => {},
    ...options,
  });
  cleanups.push(instance.stop);
  return instance;
}

const cursorOf = (chainId: number) => db().chainCursor.findUnique({ where: { chainId } });
const headOf = async (watched: WatchedChain) => BigInt(await watched.publicClient().getBlockNumber());

async function caughtUp(watched: WatchedChain, confirmations = 0) {
  const head = await headOf(watched);
  return waitFor(
    () => cursorOf(watched.chainId),
    (cursor) => cursor !== null && cursor.blockNumber >= head - BigInt(confirmations),
  );
}

describe("chain watch", () => {
  it("records every log of the demo contracts and Safes decoded, once each, across a restart", async () => {
    const watched = await chain();
    const { deployment } = watched;
    const addresses = [
      deployment.contracts.globalPauseRegistry,
      deployment.contracts.bridge,
      deployment.contracts.oracle,
      deployment.safes.guardian.address,
      deployment.safes.admin.address,
    ];
    // Small ranges and one confirmation: the catch-up from block 0 takes several batched eth_getLogs rounds.
    const first = watch(watched, { maxRange: 3, confirmations: () => 1 });
    await watched.pauseGlobal();
    await watched.mine(1);
    await caughtUp(watched, 1);
    await first.stop();

    // While no watcher runs: the owners unpause and pause again; then a new instance starts from the cursor.
    const stoppedAt = (await cursorOf(watched.chainId))!.blockNumber;
    await watched.unpauseGlobal();
    await watched.pauseGlobal();
    await watched.mine(1);
    const second = watch(watched, { maxRange: 3, confirmations: () => 1 });
    const cursor = await caughtUp(watched, 1);
    expect(cursor!.blockNumber).toBeGreaterThan(stoppedAt);
    await second.stop();

    const expected = await logsOnChain(watched.rpcUrl(), addresses, cursor!.blockNumber);
    const recorded = await db().chainEvent.findMany({ where: { chainId: watched.chainId } });
    expect(recorded.map((row) => `${row.blockHash}:${row.logIndex}`).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(20);

    const named = (name: string) => recorded.filter((row) => row.name === name);
    const guardianGrant = named("RoleGranted").find(
      (row) =>
        row.address === deployment.contracts.globalPauseRegistry &&
        (row.args as Record<string, string>).account === deployment.safes.guardian.address,
    );
    expect(guardianGrant?.args).toMatchObject({
      roleName: "GUARDIAN_ROLE",
      sender: ANVIL_ACCOUNTS[0]!.address,
    });
    expect(
      named("RoleRevoked").some(
        (row) => (row.args as Record<string, string>).roleName === "DEFAULT_ADMIN_ROLE",
      ),
    ).toBe(true);
    expect(
      named("SafeSetup")
        .map((row) => row.address)
        .sort(),
    ).toEqual([deployment.safes.guardian.address, deployment.safes.admin.address].sort());
    expect(named("GlobalPaused")).toHaveLength(2);
    expect(named("GlobalUnpaused")).toHaveLength(1);
    expect(named("ExecutionSuccess")).toHaveLength(3);
    expect(named("SafeMultiSigTransaction")).toHaveLength(3);
    expect(recorded.every((row) => row.name !== null)).toBe(true);
  });

  it("retracts the events of blocks a reorg replaced, with new rows and timeline events", async () => {
    const watched = await chain();
    const { incident } = await declareIncident({
      input: {
        title: `Watch reorg ${watched.chainId}`,
        severity: "P2",
        affectedContracts: ["GlobalPauseRegistry"],
      },
      author: { type: "system", id: null, label: "test" },
    });
    cleanups.push(async () => {
      await db()
        .$executeRaw`UPDATE "Incident" SET "status" = 'resolved', "resolvedAt" = now() WHERE "id" = ${incident.id}`;
    });
    const instance = watch(watched, { startBlock: undefined });
    await caughtUp(watched);
    const snapshot = await watched.testClient().snapshot();
    const paused = await watched.pauseGlobal();
    const shown = await waitFor(
      () => db().timelineEvent.findMany({ where: { incidentId: incident.id, kind: "chain.event" } }),
      (rows) => rows.some((row) => (row.payload as { event: string }).event === "GlobalPaused"),
    );
    const pausedEvent = shown.find((row) => (row.payload as { event: string }).event === "GlobalPaused")!;
    expect(pausedEvent.payload).toMatchObject({
      txHash: paused.txHash,
      emitter: "GlobalPauseRegistry",
      explorerUrl: `https://explorer.test/tx/${paused.txHash}`,
      proposalId: null,
    });
    // Scoped to the registry contract (its affected contract); it names no Safe, so every Safe's events show.
    const emitters = new Set(shown.map((row) => (row.payload as { emitter: string }).emitter));
    expect([...emitters].sort()).toEqual(["GlobalPauseRegistry", "Guardian Safe"]);

    // The block is replaced: back to before the pause, then two empty blocks on top (a longer fork).
    await watched.testClient().revert({ id: snapshot });
    await watched.mine(2);
    // Every event of the replaced block that the incident showed is corrected by a retraction.
    const replacedIds = shown
      .filter((row) => (row.payload as { txHash: string }).txHash === paused.txHash)
      .map((row) => row.id)
      .sort();
    const retractions = await waitFor(
      () =>
        db().timelineEvent.findMany({ where: { incidentId: incident.id, kind: "chain.event_retracted" } }),
      (rows) => rows.length === replacedIds.length,
    );
    expect(retractions.map((row) => row.correctsId).sort()).toEqual(replacedIds);
    const chainEventId = (pausedEvent.payload as { chainEventId: number }).chainEventId;
    const retracted = await db().chainEventRetraction.findUnique({ where: { chainEventId } });
    expect(retracted?.canonicalHash).toMatch(/^0x/);
    expect(retracted?.canonicalHash).not.toBe((pausedEvent.payload as { blockHash: string }).blockHash);
    // The original row is untouched (PostgreSQL refuses edits), and the cursor follows the new fork.
    await expect(
      db().chainEvent.update({ where: { id: chainEventId }, data: { name: "x" } }),
    ).rejects.toThrow();
    const head = await watched.publicClient().getBlock();
    await waitFor(
      () => cursorOf(watched.chainId),
      (cursor) => cursor?.blockHash === head.hash,
    );
    // A pause again on the new fork is a new event, shown again.
    const again = await watched.pauseGlobal();
    await waitFor(
      () => db().timelineEvent.findMany({ where: { incidentId: incident.id, kind: "chain.event" } }),
      (rows) =>
        rows.some(
          (row) =>
            (row.payload as { txHash: string; event: string }).txHash === again.txHash &&
            (row.payload as { event: string }).event === "GlobalPaused",
        ),
    );
    await instance.stop();
  });

  it("runs on one instance at a time; another takes over when it stops", async () => {
    const watched = await chain();
    const a = watch(watched, { instanceId: "instance-a" });
    const b = watch(watched, { instanceId: "instance-b" });
    await waitFor(
      async () => [...a.leading(), ...b.leading()],
      (leaders) => leaders.length === 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect([...a.leading(), ...b.leading()]).toEqual([watched.chainId]);
    const [leader, follower] = a.leading().length ? [a, b] : [b, a];
    await caughtUp(watched);
    expect((await cursorOf(watched.chainId))?.holder).toBe(leader.instanceId);

    await leader.stop();
    await waitFor(
      async () => follower.leading(),
      (chains) => chains.includes(watched.chainId),
    );
    const { txHash } = await watched.pauseGlobal();
    await waitFor(
      () => db().chainEvent.findMany({ where: { chainId: watched.chainId, txHash } }),
      (rows) => rows.some((row) => row.name === "GlobalPaused"),
    );
    expect((await cursorOf(watched.chainId))?.holder).toBe(follower.instanceId);
    const all = await db().chainEvent.findMany({ where: { chainId: watched.chainId } });
    expect(new Set(all.map((row) => `${row.blockHash}:${row.logIndex}`)).size).toBe(all.length);
  });

  it("reports lag while the node is down and resumes from its cursor when it is back", async () => {
    const watched = await chain();
    watch(watched);
    await caughtUp(watched);
    const before = (await cursorOf(watched.chainId))!.blockNumber;
    await watched.stopChain();
    const status = await waitFor(
      async () => (await readWatchStatus({ lagSeconds: 1 })).find((row) => row.chainId === watched.chainId),
      (row) => row?.status === "lagging" && row.error !== null,
    );
    expect(status?.cursorBlock).toBe(before.toString());

    await watched.restartChain();
    const { txHash } = await watched.pauseGlobal();
    await waitFor(
      () => db().chainEvent.count({ where: { chainId: watched.chainId, txHash } }),
      (count) => count > 0,
    );
    const after = await waitFor(
      async () => (await readWatchStatus({ lagSeconds: 1 })).find((row) => row.chainId === watched.chainId),
      (row) => row?.status === "ok",
    );
    expect(BigInt(after!.cursorBlock!)).toBeGreaterThan(before);
    // Nothing retracted: the node came back with the same blocks, and the watcher went on from its cursor.
    expect(
      await db().chainEventRetraction.count({ where: { chainEvent: { chainId: watched.chainId } } }),
    ).toBe(0);
  });
});
