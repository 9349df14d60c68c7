import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { setKitAutomation, ZKitAutomation } from "@/lib/kits";
import { authorFromActor } from "@/lib/timeline";

/** The automatic-execution switch: commanders only. */
export const PUT = route(async (request, context: { params: Promise<{ id: string }> }) => {
  const actor = await authorize(request, "commander");
  const input = await readJson(request, ZKitAutomation);
  const kit = await setKitAutomation({
    kitId: (await context.params).id,
    input,
    author: authorFromActor(actor),
  });
  return NextResponse.json({
    isAutoEnabled: kit.isAutoEnabled,
    autoCooldownSeconds: kit.autoCooldownSeconds,
  });
});
