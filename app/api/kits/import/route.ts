import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { importKit, recheckKits, ZImportKit } from "@/lib/kits";
import { authorFromActor } from "@/lib/timeline";

export const POST = route(async (request) => {
  const actor = await authorize(request, "commander");
  const input = await readJson(request, ZImportKit);
  const result = await importKit({ ...input, author: authorFromActor(actor) });
  await recheckKits({ kitId: result.kitId }).catch(() => undefined);
  return NextResponse.json(result);
});
