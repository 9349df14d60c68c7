import type { Metadata } from "next";
import Link from "next/link";
import { RunbookImportForm } from "@/components/runbooks/runbook-import-form";
import { requirePageMember } from "@/lib/auth";

export const metadata: Metadata = { title: "Import runbook" };

export default async function ImportRunbookPage() {
  await requirePageMember("responder");
  return (
    <section className="max-w-5xl space-y-4">
      <p className="text-sm">
        <Link href="/runbooks" className="text-zinc-400 hover:underline">
          ← Runbooks
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Import runbook</h1>
      <p className="text-sm text-zinc-400">
        The original Markdown is kept exactly as given. Importing a changed file with the same title adds a
        new version; incidents keep the version they used.
      </p>
      <RunbookImportForm />
    </section>
  );
}
