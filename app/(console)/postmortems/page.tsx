import type { Metadata } from "next";

export const metadata: Metadata = { title: "Post-mortems" };

export default function PostmortemsPage() {
  return (
    <section>
      <h1 className="text-2xl font-semibold">Post-mortems</h1>
      <p className="mt-2 text-zinc-400">Drafts are created when an incident is resolved.</p>
    </section>
  );
}
