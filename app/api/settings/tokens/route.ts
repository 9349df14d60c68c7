import { NextResponse } from "next/server";
import { createApiToken, listApiTokens, ZCreateApiToken } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";

export const GET = route({ role: "admin" }, async () => {
  return NextResponse.json({ tokens: await listApiTokens() });
});

/** The token is in this response and nowhere else, ever: only its hash is stored. */
export const POST = route({ role: "admin" }, async (request, { actor }) => {
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
