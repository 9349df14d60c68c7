import type { Metadata } from "next";
import { TokensPanel } from "@/components/settings/tokens-panel";
import { listApiTokens, requirePageMember } from "@/lib/auth";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function TokensSettingsPage() {
  await requirePageMember("admin");
  const tokens = await listApiTokens();
  return (
    <section className="space-y-4" aria-labelledby="tokens-heading">
      <h1 id="tokens-heading" className="text-2xl font-semibold">
        API tokens
      </h1>
      <p className="text-sm text-zinc-400">
        For <code>/api/v1</code> (OpenAPI:{" "}
        <a className="underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>
        ). Send <code>Authorization: Bearer bg_…</code>. Also:{" "}
        <code>npm run -s admin -- token create --name N --role R</code>.
      </p>
      <TokensPanel
        tokens={tokens.map((token) => ({
          ...token,
          createdAt: token.createdAt.toISOString(),
          lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
          revokedAt: token.revokedAt?.toISOString() ?? null,
        }))}
      />
    </section>
  );
}
