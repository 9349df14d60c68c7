import { type NextRequest, NextResponse } from "next/server";
import { WALLETCONNECT_CSP, walletConnectProjectId } from "./lib/chain/wallet-connect";

/**
 * Content-Security-Policy for every page. Scripts run only with this response's nonce (Next puts it on its
 * own inline bootstrap and script tags when it finds it in the request's CSP header; every page of the
 * console renders per request, so each gets a fresh one), and 'strict-dynamic' lets those load the chunks
 * they import. Images come from this console only (notes are Markdown: a remote image is a tracking pixel
 * that tells a third party who reads an incident, and when), unless an operator lists hosts in
 * BREAKGLASS_CSP_IMAGE_HOSTS. Styles allow inline attributes: React renders `style=` for layout, and
 * stylesheets cannot run code. The browser reads the chain through /api/rpc, so connections stay on self,
 * unless WalletConnect is configured: then its relay, pairing modal and verify frame are allowed too.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

function imageHosts(): string {
  return (
    (process.env.BREAKGLASS_CSP_IMAGE_HOSTS ?? "")
      .split(",")
      .map((host) => host.trim())
      // Origins only (`https://images.example`): a path or a quote would change the policy's meaning.
      .filter((host) => /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(host))
      .join(" ")
  );
}

export function contentSecurityPolicy(nonce: string): string {
  const isDev = process.env.NODE_ENV === "development";
  const walletConnect = walletConnectProjectId(process.env.BREAKGLASS_WALLETCONNECT_PROJECT_ID) !== null;
  const extra = (sources: readonly string[]) => (walletConnect ? ` ${sources.join(" ")}` : "");
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${imageHosts() ? ` ${imageHosts()}` : ""}${extra(WALLETCONNECT_CSP.img)}`,
    "font-src 'self'",
    `connect-src 'self'${extra(WALLETCONNECT_CSP.connect)}`,
    ...(walletConnect ? [`frame-src${extra(WALLETCONNECT_CSP.frame)}`] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const config = {
  matcher: [
    // Pages only: API answers are JSON or SSE, and static files carry no scripts of their own.
    {
      source: "/((?!api|metrics|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
