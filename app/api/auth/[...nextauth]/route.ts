import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { readBodyBytes, route } from "@/lib/http/handle-route";

const handler = NextAuth(authOptions) as (
  request: NextRequest,
  context: { params: Promise<{ nextauth: string[] }> },
) => Promise<Response>;

/** A SIWE message, its signature and next-auth's CSRF token fit in far less; larger bodies are refused unread. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

type Params = { nextauth: string[] };

// Public on purpose: this is where signing in and out happens. next-auth checks its own CSRF token on POSTs.
export const GET = route<Params>({ role: "public" }, (request, { params }) =>
  handler(request as NextRequest, { params }),
);

/** The body is read here, counted and capped, and handed to next-auth as a fresh request. */
export const POST = route<Params>({ role: "public" }, async (request, { params }) => {
  const body = await readBodyBytes(request, MAX_AUTH_BODY_BYTES);
  const replay = new NextRequest(request.url, {
    method: "POST",
    headers: request.headers,
    body: body as Uint8Array<ArrayBuffer>,
  });
  return handler(replay, { params });
});
