import type { APIRequestContext } from "@playwright/test";
import type { Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";

export type SiweOverrides = { domain?: string; nonce?: string; chainId?: number; expirationTime?: Date };

/** Builds and signs a real SIWE message with an anvil key (what a wallet would do), without a page. */
export async function signSiweMessage(
  request: APIRequestContext,
  baseURL: string,
  privateKey: Hex,
  overrides: SiweOverrides = {},
) {
  const account = privateKeyToAccount(privateKey);
  const nonce =
    overrides.nonce ??
    ((await (await request.get(`${baseURL}/api/siwe/nonce`)).json()) as { nonce: string }).nonce;
  const url = new URL(baseURL);
  const now = new Date();
  const message = createSiweMessage({
    domain: overrides.domain ?? url.host,
    address: account.address,
    statement: "Sign in to Breakglass.",
    uri: overrides.domain ? `http://${overrides.domain}` : url.origin,
    version: "1",
    chainId: overrides.chainId ?? 31337,
    nonce,
    issuedAt: now,
    expirationTime: overrides.expirationTime ?? new Date(now.getTime() + 10 * 60_000),
  });
  return { message, signature: await account.signMessage({ message }), nonce };
}

/** Posts a signed message to next-auth's credentials callback; the session cookie lands in `request`'s jar. */
export async function postSiweSignIn(
  request: APIRequestContext,
  baseURL: string,
  signed: { message: string; signature: string },
) {
  const { csrfToken } = (await (await request.get(`${baseURL}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  const response = await request.post(`${baseURL}/api/auth/callback/siwe`, {
    form: { message: signed.message, signature: signed.signature, csrfToken, json: "true" },
    maxRedirects: 0,
  });
  const location = response.headers().location ?? "";
  // With json=true next-auth answers { url } (200 on success, 401 with ?error=... on a refusal).
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  const target = location || body.url || "";
  const error = new URL(target || baseURL, baseURL).searchParams.get("error");
  return { ok: !error && response.status() < 400, error };
}

/** Signs a browser context in through the API (tests other than the login-form test use this). */
export async function signInWithKey(request: APIRequestContext, baseURL: string, privateKey: Hex) {
  const result = await postSiweSignIn(request, baseURL, await signSiweMessage(request, baseURL, privateKey));
  if (!result.ok) throw new Error(`sign-in failed: ${result.error}`);
}
