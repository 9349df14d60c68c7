import { getAddress, type Hex } from "viem";
import type { Actor } from "../auth";
import { decryptSecret } from "../crypto";
import { db } from "../db/client";
import type { Incident } from "../db/generated/client";
import { AppError } from "../errors";
// The files, not lib/incidents/index.ts: the index pulls next-auth, which the bench and scripts under tsx cannot load.
import { declareIncident, getIncidentByRef } from "../incidents";
import { type ExecTransactionArgs, orderSignatures } from "../safe";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { appendKitEvent } from "./append-kit-event";
import { kitSafeTxHash } from "./kit-fields";
import { lockKit, retiredError } from "./lock-kit";
import { configHash, readSafeConfig } from "./read-safe-config";
import { simulateKit } from "./simulate-kit";

/** A claimed break-glass run: everything needed to send it, held only in the server's memory. */
export type KitPlan = {
  executionId: string;
  incident: Incident;
  kit: { id: string; name: string; chainId: number; safeAddress: `0x${string}`; safeLabel: string };
  nonce: number;
  safeTxHash: Hex;
  args: ExecTransactionArgs;
};

export type AlertRef = { id: string; name: string; source: string };

/** Two presses at once (or a press and an alert) send one transaction: a claim holds others out this long. */
export const KIT_EXECUTION_LOCK_MS = 2 * 60_000;

/**
 * Right before breaking the glass: the incident (declared at P1-or-most-severe if none is given), a fresh
 * read of the Safe, threshold signatures at its current nonce from current owners under the current
 * configuration, a simulation on the current state, and a claim. Each step is on the incident's timeline;
 * a refusal says why and sends nothing.
 */
export async function claimKitExecution(options: {
  kitId: string;
  incident?: string;
  mode: "executor" | "wallet";
  actorKey: string;
  author: EventAuthor;
  commander?: Actor | null;
  alert?: AlertRef | null;
}): Promise<KitPlan> {
  const kit = await db().emergencyKit.findUnique({
    where: { id: options.kitId },
    include: { safe: true, signatures: true },
  });
  if (!kit) throw new AppError("NOT_FOUND", "No such kit.");
  if (kit.retiredAt) throw retiredError(kit.name);
  const incident = await resolveIncident(
    options.incident,
    kit.name,
    options.author,
    options.commander ?? null,
  );
  if (incident.resolvedAt) throw new AppError("CONFLICT", `${`INC-${incident.number}`} is resolved.`);
  const chain = await readSafeConfig(kit.safe.chainId, kit.safe.address);
  const current = configHash(chain);
  const usable = kit.signatures.filter(
    (s) => s.nonce === chain.nonce && s.configHash === current && chain.owners.includes(getAddress(s.owner)),
  );
  const refuse = async (reason: string, executionId: string | null = null): Promise<never> => {
    await db().$transaction((tx) =>
      appendTimelineEvent(tx, {
        incidentId: incident.id,
        kind: "kit.break_glass_failed",
        author: options.author,
        payload: { kitId: kit.id, executionId, reason },
      }),
    );
    throw new AppError("CONFLICT", `Break glass refused: ${reason}`);
  };
  if (usable.length < chain.threshold)
    await refuse(
      `${usable.length} of ${chain.threshold} valid signatures at the Safe's nonce ${chain.nonce}: the kit is not armed.`,
    );
  const safeTxHash = kitSafeTxHash(kit.safe.chainId, kit.safe.address, kit, chain.nonce);
  const now = new Date();
  const execution = await db().$transaction(async (tx) => {
    await lockKit(tx, kit.id);
    // Retired since it was read above: its signatures are gone, nothing may be sent.
    const row = await tx.emergencyKit.findUnique({ where: { id: kit.id }, select: { retiredAt: true } });
    if (row?.retiredAt) return "retired" as const;
    const busy = await tx.kitExecution.findFirst({
      where: {
        kitId: kit.id,
        state: { in: ["claimed", "sent"] },
        startedAt: { gt: new Date(now.getTime() - KIT_EXECUTION_LOCK_MS) },
      },
    });
    if (busy) return null;
    const created = await tx.kitExecution.create({
      data: {
        kitId: kit.id,
        incidentId: incident.id,
        nonce: chain.nonce,
        safeTxHash,
        mode: options.mode,
        state: "claimed",
        alertId: options.alert?.id ?? null,
        actorKey: options.actorKey,
      },
    });
    await appendTimelineEvent(tx, {
      incidentId: incident.id,
      kind: "kit.break_glass_started",
      author: options.author,
      payload: {
        kitId: kit.id,
        kit: kit.name,
        executionId: created.id,
        safeLabel: kit.safe.label,
        nonce: chain.nonce,
        mode: options.mode,
        alert: options.alert ?? null,
      },
    });
    await appendKitEvent(tx, {
      kitId: kit.id,
      kind: "kit.used",
      author: options.author,
      payload: {
        incidentId: incident.id,
        executionId: created.id,
        nonce: chain.nonce,
        mode: options.mode,
        alert: options.alert ? `${options.alert.name} (${options.alert.source})` : null,
      },
    });
    return created;
  });
  if (execution === "retired") return refuse("the kit was retired a moment ago.");
  if (!execution) return refuse("someone is already breaking this glass; wait for their transaction.");
  const simulation = await simulateKit({
    chainId: kit.safe.chainId,
    safeAddress: kit.safe.address,
    calls: kit.calls as never,
    verifications: kit.verifications as never,
  });
  await db().$transaction((tx) =>
    appendTimelineEvent(tx, {
      incidentId: incident.id,
      kind: "kit.simulated",
      author: options.author,
      payload: {
        kitId: kit.id,
        isSuccess: simulation.isSuccess,
        summary: `At nonce ${chain.nonce}: ${simulation.summary}`,
      },
    }),
  );
  if (!simulation.isSuccess) {
    await db().kitExecution.update({
      where: { id: execution.id },
      data: { state: "failed", finishedAt: new Date() },
    });
    return refuse(`the simulation on the current state fails: ${simulation.summary}`, execution.id);
  }
  return {
    executionId: execution.id,
    incident,
    kit: {
      id: kit.id,
      name: kit.name,
      chainId: kit.safe.chainId,
      safeAddress: getAddress(kit.safe.address),
      safeLabel: kit.safe.label,
    },
    nonce: chain.nonce,
    safeTxHash,
    args: {
      to: getAddress(kit.to),
      value: kit.value,
      data: kit.data as Hex,
      operation: kit.operation,
      safeTxGas: "0",
      baseGas: "0",
      gasPrice: "0",
      gasToken: "0x0000000000000000000000000000000000000000",
      refundReceiver: "0x0000000000000000000000000000000000000000",
      // Decrypted here, for this one transaction, and never written anywhere.
      signatures: orderSignatures(
        usable.slice().map((s) => ({ owner: s.owner, signature: decryptSecret(s.signatureCipher) })),
      ),
    },
  };
}

async function resolveIncident(
  ref: string | undefined,
  kitName: string,
  author: EventAuthor,
  commander: Actor | null,
): Promise<Incident> {
  if (ref) {
    if (/^INC-\d+$/i.test(ref)) return getIncidentByRef(ref.toUpperCase());
    const found = await db().incident.findUnique({ where: { id: ref } });
    if (!found) throw new AppError("NOT_FOUND", `No incident ${ref}.`);
    return found;
  }
  const level = await db().severityLevel.findFirst({ orderBy: { rank: "asc" } });
  if (!level)
    throw new AppError("CONFLICT", "The protocol has no severity scheme: declare the incident first.");
  const { incident } = await declareIncident({
    input: { title: `Break glass: ${kitName}`, severity: level.name, detectedVia: "other" },
    author,
    commander,
  });
  return incident;
}
