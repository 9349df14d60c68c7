import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { setKitAutomation, ZKitAutomation } from "@/lib/kits";
import { authorFromActor } from "@/lib/timeline";

/** The automatic-execution switch: commanders only. */
export const PUT = route<{ id: string }>({ role: "commander" }, async (request, { actor, params }) => {
  const input = await readJson(request, ZKitAutomation);
  const kit = await setKitAutomation({
    kitId: (await params).id,
    input,
    author: authorFromActor(actor),
  });
  return NextResponse.json({
    isAutoEnabled: kit.isAutoEnabled,
    autoCooldownSeconds: kit.autoCooldownSeconds,
  });
});
