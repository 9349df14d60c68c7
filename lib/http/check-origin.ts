import { env } from "../env";
import { AppError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * CSRF: a browser attaches the session cookie to a form posted from any page on the same *site* (another port
 * on localhost, a sibling subdomain), and SameSite=Lax does not stop it. A cookie-authenticated mutation is
 * therefore accepted only from this console's own origin: `Sec-Fetch-Site: same-origin`, or an `Origin` whose
 * host is the request's Host (or whose origin is NEXTAUTH_URL's). Browsers send both on every POST, PUT,
 * PATCH and DELETE; a request with neither is not from a browser page of ours.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site === "same-origin") return;
  const refuse = (why: string): never => {
    throw new AppError("FORBIDDEN", `Cross-origin request refused: ${why}.`);
  };
  if (site === "cross-site" || site === "same-site") refuse(`Sec-Fetch-Site is ${site}`);
  const origin = request.headers.get("origin");
  const parsed = origin && origin !== "null" ? originOf(origin) : null;
  if (!parsed) {
    refuse(origin ? "the Origin header is not this console" : "no Origin header");
    return;
  }
  const host = request.headers.get("host");
  const configured = env().NEXTAUTH_URL ? originOf(env().NEXTAUTH_URL!) : null;
  const isOwnHost = host !== null && new URL(parsed).host === host.toLowerCase();
  if (!isOwnHost && parsed !== configured) refuse(`${parsed} is not this console`);
}
