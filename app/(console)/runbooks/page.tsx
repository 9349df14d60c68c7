import type { Metadata } from "next";

export const metadata: Metadata = { title: "Runbooks" };

export default function RunbooksPage() {
  return (
    <section>
      <h1 className="text-2xl font-semibold">Runbooks</h1>
      <p className="mt-2 text-zinc-400">Import the Markdown runbooks your team keeps.</p>
    </section>
  );
}
