import { NextResponse } from "next/server";
import { z } from "zod";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { getRunbookVersion } from "@/lib/runbooks";

const ZQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/** A runbook document (by id or slug) at its latest version or `?version=N`, with versions and incidents. */
export const GET = route(async (request, context: { params: Promise<{ id: string }> }) => {
  await authorize(request, "viewer");
  const { id } = await context.params;
  const { version } = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await getRunbookVersion({ idOrSlug: id, version }));
});
