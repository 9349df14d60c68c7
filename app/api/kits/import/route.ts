import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { importKit, recheckKits, ZImportKit } from "@/lib/kits";
import { authorFromActor } from "@/lib/timeline";

export const POST = route({ role: "commander" }, async (request, { actor }) => {
  const input = await readJson(request, ZImportKit);
  const result = await importKit({ ...input, author: authorFromActor(actor) });
  await recheckKits({ kitId: result.kitId }).catch(() => undefined);
  return NextResponse.json(result);
});
