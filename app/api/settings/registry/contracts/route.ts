import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { addContract, ZAddContract } from "@/lib/safe";

export const POST = route(async (request) => {
  await authorize(request, "admin");
  const contract = await addContract(await readJson(request, ZAddContract));
  return NextResponse.json({ id: contract.id, address: contract.address }, { status: 201 });
});
