import Link from "next/link";
import { listDrillCoverage } from "@/lib/drills";

/** Last drill per runbook and its trend; runbooks never drilled or not in 12 months are flagged. */
export async function DrillCoverageCard() {
  const rows = await listDrillCoverage();
  return (
    <section aria-labelledby="drills-heading" className="rounded-md border border-zinc-800 p-3">
      <h2 id="drills-heading" className="mb-2 font-semibold">
        Drills
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-400">No runbooks yet.</p>
      ) : (
        <table className="w-full text-sm" data-testid="drill-coverage">
          <thead className="text-left text-zinc-400">
            <tr>
              <th className="py-1">Runbook</th>
              <th>Last drill (UTC)</th>
              <th>Time to verified pause, last drills</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.runbookId} className="border-t border-zinc-800">
                <td className="py-1">{row.runbookTitle}</td>
                <td>
                  {row.lastDrillAt && row.lastDrillId ? (
                    <Link className="underline" href={`/drills/${row.lastDrillId}`}>
                      {row.lastDrillAt.toISOString().slice(0, 10)}
                    </Link>
                  ) : null}{" "}
                  {row.flag === "never" ? (
                    <span className="font-semibold text-amber-400">never drilled</span>
                  ) : row.flag === "stale" ? (
                    <span className="font-semibold text-amber-400">not drilled in 12 months</span>
                  ) : null}
                </td>
                <td className="font-mono">
                  {row.trend.length ? row.trend.map((v) => (v === null ? "—" : `${v} s`)).join(" → ") : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
