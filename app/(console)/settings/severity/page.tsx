import type { Metadata } from "next";
import { SeverityEditor } from "@/components/settings/severity-editor";
import { requirePageMember } from "@/lib/auth";
import { listSeverityLevels } from "@/lib/incidents";

export const metadata: Metadata = { title: "Severity scheme" };
export const dynamic = "force-dynamic";

export default async function SeveritySettingsPage() {
  const actor = await requirePageMember("viewer");
  const levels = await listSeverityLevels();
  return (
    <section className="space-y-4" aria-labelledby="severity-heading">
      <h1 id="severity-heading" className="text-2xl font-semibold">
        Severity scheme
      </h1>
      <p className="text-sm text-zinc-400">
        Most severe first. The response target drives the acknowledge-by timer; the cadence, when the next
        status update is due. An incident keeps the level it was declared with.
      </p>
      <SeverityEditor
        isAdmin={actor.role === "admin"}
        levels={levels.map(
          ({
            name,
            definition,
            examples,
            responseTargetSeconds,
            updateCadenceSeconds,
            postmortemDueSeconds,
            color,
          }) => ({
            name,
            definition,
            examples,
            responseTargetSeconds,
            updateCadenceSeconds,
            postmortemDueSeconds,
            color,
          }),
        )}
      />
    </section>
  );
}
