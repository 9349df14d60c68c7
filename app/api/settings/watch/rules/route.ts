import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { createWatchRule, listWatchRules, ZWatchRuleInput } from "@/lib/watch";

export const GET = route(async (request) => {
  await authorize(request, "viewer");
  return NextResponse.json({ rules: await listWatchRules() });
});

export const POST = route(async (request) => {
  await authorize(request, "admin");
  const input = await readJson(request, ZWatchRuleInput);
  return NextResponse.json({ rule: await createWatchRule(input) }, { status: 201 });
});
