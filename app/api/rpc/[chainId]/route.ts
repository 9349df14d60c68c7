import { NextResponse } from "next/server";
import { forwardRpc, ZRpcBody } from "@/lib/chain";
import { AppError } from "@/lib/errors";
import { readJson, route } from "@/lib/http/handle-route";

export const POST = route<{ chainId: string }>({ role: "viewer" }, async (request, { params }) => {
  const chainId = Number((await params).chainId);
  if (!Number.isSafeInteger(chainId) || chainId <= 0)
    throw new AppError("BAD_REQUEST", "chainId must be a positive integer.");
  return NextResponse.json(await forwardRpc(chainId, await readJson(request, ZRpcBody)));
});
