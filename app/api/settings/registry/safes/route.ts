import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { addSafe, ZAddSafe } from "@/lib/safe";

export const POST = route(async (request) => {
  await authorize(request, "admin");
  const safe = await addSafe(await readJson(request, ZAddSafe));
  return NextResponse.json({ id: safe.id, owners: safe.owners, threshold: safe.threshold }, { status: 201 });
});
