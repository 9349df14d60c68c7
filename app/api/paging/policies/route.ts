import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { listPolicies, savePolicy, ZEscalationPolicy } from "@/lib/paging";

export const GET = route({ role: "admin" }, async () => {
  return NextResponse.json({ policies: await listPolicies() });
});

export const POST = route({ role: "admin" }, async (request) => {
  const input = await readJson(request, ZEscalationPolicy);
  return NextResponse.json({ policy: await savePolicy(null, input) }, { status: 201 });
});
