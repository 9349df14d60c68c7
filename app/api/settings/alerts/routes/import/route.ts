import { NextResponse } from "next/server";
import { importRunbookAlertRoutes } from "@/lib/alerts";
import { route } from "@/lib/http/handle-route";

export const POST = route({ role: "admin" }, async () => {
  return NextResponse.json(await importRunbookAlertRoutes());
});
