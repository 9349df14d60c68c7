import { type Actor, authorize, type Role } from "../../auth";
import { AppError } from "../../errors";

/**
 * API v1 is for machines: it takes `Authorization: Bearer bg_…` only (a browser session is not enough),
 * with the same role checks as the console.
 */
export async function requireApiToken(request: Request, required: Role): Promise<Actor> {
  const header = request.headers.get("authorization") ?? "";
  if (!/^bearer\s+\S+/i.test(header))
    throw new AppError("UNAUTHENTICATED", "An API token is required: Authorization: Bearer bg_…");
  return authorize(request, required);
}
