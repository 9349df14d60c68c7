import type { Metadata } from "next";

export const metadata: Metadata = { title: "Incidents" };

export default function IncidentsPage() {
  return (
    <section>
      <h1 className="text-2xl font-semibold">Incidents</h1>
      <p className="mt-2 text-zinc-400">No incidents yet.</p>
    </section>
  );
}
