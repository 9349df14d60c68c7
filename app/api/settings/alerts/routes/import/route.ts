import { NextResponse } from "next/server";
import { importRunbookAlertRoutes } from "@/lib/alerts";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";

export const POST = route(async (request) => {
  await authorize(request, "admin");
  return NextResponse.json(await importRunbookAlertRoutes());
});
