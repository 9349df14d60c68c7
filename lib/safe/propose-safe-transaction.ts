import { type Address, getAddress, type Hex } from "viem";
import { chainOutsideScope, loadIncidentChainScope } from "../chain";
import { db } from "../db/client";
import type { SafeProposal } from "../db/generated/client";
import { AppError } from "../errors";
import { parseRunbookActionRef } from "../runbooks";
import { appendTimelineEvent, type EventAuthor, type TimelinePayload } from "../timeline";
import { assertOperationAllowed, buildSafeTransaction, type InnerCall } from "./build-safe-transaction";
import { isChainUnreachable } from "./chain-unreachable";
import { type DeferredSimulation, deferredSimulation, isDeferredSimulation } from "./deferred-simulation";
import { deriveVerifications } from "./derive-verifications";
import { hashSafeTransaction, safeTxWithoutRefund } from "./hash-safe-transaction";
import { isOpenProposalState, OPEN_PROPOSAL_STATES } from "./proposal-states";
import { readSafeCoreOrCached } from "./read-safe-state";
import { type DecodedCall, resolveCalls } from "./resolve-calls";
import { multiSendAddresses, safeContractsForChain } from "./safe-contracts-for-chain";
import type { TProposeTransaction } from "./schemas";
import { type Simulation, type StateRead, simulateSafeTransaction } from "./simulate-safe-transaction";
import { toStateReads } from "./state-reads";

/** A guardrail a commander went past (checked at the edge), recorded with the proposal in its transaction. */
export type GuardOverride = TimelinePayload<"proposal.guard_overridden">;

export type ProposeOptions = {
  incidentId: string;
  input: TProposeTransaction;
  author: EventAuthor;
  overrides?: GuardOverride[];
};

/**
 * Build → hash → simulate, then store the proposal with its timeline events in one transaction. Nothing
 * here signs: the stored fields are the only source of the hash that signers sign later. While the chain is
 * unreachable the proposal is prepared against the Safe's cached owners/threshold/nonce and its simulation
 * is deferred (re-checked and simulated once the chain answers, and again before execution).
 */
export async function proposeSafeTransaction({
  incidentId,
  input,
  author,
  overrides = [],
}: ProposeOptions): Promise<SafeProposal> {
  const { incident, safe, contracts } = await loadContext(incidentId, input.safeId);
  const { inner, decoded } = resolveCalls(input.calls, contracts);
  const safeContracts = await safeContractsForChain(safe.chainId);
  const tx = buildSafeTransaction(inner, safeContracts.multiSendCallOnly);
  assertOperationAllowed(tx, multiSendAddresses(safeContracts));
  // ZRunbookSource checked the format at the edge: a ref that parses.
  const source = input.runbook ? parseRunbookActionRef(input.runbook) : null;
  const verifications = input.verifications ?? (await deriveVerifications(decoded, contracts, source));
  return storeProposal({
    incident,
    safe,
    title: input.title,
    tx,
    inner,
    decoded,
    requestedNonce: input.nonce,
    isRejection: false,
    source: source ? { runbook: input.runbook, ...source } : null,
    verifications,
    reads: toStateReads(verifications, contracts),
    timelockId: input.timelockId,
    overrides,
    author,
  });
}

/** A no-op at the same nonce (to the Safe itself, value 0, no data): executing it cancels the other one. */
export async function proposeRejection(proposalId: string, author: EventAuthor): Promise<SafeProposal> {
  const target = await db().safeProposal.findUnique({ where: { id: proposalId }, include: { safe: true } });
  if (!target?.incidentId) throw new AppError("NOT_FOUND", "No such proposal.");
  if (!isOpenProposalState(target.state))
    throw new AppError("CONFLICT", `The proposal is ${target.state}; only an open proposal can be rejected.`);
  const { incident, safe } = await loadContext(target.incidentId, target.safeId);
  const tx = { to: getAddress(safe.address), value: 0n, data: "0x" as Hex, operation: 0 };
  return storeProposal({
    incident,
    safe,
    title: `Reject: ${target.title}`.slice(0, 200),
    tx,
    inner: [{ to: tx.to, value: 0n, data: "0x" }],
    decoded: [],
    requestedNonce: target.nonce,
    isRejection: true,
    source: { rejects: target.id },
    verifications: [],
    author,
  });
}

async function loadContext(incidentId: string, safeId: string) {
  const [incident, safe] = await Promise.all([
    db().incident.findUnique({ where: { id: incidentId } }),
    db().safe.findUnique({ where: { id: safeId } }),
  ]);
  if (!incident) throw new AppError("NOT_FOUND", "No such incident.");
  // A resolved incident is a record: acting on chain from it again means reopening it first.
  if (incident.resolvedAt)
    throw new AppError("CONFLICT", "The incident is resolved: reopen it before proposing a transaction.");
  if (!safe)
    throw new AppError("UNPROCESSABLE", "safeId: is not a Safe in the registry.", {
      fields: [{ path: "safeId", message: "is not a Safe in the registry." }],
    });
  const outside = await chainOutsideScope(await loadIncidentChainScope(incident.id), safe.chainId);
  if (outside)
    throw new AppError("UNPROCESSABLE", `safeId: ${outside}`, {
      fields: [{ path: "safeId", message: outside }],
    });
  const contracts = await db().contract.findMany({ where: { chainId: safe.chainId } });
  return { incident, safe, contracts };
}

type StoreOptions = {
  incident: { id: string; isDrill: boolean };
  safe: {
    id: string;
    chainId: number;
    address: string;
    label: string;
    owners: string[];
    threshold: number | null;
    nonce: number | null;
    readAt: Date | null;
  };
  title: string;
  tx: { to: Address; value: bigint; data: Hex; operation: number };
  inner: InnerCall[];
  decoded: DecodedCall[];
  requestedNonce: number | undefined;
  isRejection: boolean;
  source: object | null;
  verifications: object[];
  /** The verification reads, simulated before → after the calls. */
  reads?: StateRead[];
  timelockId?: string;
  overrides?: GuardOverride[];
  author: EventAuthor;
};

async function storeProposal(o: StoreOptions): Promise<SafeProposal> {
  const [chain, simulated] = await Promise.all([
    readSafeCoreOrCached(o.safe),
    simulateSafeTransaction({
      chainId: o.safe.chainId,
      safeAddress: o.safe.address,
      calls: o.inner.map((call) => ({ to: call.to, value: call.value.toString(), data: call.data })),
      reads: o.reads,
    }).catch((error: unknown) => {
      if (isChainUnreachable(error)) return null;
      throw error;
    }),
  ]);
  const simulation: Simulation | DeferredSimulation = simulated ?? deferredSimulation(chain);
  const nonce = await pickNonce(o.safe.id, chain.nonce, o.requestedNonce);
  const fields = safeTxWithoutRefund({ ...o.tx, value: o.tx.value.toString() }, nonce);
  const hashes = hashSafeTransaction(o.safe.chainId, o.safe.address, fields);
  // The same fields at the same nonce are the same Safe transaction: sign that one instead of a copy.
  const twin = await db().safeProposal.findFirst({
    where: { safeId: o.safe.id, safeTxHash: hashes.safeTxHash, state: { in: [...OPEN_PROPOSAL_STATES] } },
  });
  if (twin)
    throw new AppError(
      "CONFLICT",
      `An identical proposal is already open at nonce ${nonce}: "${twin.title}".`,
    );
  return db().$transaction(async (tx) => {
    const proposal = await tx.safeProposal.create({
      data: {
        incidentId: o.incident.id,
        isDrill: o.incident.isDrill,
        safeId: o.safe.id,
        title: o.title,
        ...fields,
        ...hashes,
        calls: o.decoded as object[],
        simulation: simulation as object,
        state: "signing",
        isRejection: o.isRejection,
        source: o.source ?? undefined,
        verifications: o.verifications,
        createdBy: o.author.id,
      },
    });
    await appendTimelineEvent(tx, {
      incidentId: o.incident.id,
      kind: "proposal.created",
      author: o.author,
      payload: {
        proposalId: proposal.id,
        safe: getAddress(o.safe.address),
        safeLabel: o.safe.label,
        title: o.title,
        nonce,
        safeTxHash: hashes.safeTxHash,
        isRejection: o.isRejection,
      },
    });
    for (const override of o.overrides ?? [])
      await appendTimelineEvent(tx, {
        incidentId: o.incident.id,
        kind: "proposal.guard_overridden",
        author: o.author,
        payload: { ...override, proposalId: proposal.id },
      });
    if (o.timelockId)
      await tx.timelock.updateMany({
        where: { id: o.timelockId, incidentId: o.incident.id },
        data: { followUpId: proposal.id },
      });
    await appendTimelineEvent(
      tx,
      isDeferredSimulation(simulation)
        ? {
            incidentId: o.incident.id,
            kind: "proposal.simulation_deferred",
            author: o.author,
            payload: {
              proposalId: proposal.id,
              reason: `${simulation.reason}: prepared against the last known owners and nonce ${nonce} (read ${simulation.basis.readAt?.slice(11, 16) ?? "?"} UTC); simulated before execution`,
            },
          }
        : {
            incidentId: o.incident.id,
            kind: "proposal.simulated",
            author: o.author,
            payload: {
              proposalId: proposal.id,
              isSuccess: simulation.isSuccess,
              summary: simulation.summary,
            },
          },
    );
    return proposal;
  });
}

/** Default: after the chain's nonce and after every queued proposal. An explicit nonce may share one (a conflict). */
async function pickNonce(safeId: string, chainNonce: number, requested: number | undefined): Promise<number> {
  if (requested !== undefined) {
    if (requested < chainNonce)
      throw new AppError(
        "UNPROCESSABLE",
        `nonce: ${requested} is already used on chain (next is ${chainNonce}).`,
        {
          fields: [{ path: "nonce", message: `is already used on chain (next is ${chainNonce}).` }],
        },
      );
    return requested;
  }
  const highest = await db().safeProposal.aggregate({
    where: { safeId, state: { in: [...OPEN_PROPOSAL_STATES] }, nonce: { gte: chainNonce } },
    _max: { nonce: true },
  });
  return Math.max(chainNonce, (highest._max.nonce ?? -1) + 1);
}
