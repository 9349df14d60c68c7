import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { listMembers, upsertMember, ZUpsertMember } from "@/lib/members";

export const GET = route(async (request) => {
  await authorize(request, "viewer");
  return NextResponse.json({ members: await listMembers() });
});

export const POST = route(async (request) => {
  await authorize(request, "admin");
  const input = await readJson(request, ZUpsertMember);
  return NextResponse.json({ member: await upsertMember(input) }, { status: 201 });
});
