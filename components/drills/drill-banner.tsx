import Link from "next/link";
import { findIncidentDrill } from "@/lib/drills";

/** Unmissable on a drill's incident: what happens here happens on a fork, never on the real chain. */
export async function DrillBanner({ incidentId }: { incidentId: string }) {
  const drill = await findIncidentDrill(incidentId);
  return (
    <div
      role="status"
      data-testid="drill-banner"
      className="rounded-lg border-2 border-dashed border-sky-500 bg-sky-950/40 px-3 py-2 text-sm text-sky-100"
    >
      <span className="font-bold">DRILL</span> — a rehearsal
      {drill ? (
        <>
          {" "}
          on a fork of chain {drill.sourceChainId} (drill chain{" "}
          <span className="font-mono">{drill.forkChainId}</span>, {drill.state}). Signatures made here are
          refused by the real Safes.{" "}
          <Link className="underline" href={`/drills/${drill.id}`}>
            Score and facilitator controls
          </Link>
        </>
      ) : (
        "."
      )}
    </div>
  );
}
