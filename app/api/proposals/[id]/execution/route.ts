import { NextResponse } from "next/server";
import type { Actor } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { claimExecution, recordExecution, releaseExecution, ZRecordExecution } from "@/lib/safe";
import { authorFromActor } from "@/lib/timeline";

type Params = { id: string };
const actorKey = (actor: Actor) => `${actor.kind}:${actor.id}`;

/** Claim: re-read, re-simulate, lock, and receive execTransaction's arguments with ordered signatures. */
export const POST = route<Params>({ role: "responder" }, async (_request, { actor, params }) => {
  const plan = await claimExecution({
    proposalId: (await params).id,
    actorKey: actorKey(actor),
    author: authorFromActor(actor),
  });
  return NextResponse.json(plan);
});

/** Record the transaction the wallet sent: receipt, ExecutionSuccess/Failure, timelocks, verification. */
export const PUT = route<Params>({ role: "responder" }, async (request, { actor, params }) => {
  const input = await readJson(request, ZRecordExecution);
  const result = await recordExecution({
    proposalId: (await params).id,
    txHash: input.txHash,
    actorKey: actorKey(actor),
    author: authorFromActor(actor),
  });
  return NextResponse.json({
    state: result.proposal.state,
    txHash: result.proposal.executedTxHash,
    verifications: result.verification.events.map((event) => event.payload),
    verificationErrors: result.verification.errors,
  });
});

/** Give the lock back: the wallet refused or the transaction was never sent. */
export const DELETE = route<Params>({ role: "responder" }, async (_request, { actor, params }) => {
  await releaseExecution({ proposalId: (await params).id, actorKey: actorKey(actor) });
  return NextResponse.json({ released: true });
});
