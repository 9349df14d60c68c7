import { NextResponse } from "next/server";
import { z } from "zod";
import type { Actor } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import {
  breakGlass,
  recheckKits,
  recordKitExecution,
  releaseKitExecution,
  ZBreakGlass,
  ZRecordKitExecution,
} from "@/lib/kits";
import { authorFromActor } from "@/lib/timeline";

type Params = { id: string };
const actorKey = (actor: Actor) => `${actor.kind}:${actor.id}`;

/**
 * Break glass. Executor mode answers with the verified result. Wallet mode answers with execTransaction's
 * calldata for the current nonce (it contains the signatures: the one place they leave the server; the
 * page hands it to the wallet without rendering it). Not cacheable, never logged.
 */
export const POST = route<Params>({ role: "responder" }, async (request, { actor, params }) => {
  const input = await readJson(request, ZBreakGlass);
  const result = await breakGlass({
    kitId: (await params).id,
    input,
    actorKey: actorKey(actor),
    author: authorFromActor(actor),
    commander: actor,
  });
  return NextResponse.json(result, { headers: { "cache-control": "no-store" } });
});

/** The wallet sent it: receipt, verification reads, containment. */
export const PUT = route<Params>({ role: "responder" }, async (request, { actor, params }) => {
  const input = await readJson(request, ZRecordKitExecution);
  const result = await recordKitExecution({ ...input, author: authorFromActor(actor) });
  await recheckKits({ kitId: (await params).id }).catch(() => undefined);
  return NextResponse.json(result);
});

/** The wallet refused: end the claim so the glass can be broken again. */
export const DELETE = route<Params>({ role: "responder" }, async (request, { actor }) => {
  const input = await readJson(request, z.object({ executionId: z.string().min(1) }));
  await releaseKitExecution({
    executionId: input.executionId,
    actorKey: actorKey(actor),
    author: authorFromActor(actor),
  });
  return NextResponse.json({ released: true });
});
