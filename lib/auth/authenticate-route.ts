import { assertSameOrigin, isSafeMethod } from "../http/check-origin";
import type { Role } from "./roles";
import { type Actor, checkRole, identify } from "./session";

/**
 * What route({ role }) runs before a handler (wired into lib/http at start): who calls, then — for a
 * cookie-authenticated mutation — the same-origin check, then the role. A browser attaches the cookie on its
 * own, even to a form another site posts; a token is sent on purpose, so token calls skip the origin check.
 */
export async function authenticateRoute(
  request: Request,
  access: { role: Role; tokensOnly?: boolean },
): Promise<Actor> {
  const caller = await identify(request, { tokensOnly: access.tokensOnly });
  if (caller.via === "session" && !isSafeMethod(request.method)) assertSameOrigin(request);
  return checkRole(caller.actor, access.role);
}
