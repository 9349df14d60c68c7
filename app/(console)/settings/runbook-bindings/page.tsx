import type { Metadata } from "next";
import { PlaceholderBindingsForm } from "@/components/runbooks/placeholder-bindings-form";
import { hasRole, requirePageMember } from "@/lib/auth";
import { listPlaceholderBindings } from "@/lib/runbooks";

export const metadata: Metadata = { title: "Runbook placeholders" };

export default async function RunbookBindingsPage() {
  const actor = await requirePageMember("viewer");
  const { rows, contracts } = await listPlaceholderBindings();
  return (
    <section className="space-y-3" aria-labelledby="bindings-heading">
      <h1 id="bindings-heading" className="text-2xl font-semibold">
        Runbook placeholders
      </h1>
      <p className="text-sm text-zinc-400">
        Runbooks name contracts by placeholders (<code className="font-mono">$GLOBAL_PAUSE_REGISTRY</code>,{" "}
        <code className="font-mono">&lt;ESCROW_ADDRESS&gt;</code>). Bind each to a registry contract:
        checklist actions and verifications then target it, and later imports remember the binding.
        {hasRole(actor.role, "commander") ? "" : " Commanders and admins can change bindings."}
      </p>
      <PlaceholderBindingsForm rows={rows} contracts={contracts} canEdit={hasRole(actor.role, "commander")} />
    </section>
  );
}
