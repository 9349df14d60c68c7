import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { listPolicies, savePolicy, ZEscalationPolicy } from "@/lib/paging";

export const GET = route(async (request) => {
  await authorize(request, "admin");
  return NextResponse.json({ policies: await listPolicies() });
});

export const POST = route(async (request) => {
  await authorize(request, "admin");
  const input = await readJson(request, ZEscalationPolicy);
  return NextResponse.json({ policy: await savePolicy(null, input) }, { status: 201 });
});
