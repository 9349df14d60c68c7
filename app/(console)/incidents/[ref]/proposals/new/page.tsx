import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { FormCall } from "@/components/safe/form-types";
import { ProposalForm } from "@/components/safe/proposal-form";
import { requirePageMember } from "@/lib/auth";
import { loadIncidentChainScope } from "@/lib/chain";
import { formatIncidentRef, getIncidentByRef } from "@/lib/incidents";
import { assessProposalGuards, describeGuard } from "@/lib/runbooks";
import { listProposalTargets } from "@/lib/safe";

export const metadata: Metadata = { title: "New Safe proposal" };

type Search = Record<string, string | string[] | undefined>;

/**
 * New proposal for an incident. Runbook action steps link here with exactly: contractId, signature
 * (canonical, e.g. `pauseGlobal()`), args (JSON array), value (wei), safeId (suggested) and
 * runbook (`<versionId>:<anchor>:<actionIndex>`); a timelock's follow-up adds `timelock`.
 */
export default async function NewProposalPage({
  params,
  searchParams,
}: {
  params: Promise<{ ref: string }>;
  searchParams: Promise<Search>;
}) {
  await requirePageMember("responder");
  const { ref } = await params;
  const incident = await getIncidentByRef(ref).catch(() => null);
  if (!incident) notFound();
  const query = await searchParams;
  const one = (key: string) => (Array.isArray(query[key]) ? query[key]![0] : query[key]) ?? "";
  const { contracts, safes } = await listProposalTargets(await loadIncidentChainScope(incident.id));
  let argsWarning: string | null = null;
  let args: string[] = [];
  if (one("args")) {
    try {
      const parsed = JSON.parse(one("args")) as unknown;
      if (!Array.isArray(parsed)) throw new Error("not an array");
      args = parsed.map((a) =>
        a === null || a === undefined ? "" : typeof a === "string" ? a : JSON.stringify(a),
      );
    } catch {
      argsWarning = "The link's args are not a JSON array: fill the arguments in below.";
    }
  }
  const contract = contracts.find((c) => c.id === one("contractId"));
  const signature = one("signature");
  const isKnown = contract?.functions.some((f) => f.signature === signature) ?? false;
  const calls: FormCall[] = contract
    ? [
        {
          contractId: contract.id,
          isTyped: Boolean(signature) && !isKnown,
          signature,
          args,
          value: one("value") || "0",
        },
      ]
    : [];
  const incidentRef = formatIncidentRef(incident.number);
  // What the server will refuse without a commander's override (an unpause with its checklist unticked, a
  // second proposal of an action already proposed), shown before anyone fills the form in, not after Propose.
  const guards =
    signature && !incident.resolvedAt
      ? await assessProposalGuards({
          incidentId: incident.id,
          signatures: [signature],
          runbook: one("runbook") || undefined,
        })
      : [];
  return (
    <section className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm text-zinc-400">
        <Link href={`/incidents/${incidentRef}`} className="underline">
          {incidentRef} · {incident.title}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">New Safe proposal</h1>
      {argsWarning && (
        <p role="alert" className="text-sm text-amber-300">
          {argsWarning}
        </p>
      )}
      <ProposalForm
        incidentRef={incidentRef}
        contracts={contracts}
        safes={safes}
        initial={{
          title: contract && signature ? `${signature.split("(")[0]} on ${contract.name}` : "",
          safeId: safes.some((s) => s.id === one("safeId")) ? one("safeId") : "",
          calls,
          runbook: one("runbook") || null,
          timelockId: one("timelock") || null,
          guard: guards.length ? guards.map(describeGuard).join(". ") : null,
        }}
      />
    </section>
  );
}
