import { getAddress, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postSignature } from "@/app/api/proposals/[id]/signatures/route";
import { createApiToken } from "@/lib/auth";
import { db } from "@/lib/db";
import { addSignature, proposeSafeTransaction, safeAbi } from "@/lib/safe";
import {
  addressOf,
  memberAuthor,
  newIncident,
  registry,
  signProposal,
  snapshotChain,
  stack,
} from "./safe-support";

let restore: (incidentIds: string[]) => Promise<void>;
const incidentIds: string[] = [];
let token: string;

beforeAll(async () => {
  restore = await snapshotChain();
  token = (await createApiToken({ name: `safe-sig-${Date.now()}`, role: "responder", createdBy: "cli" }))
    .token;
});
afterAll(async () => restore(incidentIds));

async function proposePause() {
  const { globalPause, guardian } = await registry();
  const incident = await newIncident("Signatures");
  incidentIds.push(incident.id);
  return proposeSafeTransaction({
    incidentId: incident.id,
    author: await memberAuthor(5),
    input: {
      safeId: guardian.id,
      title: "Pause the protocol",
      calls: [{ contractId: globalPause.id, signature: "pauseGlobal()", args: [], value: "0" }],
    },
  });
}

/** Through the real route handler (API token auth), so status codes and messages are what clients see. */
async function post(proposalId: string, body: unknown) {
  const response = await postSignature(
    new Request(`http://localhost/api/proposals/${proposalId}/signatures`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: proposalId }) },
  );
  return {
    status: response.status,
    body: (await response.json()) as { error?: { message: string; fields: { path: string }[] } },
  };
}

const signatureCount = (proposalId: string) => db().safeSignature.count({ where: { proposalId } });

describe("proposal hashes", () => {
  it("stores the safeTxHash the Safe contract itself computes (getTransactionHash)", async () => {
    const proposal = await proposePause();
    const onChain = await stack().publicClient.readContract({
      address: stack().deployment.safes.guardian.address,
      abi: safeAbi,
      functionName: "getTransactionHash",
      args: [
        getAddress(proposal.to),
        BigInt(proposal.value),
        proposal.data as Hex,
        proposal.operation,
        0n,
        0n,
        0n,
        getAddress(proposal.gasToken),
        getAddress(proposal.refundReceiver),
        BigInt(proposal.nonce),
      ],
    });
    expect(proposal.safeTxHash).toBe(onChain);
    expect(proposal.domainHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(proposal.messageHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect((proposal.simulation as { isSuccess: boolean }).isSuccess).toBe(true);
  });
});

describe("signature refusals: each its own 4xx, nothing stored", () => {
  it("refuses a signature from an account that is not an owner", async () => {
    const proposal = await proposePause();
    const result = await post(proposal.id, {
      signature: await signProposal(5, proposal.id),
      signer: addressOf(5),
    });
    expect(result.status).toBe(403);
    expect(result.body.error!.message).toContain("is not a current owner of Guardian Safe");
    expect(await signatureCount(proposal.id)).toBe(0);
  });

  it("refuses a signature over different data", async () => {
    const proposal = await proposePause();
    const other = await proposePause(); // same call, next nonce: a different safeTxHash
    const result = await post(proposal.id, {
      signature: await signProposal(1, other.id),
      signer: addressOf(1),
    });
    expect(result.status).toBe(422);
    expect(result.body.error!.message).toContain(
      `is not over this proposal's safeTxHash ${proposal.safeTxHash}`,
    );
    expect(await signatureCount(proposal.id)).toBe(0);
  });

  it("refuses a second signature by the same owner", async () => {
    const proposal = await proposePause();
    const signature = await signProposal(1, proposal.id);
    expect((await post(proposal.id, { signature, signer: addressOf(1) })).status).toBe(201);
    const again = await post(proposal.id, { signature, signer: addressOf(1) });
    expect(again.status).toBe(409);
    expect(again.body.error!.message).toContain("has already signed this proposal");
    expect(await signatureCount(proposal.id)).toBe(1);
  });

  it("refuses malformed hex", async () => {
    const proposal = await proposePause();
    const result = await post(proposal.id, { signature: `0x${"zz".repeat(65)}`, signer: addressOf(1) });
    expect(result.status).toBe(422);
    expect(result.body.error!.message).toContain("signature: must be a 65-byte signature");
    expect(result.body.error!.fields[0]!.path).toBe("signature");
    const badV = await post(proposal.id, {
      signature: `${(await signProposal(1, proposal.id)).slice(0, 130)}05`,
      signer: addressOf(1),
    });
    expect(badV.status).toBe(422);
    expect(badV.body.error!.message).toContain("is not a valid ECDSA signature");
    expect(await signatureCount(proposal.id)).toBe(0);
  });

  it("accepts two owners and moves the proposal to ready with events on the timeline", async () => {
    const proposal = await proposePause();
    const author = await memberAuthor(1);
    await addSignature({
      proposalId: proposal.id,
      author,
      input: { signature: await signProposal(1, proposal.id), signer: addressOf(1) },
    });
    await addSignature({
      proposalId: proposal.id,
      author,
      input: { signature: await signProposal(2, proposal.id), signer: addressOf(2) },
    });
    const stored = await db().safeProposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(stored.state).toBe("ready");
    const kinds = (
      await db().timelineEvent.findMany({
        where: { incidentId: proposal.incidentId! },
        orderBy: { id: "asc" },
      })
    ).map((e) => e.kind);
    expect(kinds).toEqual([
      "incident.declared",
      "proposal.created",
      "proposal.simulated",
      "proposal.signed",
      "proposal.signed",
      "proposal.state_changed",
    ]);
  });
});
