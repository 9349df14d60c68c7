import { NextResponse } from "next/server";
import { authorize, createApiToken } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { listApiTokens, ZCreateApiToken } from "@/lib/incidents";

export const GET = route(async (request) => {
  await authorize(request, "admin");
  return NextResponse.json({ tokens: await listApiTokens() });
});

/** The token is in this response and nowhere else, ever: only its hash is stored. */
export const POST = route(async (request) => {
  const actor = await authorize(request, "admin");
  const input = await readJson(request, ZCreateApiToken);
  const { token, record } = await createApiToken({
    ...input,
    createdBy: actor.kind === "member" ? actor.address : `token:${actor.id}`,
  });
  return NextResponse.json(
    { token, record: { id: record.id, name: record.name, role: record.role, prefix: record.prefix } },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
