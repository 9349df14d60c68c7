import { request } from "@playwright/test";
import type { Hex } from "viem";
import { signInWithKey } from "../../e2e/support/sign-in";
import { anvilAccount } from "../../lib/chain/demo";

/**
 * Signs a demo member in through the real SIWE flow (the e2e helper: a real signature with the anvil key)
 * and returns the session cookie as a `Cookie` header value for fetch, Lighthouse or a browser context.
 */
export async function signInCookie(
  baseURL: string,
  accountIndex: number,
): Promise<{ header: string; cookies: { name: string; value: string }[] }> {
  const context = await request.newContext({ baseURL });
  try {
    await signInWithKey(context, baseURL, anvilAccount(accountIndex).privateKey as Hex);
    const { cookies } = await context.storageState();
    return {
      header: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; "),
      cookies: cookies.map(({ name, value }) => ({ name, value })),
    };
  } finally {
    await context.dispose();
  }
}
