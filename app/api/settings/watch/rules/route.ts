import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { createWatchRule, listWatchRules, ZWatchRuleInput } from "@/lib/watch";

export const GET = route({ role: "viewer" }, async () => {
  return NextResponse.json({ rules: await listWatchRules() });
});

export const POST = route({ role: "admin" }, async (request) => {
  const input = await readJson(request, ZWatchRuleInput);
  return NextResponse.json({ rule: await createWatchRule(input) }, { status: 201 });
});
