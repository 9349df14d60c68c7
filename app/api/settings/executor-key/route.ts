import { NextResponse } from "next/server";
import { authorize, authorizeRead } from "@/lib/auth";
import { listChains } from "@/lib/chain";
import { readJson, route } from "@/lib/http/handle-route";
import { getExecutorView, removeExecutorKey, setExecutorKey, ZExecutorKey } from "@/lib/kits";

/** Address and balances only: the key itself is write-only. */
export const GET = route(async (request) => {
  const view = await authorizeRead(request, "viewer", async () =>
    getExecutorView((await listChains()).map((c) => c.id)),
  );
  return NextResponse.json({ executor: view });
});

export const PUT = route(async (request) => {
  const actor = await authorize(request, "admin");
  const input = await readJson(request, ZExecutorKey);
  return NextResponse.json(await setExecutorKey(input, actor.id));
});

export const DELETE = route(async (request) => {
  await authorize(request, "admin");
  await removeExecutorKey();
  return NextResponse.json({ removed: true });
});
