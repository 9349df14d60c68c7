import { getAddress } from "viem";
import { abiFunctions, chainScopeWhere, loadIncidentChainScope, publicClientFor } from "../chain";
import { db } from "../db/client";
import { isChainUnreachable } from "./chain-unreachable";
import { OPEN_PROPOSAL_STATES } from "./proposal-states";

/** Reads that say a contract is paused, as the demo protocol and OpenZeppelin's Pausable name them. */
const PAUSE_READS = ["paused", "isGloballyPaused"];

export type OpenRisks = {
  /** Registry contracts whose pause read answers true right now. */
  paused: { contract: string; read: string }[];
  /** Timelocks started during the incident whose follow-up has not executed. */
  timelocks: { contract: string | null; followUp: string; readyAt: string }[];
  openProposals: { id: string; title: string; state: string }[];
  /** Set when the chain could not be read: the paused list is then unknown, not empty. */
  chainError: string | null;
};

/** What is still open on chain and in the queue when a commander is about to resolve an incident. */
export async function readOpenRisks(incidentId: string): Promise<OpenRisks> {
  const scope = await loadIncidentChainScope(incidentId);
  const [contracts, timelocks, proposals] = await Promise.all([
    db().contract.findMany({ where: chainScopeWhere(scope), orderBy: { name: "asc" } }),
    db().timelock.findMany({ where: { incidentId }, orderBy: { readyAt: "asc" } }),
    db().safeProposal.findMany({
      where: { incidentId, state: { in: [...OPEN_PROPOSAL_STATES] } },
      select: { id: true, title: true, state: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const followUps = await db().safeProposal.findMany({
    where: { id: { in: timelocks.map((t) => t.followUpId).filter((id): id is string => id !== null) } },
    select: { id: true, state: true },
  });
  const paused: OpenRisks["paused"] = [];
  let chainError: string | null = null;
  for (const contract of contracts) {
    const reads = abiFunctions(contract.abi).filter(
      (item) =>
        PAUSE_READS.includes(item.name) && item.inputs.length === 0 && item.outputs[0]?.type === "bool",
    );
    for (const read of reads) {
      try {
        const client = await publicClientFor(contract.chainId);
        const value = await client.readContract({
          address: getAddress(contract.address),
          abi: [read],
          functionName: read.name,
        });
        if (value === true) paused.push({ contract: contract.name, read: `${read.name}()` });
      } catch (error) {
        chainError = isChainUnreachable(error)
          ? "The chain is unreachable: whether contracts are still paused is unknown."
          : `Could not read ${contract.name}.${read.name}(): ${(error as Error).message.split("\n")[0]}`;
      }
    }
  }
  const contractName = (id: string | null) => contracts.find((c) => c.id === id)?.name ?? null;
  return {
    paused,
    timelocks: timelocks
      .filter((t) => followUps.find((f) => f.id === t.followUpId)?.state !== "executed")
      .map((t) => ({
        contract: contractName(t.contractId),
        followUp: t.followUpSignature,
        readyAt: t.readyAt.toISOString(),
      })),
    openProposals: proposals,
    chainError,
  };
}

/** One line per open risk, as recorded with a resolve that went past them. */
export function describeOpenRisks(risks: OpenRisks): string[] {
  return [
    ...risks.paused.map((p) => `${p.contract} is still paused (${p.read} = true)`),
    ...risks.timelocks.map(
      (t) =>
        `timelock pending: ${t.contract ? `${t.contract}.` : ""}${t.followUp} possible from ${t.readyAt.slice(0, 16).replace("T", " ")} UTC`,
    ),
    ...risks.openProposals.map((p) => `open proposal "${p.title}" (${p.state})`),
    ...(risks.chainError ? [risks.chainError] : []),
  ];
}
