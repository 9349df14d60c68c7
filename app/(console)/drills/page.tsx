import type { Metadata } from "next";
import Link from "next/link";
import { StartDrillForm } from "@/components/drills/start-drill-form";
import { hasRole, requirePageMember } from "@/lib/auth";
import { listDrillableSections, listDrills } from "@/lib/drills";

export const metadata: Metadata = { title: "Drills" };

export default async function DrillsPage() {
  const actor = await requirePageMember("viewer");
  const [drills, sections] = await Promise.all([listDrills(), listDrillableSections()]);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Drills</h1>
      <p className="max-w-3xl text-sm text-zinc-300">
        Rehearse a runbook end to end on a fork of the real chain: the same checklist, proposals, signing
        screens, execution and verification, scored from the timeline. Signatures made in a drill name the
        fork&apos;s own chain id and are refused by the real Safes.
      </p>
      {hasRole(actor.role, "commander") ? (
        <div className="max-w-xl rounded-lg border border-zinc-800 p-4">
          <h2 className="mb-2 font-semibold">Start a drill</h2>
          <StartDrillForm sections={sections} />
        </div>
      ) : null}
      <table className="w-full text-sm">
        <thead className="text-left text-zinc-400">
          <tr>
            <th className="py-1">Drill</th>
            <th>Incident</th>
            <th>State</th>
            <th>Started (UTC)</th>
            <th>Threshold</th>
            <th>Verified pause</th>
          </tr>
        </thead>
        <tbody>
          {drills.map((drill) => (
            <tr key={drill.id} className="border-t border-zinc-800">
              <td className="py-1">
                <Link className="underline" href={`/drills/${drill.id}`}>
                  {drill.sectionTitle}
                </Link>
              </td>
              <td>
                <Link className="underline" href={`/incidents/${drill.incidentRef}`}>
                  {drill.incidentRef}
                </Link>
              </td>
              <td>{drill.state}</td>
              <td className="font-mono">{drill.startedAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              <td className="font-mono">
                {drill.thresholdSeconds === null ? "—" : `${drill.thresholdSeconds} s`}
              </td>
              <td className="font-mono">
                {drill.verifiedPauseSeconds === null ? "—" : `${drill.verifiedPauseSeconds} s`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {drills.length === 0 ? <p className="text-sm text-zinc-400">No drill yet.</p> : null}
    </section>
  );
}
