import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { listMembers, upsertMember, ZUpsertMember } from "@/lib/members";

export const GET = route({ role: "viewer" }, async () => {
  return NextResponse.json({ members: await listMembers() });
});

export const POST = route({ role: "admin" }, async (request) => {
  const input = await readJson(request, ZUpsertMember);
  return NextResponse.json({ member: await upsertMember(input) }, { status: 201 });
});
