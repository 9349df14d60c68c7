import type { Metadata } from "next";

export const metadata: Metadata = { title: "Proposals" };

export default function ProposalsPage() {
  return (
    <section>
      <h1 className="text-2xl font-semibold">Safe proposals</h1>
      <p className="mt-2 text-zinc-400">Privileged calls waiting for signatures appear here.</p>
    </section>
  );
}
