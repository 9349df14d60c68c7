import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/handle-route";
import { getRunbookVersion } from "@/lib/runbooks";

const ZQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/** A runbook document (by id or slug) at its latest version or `?version=N`, with versions and incidents. */
export const GET = route<{ id: string }>({ role: "viewer" }, async (request, { params }) => {
  const { id } = await params;
  const { version } = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await getRunbookVersion({ idOrSlug: id, version }));
});
