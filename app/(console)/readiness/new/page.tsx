import type { Metadata } from "next";
import Link from "next/link";
import { NewKitForm } from "@/components/kits/new-kit-form";
import { requirePageMember } from "@/lib/auth";
import { REAL_CHAINS } from "@/lib/chain";
import { listKitSources } from "@/lib/kits";
import { listProposalTargets } from "@/lib/safe";

export const metadata: Metadata = { title: "New emergency kit" };
export const dynamic = "force-dynamic";

/** Admins define kits (the route checks it again): a runbook action, the Safe that pre-signs it, a ladder. */
export default async function NewKitPage() {
  await requirePageMember("admin");
  // Kits are for the real chain: a drill's fork copies are never pre-signed.
  const [sources, { safes }] = await Promise.all([listKitSources(), listProposalTargets(REAL_CHAINS)]);
  return (
    <section className="space-y-4">
      <p className="text-sm text-zinc-400">
        <Link href="/readiness" className="underline">
          Readiness
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">New emergency kit</h1>
      <p className="max-w-2xl text-sm text-zinc-300">
        A kit is signed ahead for a ladder of future nonces, so that in an exploit one responder can execute
        it without gathering the owners. It may not move value; its signatures are encrypted and never shown.
      </p>
      <NewKitForm
        sources={sources}
        safes={safes.map((s) => ({ id: s.id, label: s.label, address: s.address, chainId: s.chainId }))}
      />
    </section>
  );
}
