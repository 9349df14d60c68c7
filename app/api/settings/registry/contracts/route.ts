import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { addContract, ZAddContract } from "@/lib/safe";

export const POST = route({ role: "admin" }, async (request) => {
  const contract = await addContract(await readJson(request, ZAddContract));
  return NextResponse.json({ id: contract.id, address: contract.address }, { status: 201 });
});
