import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { forwardRpc, ZRpcBody } from "@/lib/chain";
import { AppError } from "@/lib/errors";
import { readJson, route } from "@/lib/http/handle-route";

export const POST = route(async (request, context: { params: Promise<{ chainId: string }> }) => {
  await authorize(request, "viewer");
  const chainId = Number((await context.params).chainId);
  if (!Number.isSafeInteger(chainId) || chainId <= 0)
    throw new AppError("BAD_REQUEST", "chainId must be a positive integer.");
  return NextResponse.json(await forwardRpc(chainId, await readJson(request, ZRpcBody)));
});
