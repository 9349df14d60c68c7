import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { changeMemberRole, ZChangeRole } from "@/lib/members";

export const PATCH = route<{ id: string }>({ role: "admin" }, async (request, { params }) => {
  const { role } = await readJson(request, ZChangeRole);
  const { id } = await params;
  return NextResponse.json({ member: await changeMemberRole({ memberId: id, role }) });
});
