"use client";

import { useEffect } from "react";

/**
 * Signed out on a console page: on to /login with this page's address as the callback, so a signer who
 * opened a proposal link comes back to it after signing in.
 */
export function SignInRedirect() {
  useEffect(() => {
    const here = `${window.location.pathname}${window.location.search}`;
    window.location.replace(`/login?callbackUrl=${encodeURIComponent(here)}`);
  }, []);
  return (
    <main className="p-6 text-sm text-zinc-400" data-testid="sign-in-redirect">
      Signed out: taking you to sign in…{" "}
      <a href="/login" className="underline">
        Sign in
      </a>
    </main>
  );
}
