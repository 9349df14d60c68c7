import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { isDatabaseDown } from "../db/is-database-down";
import { AppError, type FieldIssue, isAppError } from "../errors";
import { metrics } from "../metrics/registry";
import { isStorableText, NUL_MESSAGE } from "./input-fields";
import { routeTemplate } from "./route-template";

export { MAX_JSON_BODY_BYTES, readBodyBytes, readJson, readMultipart } from "./read-body";

export type ErrorBody = { error: { code: string; message: string; fields: FieldIssue[] } };

export function fieldsFromZod(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join(".") || "(body)", message: issue.message }));
}

export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof ZodError) {
    const fields = fieldsFromZod(error);
    const first = fields[0]!;
    return NextResponse.json(
      { error: { code: "UNPROCESSABLE", message: `${first.path}: ${first.message}`, fields } },
      { status: 422 },
    );
  }
  if (isAppError(error)) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, fields: error.fields } },
      { status: error.status },
    );
  }
  if (isDatabaseDown(error)) {
    return NextResponse.json(
      {
        error: {
          code: "UNAVAILABLE",
          message: "The database is unreachable; try again in a moment.",
          fields: [],
        },
      },
      { status: 503 },
    );
  }
  // Unknown errors are logged once on the server; the client sees no internals.
  console.error("[breakglass] unexpected error", error);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on the server.", fields: [] } },
    { status: 500 },
  );
}

/**
 * A NUL in a query parameter or a path segment reached PostgreSQL (which refuses it in text) and answered 500:
 * 422 naming the parameter, for every route at once. Bodies are checked where they are parsed (readJson).
 */
async function refuseNulInUrl(request: Request, params: Promise<unknown>): Promise<void> {
  const refuse = (path: string): never => {
    throw new AppError("UNPROCESSABLE", `${path}: ${NUL_MESSAGE}`, {
      fields: [{ path, message: NUL_MESSAGE }],
    });
  };
  for (const [name, value] of new URL(request.url).searchParams)
    if (!isStorableText(name) || !isStorableText(value)) refuse(isStorableText(name) ? name : "(query)");
  const values = ((await params.catch(() => ({}))) ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(values))
    if ((Array.isArray(value) ? value : [value]).some((part) => !isStorableText(String(part)))) refuse(name);
}

/** The roles and the caller, as lib/auth defines them (the kernel does not import a domain: see below). */
export type Role = "viewer" | "responder" | "commander" | "admin";
export type Actor =
  | { kind: "member"; id: string; address: string; name: string; role: Role }
  | { kind: "api"; id: string; address: null; name: string; role: Role };
type Authenticate = (request: Request, access: { role: Role; tokensOnly?: boolean }) => Promise<Actor>;

const holder = globalThis as { breakglassRouteAuthentication?: Authenticate };

/**
 * lib/auth sits above this kernel, so it is wired in at start (instrumentation.ts, the integration setup):
 * wireRouteAuthentication(authenticateRoute). A route that runs before it refuses (500) rather than guess.
 */
export function wireRouteAuthentication(authenticate: Authenticate): void {
  holder.breakglassRouteAuthentication = authenticate;
}

/**
 * Who may call a route, declared where the route is (dub's `withWorkspace(handler, { requiredPermissions })`):
 * - `{ role }`: a signed-in member (session cookie) or an API token with at least that role;
 * - `{ role, tokensOnly: true }`: API v1, for machines: a token, never the cookie;
 * - `{ role: "public" }`: no caller identity (health, the OpenAPI document, the SIWE nonce, webhooks that
 *   verify their own secret). Say why beside the route.
 */
export type RouteAccess = { role: Role; tokensOnly?: boolean } | { role: "public" };

/** What Next passes a route handler: the dynamic segments. Optional so tests can call handlers directly. */
export type RouteContext<P> = { params?: Promise<P> };
export type RouteHandler<P> = (request: Request, context?: RouteContext<P>) => Promise<Response>;
export type Ctx<P, A = Actor> = { actor: A; params: Promise<P> };

/**
 * Wraps a route handler: identity and role (declared in `access`), the same-origin check for every
 * cookie-authenticated mutation (before any query), one JSON error shape, and the request's latency under
 * its route template. Bodies are read with readJson / readMultipart / readBodyBytes (streamed, capped).
 */
export function route<P = Record<string, never>>(
  access: { role: Role; tokensOnly?: boolean },
  handler: (request: Request, context: Ctx<P>) => Promise<Response>,
): RouteHandler<P>;
export function route<P = Record<string, never>>(
  access: { role: "public" },
  handler: (request: Request, context: Ctx<P, null>) => Promise<Response>,
): RouteHandler<P>;
export function route<P>(
  access: RouteAccess,
  // The overloads above pair each access with its actor type; here one signature serves both.
  handler: (request: Request, context: Ctx<P, never>) => Promise<Response>,
): RouteHandler<P> {
  return async (request, context) => {
    const started = performance.now();
    const params = context?.params ?? Promise.resolve({} as P);
    let response: Response;
    try {
      let actor: Actor | null = null;
      if (access.role !== "public") {
        const authenticate = holder.breakglassRouteAuthentication;
        if (!authenticate) throw new Error("route authentication is not wired (wireRouteAuthentication)");
        // Identity, the same-origin check for cookie-authenticated mutations, the role (lib/auth/authenticate-route.ts).
        actor = await authenticate(request, access);
      }
      await refuseNulInUrl(request, params);
      response = await handler(request, { actor: actor as never, params });
    } catch (error) {
      response = errorResponse(error);
    }
    const labels = {
      route: await routeTemplate(new URL(request.url).pathname, params),
      method: request.method,
      status: String(response.status),
    };
    metrics().httpDuration.observe(labels, (performance.now() - started) / 1000);
    return response;
  };
}
