import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DrillControls } from "@/components/drills/drill-controls";
import { DrillScoreTable } from "@/components/drills/drill-score";
import { hasRole, requirePageMember } from "@/lib/auth";
import { getDrill } from "@/lib/drills";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Drill" };

export default async function DrillPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageMember("viewer");
  const drill = await getDrill((await params).id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const isRunning = drill.state === "running";
  return (
    <section className="space-y-6">
      <div
        className="rounded-lg border-2 border-dashed border-sky-500 bg-sky-950/40 p-3 text-sky-100"
        role="status"
      >
        <p className="font-semibold">DRILL — nothing here touches the real chain.</p>
        <p className="text-sm">
          Fork of {drill.sourceChain.name} at block {drill.forkBlock}, drill chain id{" "}
          <span className="font-mono" data-testid="fork-chain-id">
            {drill.forkChainId}
          </span>
          {drill.forkReadySeconds !== null ? ` (fork ready in ${drill.forkReadySeconds} s)` : ""}.{" "}
          {isRunning
            ? "Running."
            : `Stopped ${drill.stoppedAt?.toISOString().slice(0, 16).replace("T", " ")} UTC.`}
        </p>
      </div>
      <h1 className="text-2xl font-semibold">Drill: {drill.sectionTitle}</h1>
      <p>
        The drill runs as{" "}
        <Link className="underline" href={`/incidents/${drill.incident.ref}`}>
          {drill.incident.ref}
        </Link>{" "}
        ({drill.incident.status}): attach, propose, sign and execute there as on the day.
      </p>
      {isRunning ? (
        <div className="max-w-3xl rounded-lg border border-zinc-800 p-4 text-sm">
          <h2 className="mb-1 font-semibold">Signers: add the drill chain to your wallet</h2>
          <p>
            Network name: <span className="font-mono">Breakglass drill {drill.forkChainId}</span>; chain id{" "}
            <span className="font-mono">{drill.forkChainId}</span>; currency ETH; RPC URL: the fork on the
            console host (ask the facilitator), the console itself reads it through{" "}
            <span className="font-mono">/api/rpc/{drill.forkChainId}</span>. Sign as usual: the domain of what
            you sign names chain {drill.forkChainId}.
          </p>
        </div>
      ) : null}
      <div>
        <h2 className="mb-2 text-lg font-semibold">Score</h2>
        <DrillScoreTable score={drill.score} />
      </div>
      {isRunning && hasRole(actor.role, "commander") ? (
        <div className="max-w-3xl rounded-lg border border-zinc-800 p-4">
          <h2 className="mb-2 text-lg font-semibold">Facilitator</h2>
          {/* Only the facilitator sees the fork's own URL: it accepts anvil's cheat methods, and signers
              whose wallet runs on the console host add it as the drill network's RPC URL. */}
          <p className="mb-3 text-sm">
            Fork RPC URL for signers' wallets:{" "}
            <span className="font-mono break-all" data-testid="fork-rpc-url">
              {drill.forkRpcUrl}
            </span>
          </p>
          <DrillControls
            drillId={drill.id}
            openProposals={drill.openProposals}
            forkContracts={drill.forkContracts}
          />
        </div>
      ) : null}
    </section>
  );
}
