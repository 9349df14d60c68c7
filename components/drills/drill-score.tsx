import type { DrillScore } from "@/lib/drills";

const s = (value: number | null) => (value === null ? "—" : `${value} s`);

/** Each timing of the drill from its start, as the Security Alliance's drill template measures them. */
export function DrillScoreTable({ score }: { score: DrillScore }) {
  const rows: [string, string][] = [
    ["Acknowledged", s(score.acknowledgeSeconds)],
    ["First proposal", s(score.firstProposalSeconds)],
    ...score.signatures.map((sig, i): [string, string] => [
      `Signature ${i + 1} (${sig.owner.slice(0, 6)}…${sig.owner.slice(-4)}${sig.isStandIn ? ", stand-in" : ", real"})`,
      s(sig.seconds),
    ]),
    ["Threshold reached", s(score.thresholdSeconds)],
    ["Executed on the fork", s(score.executedSeconds)],
    ["Verified pause", s(score.verifiedPauseSeconds)],
    ["Checklist", `${score.checklist.checked} of ${score.checklist.total} steps`],
  ];
  return (
    <div className="space-y-2">
      <table className="w-full max-w-xl text-sm" data-testid="drill-score">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label} className="border-b border-zinc-800">
              <th scope="row" className="py-1 pr-4 text-left font-normal text-zinc-300">
                {label}
              </th>
              <td className="py-1 font-mono">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {score.pages.length > 0 ? (
        <p className="text-sm text-zinc-300">
          Paged and answered:{" "}
          {score.pages
            .map((p) => `${p.kind.replace(/^pag(e|ing)\./, "")} ${p.who} at ${p.seconds} s`)
            .join("; ")}
        </p>
      ) : (
        <p className="text-sm text-zinc-400">Nobody was paged during the drill.</p>
      )}
      {score.checklist.skipped.length > 0 ? (
        <details className="text-sm">
          <summary>Steps not checked ({score.checklist.skipped.length})</summary>
          <ul className="ml-5 list-disc text-zinc-400">
            {score.checklist.skipped.map((item) => (
              <li key={item.key}>{item.text}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
