import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { bindPlaceholder, listPlaceholderBindings, ZBindPlaceholder } from "@/lib/runbooks";

export const GET = route({ role: "viewer" }, async () => {
  return NextResponse.json(await listPlaceholderBindings());
});

/**
 * Binds `{ placeholder, contractId }` (null unbinds). Commander and above: a binding decides which contract
 * a runbook's one-click actions and proposals target.
 */
export const PUT = route({ role: "commander" }, async (request) => {
  const input = await readJson(request, ZBindPlaceholder);
  return NextResponse.json({ binding: await bindPlaceholder(input) });
});
