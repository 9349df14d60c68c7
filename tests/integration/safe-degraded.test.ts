import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as postExecution } from "@/app/api/proposals/[id]/execution/route";
import { POST as postSignature } from "@/app/api/proposals/[id]/signatures/route";
import { createApiToken } from "@/lib/auth";
import { db } from "@/lib/db";
import {
  addSignature,
  claimExecution,
  EXECUTION_WAITS,
  hashSafeTransaction,
  isChainUnreachable,
  proposeSafeTransaction,
  readSafeCore,
  reconcileSafeProposals,
  recordExecution,
  resimulateProposal,
  safeAbi,
} from "@/lib/safe";
import {
  addressOf,
  memberAuthor,
  newIncident,
  registry,
  sendExecution,
  signProposal,
  snapshotChain,
  stack,
} from "./safe-support";

/**
 * Degraded chain: the Chain row's RPC URL is swapped for a port nothing listens on (connection refused, as
 * when anvil is stopped) and restored after each test. Tests in this project run one file at a time, so
 * no other file sees the swap.
 */
const DEAD_RPC = "http://127.0.0.1:9";
const CHAIN_ID = 31337;
let restore: (incidentIds: string[]) => Promise<void>;
const incidentIds: string[] = [];
let liveUrls: string[];
let token: string;

beforeAll(async () => {
  restore = await snapshotChain();
  liveUrls = (await db().chain.findUniqueOrThrow({ where: { id: CHAIN_ID } })).rpcUrls;
  token = (await createApiToken({ name: `safe-degraded-${Date.now()}`, role: "responder", createdBy: "cli" }))
    .token;
});
afterEach(async () => {
  await db().chain.update({ where: { id: CHAIN_ID }, data: { rpcUrls: liveUrls } });
});
afterAll(async () => restore(incidentIds));

const chainDown = () => db().chain.update({ where: { id: CHAIN_ID }, data: { rpcUrls: [DEAD_RPC] } });
const chainUp = () => db().chain.update({ where: { id: CHAIN_ID }, data: { rpcUrls: liveUrls } });

async function proposePause(title: string) {
  const { globalPause, guardian } = await registry();
  const incident = await newIncident(title);
  incidentIds.push(incident.id);
  const proposal = await proposeSafeTransaction({
    incidentId: incident.id,
    author: await memberAuthor(2),
    input: {
      safeId: guardian.id,
      title,
      calls: [{ contractId: globalPause.id, signature: "pauseGlobal()", args: [], value: "0" }],
    },
  });
  return { proposal, incident };
}

async function sign(index: number, proposalId: string) {
  return addSignature({
    proposalId,
    input: { signature: await signProposal(index, proposalId), signer: addressOf(index) },
    author: await memberAuthor(index === 7 ? 1 : index),
  });
}

function callRoute(handler: typeof postExecution, path: string, proposalId: string, body?: unknown) {
  return handler(
    new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: proposalId }) },
  );
}

const kinds = async (incidentId: string) =>
  (await db().timelineEvent.findMany({ where: { incidentId }, orderBy: { id: "asc" } })).map((e) => ({
    kind: e.kind,
    payload: e.payload as Record<string, unknown>,
  }));

describe("reading the chain refreshes the cache", () => {
  it("writes owners, threshold and nonce into the Safe row on every read", async () => {
    const { guardian } = await registry();
    await db().safe.update({
      where: { id: guardian.id },
      data: { owners: [], threshold: null, nonce: null, readAt: null },
    });
    const core = await readSafeCore(CHAIN_ID, guardian.address);
    const row = await db().safe.findUniqueOrThrow({ where: { id: guardian.id } });
    expect(row.owners).toEqual(core.owners);
    expect(row.threshold).toBe(2);
    expect(row.nonce).toBe(core.nonce);
    expect(row.readAt).not.toBeNull();
  });

  it("classifies a refused connection as unreachable, and an error the node answered as reachable", async () => {
    await chainDown();
    const { guardian } = await registry();
    const down = await readSafeCore(CHAIN_ID, guardian.address).catch((error: unknown) => error);
    expect(isChainUnreachable(down)).toBe(true);
    await chainUp();
    // An account without code answers "no data": the node answered, so this is not "unreachable".
    const answered = await stack()
      .publicClient.readContract({ address: addressOf(7), abi: safeAbi, functionName: "getOwners" })
      .catch((error: unknown) => error);
    expect(answered).toBeInstanceOf(Error);
    expect(isChainUnreachable(answered)).toBe(false);
  });
});

describe("RPC fallback", () => {
  it("a dead first URL falls through to the next one: the proposal is simulated, not deferred", async () => {
    await db().chain.update({ where: { id: CHAIN_ID }, data: { rpcUrls: [DEAD_RPC, ...liveUrls] } });
    const { proposal } = await proposePause("Fallback RPC");
    expect(proposal.simulation).toMatchObject({ isSuccess: true });
    await db().safeProposal.update({ where: { id: proposal.id }, data: { state: "rejected" } });
  });
});

describe("chain unreachable: prepare, sign, wait; then re-check and execute", () => {
  it("prepares and signs against the cached owners/nonce, refuses execution with 503, recovers when the chain answers", async () => {
    const { guardian } = await registry();
    const chainNonce = (await readSafeCore(CHAIN_ID, guardian.address)).nonce;
    await chainDown();

    const { proposal, incident } = await proposePause("Offline pause");
    expect(proposal.nonce).toBe(chainNonce);
    expect(proposal.simulation).toMatchObject({
      status: "unavailable",
      reason: "RPC unreachable",
      basis: { nonce: chainNonce, threshold: 2, owners: 3 },
    });
    // The hashes need no chain: they are the ones the Safe will compute.
    expect(proposal.safeTxHash).toBe(hashSafeTransaction(CHAIN_ID, guardian.address, proposal).safeTxHash);
    // A second offline proposal queues after the first, as with the chain up.
    const { proposal: next } = await proposePause("Offline pause, queued");
    expect(next.nonce).toBe(chainNonce + 1);

    // Signing: recovery against the stored hash as always; ownership against the cached owners.
    const refused = await callRoute(postSignature, `/api/proposals/${proposal.id}/signatures`, proposal.id, {
      signature: await signProposal(5, proposal.id),
      signer: addressOf(5),
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      "as last read from the chain",
    );
    const wrongHash = await callRoute(
      postSignature,
      `/api/proposals/${proposal.id}/signatures`,
      proposal.id,
      {
        signature: await signProposal(1, next.id),
        signer: addressOf(1),
      },
    );
    expect(wrongHash.status).toBe(422);
    await sign(1, proposal.id);
    await sign(2, proposal.id);
    const signatures = await db().safeSignature.findMany({ where: { proposalId: proposal.id } });
    expect(signatures.map((s) => s.isOwnerUnverified)).toEqual([true, true]);
    expect((await db().safeProposal.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe("ready");

    // Execution waits: a clear 503, nothing claimed.
    const waits = await callRoute(postExecution, `/api/proposals/${proposal.id}/execution`, proposal.id);
    expect(waits.status).toBe(503);
    expect(((await waits.json()) as { error: { message: string } }).error.message).toBe(EXECUTION_WAITS);
    expect(
      (await db().safeProposal.findUniqueOrThrow({ where: { id: proposal.id } })).executingBy,
    ).toBeNull();
    await expect(resimulateProposal(proposal.id, await memberAuthor(2))).rejects.toMatchObject({
      code: "UNAVAILABLE",
    });
    const offline = await kinds(incident.id);
    expect(offline.map((e) => e.kind)).toContain("proposal.simulation_deferred");
    expect(offline.map((e) => e.kind)).not.toContain("proposal.simulated");

    // The chain answers again: reconciling re-checks owners, runs the deferred simulation, once.
    await chainUp();
    await Promise.all([reconcileSafeProposals(guardian.id), reconcileSafeProposals(guardian.id)]);
    const rechecked = await db().safeProposal.findUniqueOrThrow({
      where: { id: proposal.id },
      include: { signatures: true },
    });
    expect(rechecked.signatures.every((s) => !s.isOwnerUnverified)).toBe(true);
    expect(rechecked.simulation).toMatchObject({ isSuccess: true });
    const events = await kinds(incident.id);
    expect(events.filter((e) => e.kind === "proposal.signature_rechecked")).toHaveLength(2);
    expect(
      events.filter((e) => e.kind === "proposal.signature_rechecked").every((e) => e.payload.isOwner),
    ).toBe(true);
    const deferredRun = events.filter(
      (e) => e.kind === "proposal.simulated" && String(e.payload.summary).startsWith("Deferred simulation"),
    );
    expect(deferredRun).toHaveLength(1);

    // Then it executes as usual.
    const plan = await claimExecution({
      proposalId: proposal.id,
      actorKey: "test:5",
      author: await memberAuthor(5),
    });
    const txHash = await sendExecution(5, plan);
    const result = await recordExecution({
      proposalId: proposal.id,
      txHash,
      actorKey: "test:5",
      author: await memberAuthor(5),
    });
    expect(result.proposal.state).toBe("executed");
    expect(result.verification.events.map((e) => (e.payload as { actual: string }).actual)).toEqual(["true"]);
  });

  it("a signature accepted against a cached owner that is not an owner on chain stops counting", async () => {
    const { guardian } = await registry();
    const onChain = await readSafeCore(CHAIN_ID, guardian.address);
    // The queued proposal of the previous test would take this nonce's place; close it as a rejection would.
    await db().safeProposal.updateMany({
      where: { safeId: guardian.id, state: { in: ["draft", "signing", "ready"] } },
      data: { state: "rejected" },
    });
    await chainDown();
    // The cache says account 7 is an owner (e.g. added and then removed on chain while we were offline).
    await db().safe.update({
      where: { id: guardian.id },
      data: { owners: [...onChain.owners, addressOf(7)] },
    });
    const { proposal, incident } = await proposePause("Offline, removed owner");
    await sign(7, proposal.id);
    await sign(1, proposal.id);
    expect((await db().safeProposal.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe("ready");

    await chainUp();
    await reconcileSafeProposals(guardian.id);
    const after = await db().safeProposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(after.state).toBe("signing");
    expect((await db().safe.findUniqueOrThrow({ where: { id: guardian.id } })).owners).toEqual(
      onChain.owners,
    );
    const events = await kinds(incident.id);
    const seven = events.find(
      (e) => e.kind === "proposal.signature_rechecked" && e.payload.owner === addressOf(7),
    );
    expect(seven?.payload.isOwner).toBe(false);
    expect(events.at(-1)).toMatchObject({
      kind: "proposal.state_changed",
      payload: { from: "ready", to: "signing" },
    });
    await expect(
      claimExecution({ proposalId: proposal.id, actorKey: "test:5", author: await memberAuthor(5) }),
    ).rejects.toThrow("1 of 2 signatures from current owners");
  });

  it("without any cached owners an offline proposal is refused with a 503, not prepared blind", async () => {
    const { guardian } = await registry();
    await chainDown();
    const saved = await db().safe.findUniqueOrThrow({ where: { id: guardian.id } });
    await db().safe.update({
      where: { id: guardian.id },
      data: { owners: [], threshold: null, nonce: null },
    });
    try {
      await expect(proposePause("Never read")).rejects.toMatchObject({ code: "UNAVAILABLE" });
    } finally {
      await db().safe.update({
        where: { id: guardian.id },
        data: { owners: saved.owners, threshold: saved.threshold, nonce: saved.nonce },
      });
    }
  });
});
