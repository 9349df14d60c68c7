import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { changeMemberRole, ZChangeRole } from "@/lib/members";

export const PATCH = route(async (request, context: { params: Promise<{ id: string }> }) => {
  await authorize(request, "admin");
  const { role } = await readJson(request, ZChangeRole);
  const { id } = await context.params;
  return NextResponse.json({ member: await changeMemberRole({ memberId: id, role }) });
});
