import { type Address, getAddress } from "viem";
import { db } from "../db/client";
import type { SafeProposal } from "../db/generated/client";
import { AppError } from "../errors";
import { formatIncidentRef } from "../incidents";
import type { StoredSimulation } from "./deferred-simulation";
import type { DecodedCall } from "./resolve-calls";
import { multiSendAddresses, safeContractsForChain } from "./safe-contracts-for-chain";
import type { TVerificationRead } from "./schemas";

export type ProposalView = Awaited<ReturnType<typeof getProposalView>>;

/** Everything a signer reads on the proposal page, with every address named from the registry. */
export async function getProposalView(proposalId: string) {
  const proposal = await db().safeProposal.findUnique({
    where: { id: proposalId },
    include: { safe: true, incident: true, signatures: { orderBy: { createdAt: "asc" } } },
  });
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  const chainId = proposal.safe.chainId;
  const [contracts, safes, members, safeContracts, rivals, timelocks, verificationEvents] = await Promise.all(
    [
      db().contract.findMany({ where: { chainId } }),
      db().safe.findMany({ where: { chainId } }),
      db().member.findMany(),
      safeContractsForChain(chainId),
      db().safeProposal.findMany({
        where: { safeId: proposal.safeId, nonce: proposal.nonce, id: { not: proposal.id } },
        select: { id: true, title: true, state: true, isRejection: true },
      }),
      db().timelock.findMany({ where: { proposalId: proposal.id } }),
      proposal.incidentId
        ? db().timelineEvent.findMany({
            where: {
              incidentId: proposal.incidentId,
              kind: "verification.recorded",
              payload: { path: ["source"], equals: `proposal:${proposal.id}` },
            },
            orderBy: { id: "asc" },
          })
        : [],
    ],
  );
  const nameOf = (address: string): string | null => {
    const lower = address.toLowerCase();
    const contract = contracts.find((c) => c.address.toLowerCase() === lower);
    if (contract) return contract.name;
    const safe = safes.find((s) => s.address.toLowerCase() === lower);
    if (safe) return safe.label;
    if (safeContracts.multiSendCallOnly?.toLowerCase() === lower) return "MultiSendCallOnly (Safe v1.4.1)";
    if (safeContracts.multiSend?.toLowerCase() === lower) return "MultiSend (Safe v1.4.1)";
    return null;
  };
  const memberName = (address: string) =>
    members.find((m) => m.address.toLowerCase() === address.toLowerCase())?.displayName ?? null;
  const owners = proposal.safe.owners.map((owner) => getAddress(owner));
  const validSignatures = proposal.signatures.filter((s) => owners.includes(getAddress(s.owner)));
  return {
    id: proposal.id,
    title: proposal.title,
    state: proposal.state,
    nonce: proposal.nonce,
    isRejection: proposal.isRejection,
    isDrill: proposal.isDrill,
    incident: proposal.incident
      ? {
          id: proposal.incident.id,
          ref: formatIncidentRef(proposal.incident.number),
          title: proposal.incident.title,
        }
      : null,
    safe: {
      id: proposal.safe.id,
      label: proposal.safe.label,
      address: getAddress(proposal.safe.address),
      owners: owners.map((address) => ({ address, name: memberName(address) })),
      threshold: proposal.safe.threshold ?? 0,
      chainNonce: proposal.safe.nonce,
      readAt: proposal.safe.readAt?.toISOString() ?? null,
    },
    chainId,
    tx: {
      to: getAddress(proposal.to) as Address,
      toName: nameOf(proposal.to),
      value: proposal.value,
      data: proposal.data,
      operation: proposal.operation,
      isDelegateCall: proposal.operation === 1,
      isKnownMultiSend: multiSendAddresses(safeContracts).some(
        (a) => a.toLowerCase() === proposal.to.toLowerCase(),
      ),
      safeTxGas: proposal.safeTxGas,
      baseGas: proposal.baseGas,
      gasPrice: proposal.gasPrice,
      gasToken: proposal.gasToken,
      refundReceiver: proposal.refundReceiver,
    },
    calls: (proposal.calls as DecodedCall[]).map((call) => ({
      ...call,
      toName: nameOf(call.to),
      args: call.args.map((arg) => ({
        ...arg,
        valueName: arg.type === "address" ? (nameOf(arg.value) ?? memberName(arg.value)) : null,
      })),
    })),
    hashes: {
      safeTxHash: proposal.safeTxHash,
      domainHash: proposal.domainHash,
      messageHash: proposal.messageHash,
    },
    /** A Simulation, or a DeferredSimulation when it was prepared while the chain was unreachable. */
    simulation: proposal.simulation as StoredSimulation | null,
    signatures: proposal.signatures.map((s) => ({
      owner: getAddress(s.owner),
      name: memberName(s.owner),
      at: s.createdAt.toISOString(),
      isCurrentOwner: owners.includes(getAddress(s.owner)),
      /** Accepted against the cached owners while the chain was unreachable; not yet checked on chain. */
      isOwnerUnverified: s.isOwnerUnverified,
    })),
    progress: { count: validSignatures.length, threshold: proposal.safe.threshold ?? 0 },
    conflicts: rivals,
    executingSince: proposal.executingSince?.toISOString() ?? null,
    executedTxHash: proposal.executedTxHash,
    executedBlock: proposal.executedBlock,
    verifications: (proposal.verifications ?? []) as TVerificationRead[],
    verificationResults: verificationEvents.map((event) => ({
      id: event.id,
      at: event.createdAt.toISOString(),
      ...(event.payload as object),
    })) as {
      id: number;
      at: string;
      contract: string;
      signature: string;
      expected: string | null;
      actual: string;
      isPassed: boolean | null;
    }[],
    timelocks: timelocks.map((t) => ({
      ...t,
      readyAt: t.readyAt.toISOString(),
      createdAt: t.createdAt.toISOString(),
    })),
    source: proposal.source as Record<string, unknown> | null,
    createdAt: proposal.createdAt.toISOString(),
  };
}

export function progressOf(
  proposal: SafeProposal & {
    safe: { owners: string[]; threshold: number | null };
    signatures: { owner: string }[];
  },
) {
  const owners = proposal.safe.owners.map((o) => o.toLowerCase());
  return {
    count: proposal.signatures.filter((s) => owners.includes(s.owner.toLowerCase())).length,
    threshold: proposal.safe.threshold ?? 0,
  };
}
