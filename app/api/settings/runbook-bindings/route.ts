import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { bindPlaceholder, listPlaceholderBindings, ZBindPlaceholder } from "@/lib/runbooks";

export const GET = route(async (request) => {
  await authorize(request, "viewer");
  return NextResponse.json(await listPlaceholderBindings());
});

/**
 * Binds `{ placeholder, contractId }` (null unbinds). Commander and above: a binding decides which contract
 * a runbook's one-click actions and proposals target.
 */
export const PUT = route(async (request) => {
  await authorize(request, "commander");
  const input = await readJson(request, ZBindPlaceholder);
  return NextResponse.json({ binding: await bindPlaceholder(input) });
});
