import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { addSafe, ZAddSafe } from "@/lib/safe";

export const POST = route({ role: "admin" }, async (request) => {
  const safe = await addSafe(await readJson(request, ZAddSafe));
  return NextResponse.json({ id: safe.id, owners: safe.owners, threshold: safe.threshold }, { status: 201 });
});
