import { safeCallbackUrl } from "./safe-callback-url";

/**
 * Where to go after sign-in: a path on this console only. `//evil.example` and `/\evil.example` start with a
 * slash but browsers read them as another host, and so do tabs or newlines inside them (the URL parser drops
 * them), so the candidate is resolved against a placeholder origin and kept only if it stays there.
 */
export function safeCallbackPath(candidate: string | null | undefined, fallback = "/incidents"): string {
  // The form's own check (it runs in the browser too), then: no backslash anywhere, and the path must resolve
  // on this origin.
  if (!candidate || safeCallbackUrl(candidate, "") === "" || candidate.includes("\\")) return fallback;
  try {
    const placeholder = "http://console.invalid";
    const resolved = new URL(candidate, placeholder);
    if (resolved.origin !== placeholder) return fallback;
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return fallback;
  }
}

/** next-auth's redirect callback: same-origin absolute URLs and safe paths; anything else goes home. */
export function safeRedirectTarget(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  if (url.startsWith("/")) return `${base.origin}${safeCallbackPath(url, "/incidents")}`;
  try {
    const target = new URL(url);
    if (target.origin === base.origin)
      return `${base.origin}${safeCallbackPath(target.pathname + target.search + target.hash)}`;
  } catch {
    // not a URL: home
  }
  return `${base.origin}/incidents`;
}

/** The error codes the login page explains; anything else in `?error=` is not shown (it is attacker text). */
export const LOGIN_ERRORS: Record<string, string> = {
  CredentialsSignin: "Sign-in failed.",
  SessionRequired: "Sign in to continue.",
  AccessDenied: "This wallet may not sign in.",
  Configuration: "The console's sign-in is misconfigured; tell an admin.",
  Default: "Sign-in failed.",
};

export function loginErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return Object.hasOwn(LOGIN_ERRORS, code) ? LOGIN_ERRORS[code] : LOGIN_ERRORS.Default;
}
