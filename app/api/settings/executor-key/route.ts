import { NextResponse } from "next/server";
import { listChains } from "@/lib/chain";
import { readJson, route } from "@/lib/http/handle-route";
import { getExecutorView, removeExecutorKey, setExecutorKey, ZExecutorKey } from "@/lib/kits";

/** Address and balances only: the key itself is write-only. */
export const GET = route({ role: "viewer" }, async () => {
  const view = await getExecutorView((await listChains()).map((c) => c.id));
  return NextResponse.json({ executor: view });
});

export const PUT = route({ role: "admin" }, async (request, { actor }) => {
  const input = await readJson(request, ZExecutorKey);
  return NextResponse.json(await setExecutorKey(input, actor.id));
});

export const DELETE = route({ role: "admin" }, async () => {
  await removeExecutorKey();
  return NextResponse.json({ removed: true });
});
