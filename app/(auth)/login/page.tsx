import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { loginErrorMessage, safeCallbackPath } from "@/lib/auth";
import { listPublicChains } from "@/lib/chain";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; callbackUrl?: string }>;
}) {
  const params = await searchParams;
  const chains = await listPublicChains();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center p-6">
      <h1 className="text-3xl font-bold tracking-tight">
        <span className="text-red-500">Break</span>glass
      </h1>
      <p className="mt-2 text-zinc-400">Incident command for on-chain protocols. Sign in with your wallet.</p>
      <LoginForm
        chains={chains.map((chain) => ({ id: chain.id, name: chain.name }))}
        initialError={loginErrorMessage(params.error)}
        callbackUrl={safeCallbackPath(params.callbackUrl)}
      />
    </main>
  );
}
