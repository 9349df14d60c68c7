import { getAddress } from "viem";
import { chainOutsideScope, REAL_CHAINS } from "../chain";
import { db } from "../db/client";
import type { EmergencyKit } from "../db/generated/client";
import { AppError } from "../errors";
import { loadRunbookAction, parseRunbookActionRef } from "../runbooks";
import {
  assertOperationAllowed,
  buildSafeTransaction,
  type DecodedCall,
  deriveVerifications,
  resolveCalls,
  safeContractsForChain,
  type TSafeCall,
} from "../safe";
import type { EventAuthor } from "../timeline";
import { appendKitEvent } from "./append-kit-event";
import { isPauseLike } from "./is-pause-like";
import { type TCreateKit, ZCreateKit } from "./schemas";

/**
 * Defines a kit (admins only, checked at the route): the calls come from a runbook action or by hand, are
 * encoded like a proposal's, and must be safe to hold pre-signed: no value moves, and DELEGATECALL only to
 * MultiSendCallOnly (a batch), never to MultiSend or anything else that could rewrite the Safe.
 */
export async function createKit(options: { input: TCreateKit; author: EventAuthor }): Promise<EmergencyKit> {
  const input = ZCreateKit.parse(options.input);
  const safe = await db().safe.findUnique({ where: { id: input.safeId } });
  if (!safe)
    throw new AppError("UNPROCESSABLE", "safeId: is not a Safe in the registry.", {
      fields: [{ path: "safeId", message: "is not a Safe in the registry." }],
    });
  // A drill's fork copies share the real Safes' labels and addresses; nothing is pre-signed for a fork.
  const outside = await chainOutsideScope(REAL_CHAINS, safe.chainId);
  if (outside)
    throw new AppError("UNPROCESSABLE", `safeId: ${outside}`, {
      fields: [{ path: "safeId", message: outside }],
    });
  const contracts = await db().contract.findMany({ where: { chainId: safe.chainId } });
  const source = input.runbook ? parseRunbookActionRef(input.runbook) : null;
  const calls: TSafeCall[] = input.calls ?? [];
  if (calls.length === 0 && source) calls.push(await callFromRunbook(source));
  const { inner, decoded } = resolveCalls(calls, contracts);
  const moving = inner.findIndex((call) => call.value !== 0n);
  if (moving >= 0)
    throw new AppError("UNPROCESSABLE", `calls.${moving}.value: a kit may not move value.`, {
      fields: [{ path: `calls.${moving}.value`, message: "a kit may not move value" }],
    });
  const { multiSendCallOnly } = await safeContractsForChain(safe.chainId);
  const tx = buildSafeTransaction(inner, multiSendCallOnly);
  // Only MultiSendCallOnly: plain MultiSend would allow a nested DELEGATECALL inside the batch.
  assertOperationAllowed(tx, multiSendCallOnly ? [multiSendCallOnly] : []);
  const verifications = input.verifications ?? (await deriveVerifications(decoded, contracts, source));
  return db().$transaction(async (dbTx) => {
    const kit = await dbTx.emergencyKit.create({
      data: {
        name: input.name,
        safeId: safe.id,
        to: getAddress(tx.to),
        value: "0",
        data: tx.data,
        operation: tx.operation,
        calls: decoded as object[],
        verifications,
        source: source ? { runbook: input.runbook, ...source } : undefined,
        ladderLength: input.ladderLength,
        isPauseLike: isPauseLike(decoded),
        createdBy: options.author.id,
      },
    });
    await appendKitEvent(dbTx, {
      kitId: kit.id,
      kind: "kit.created",
      author: options.author,
      payload: {
        name: kit.name,
        safe: safe.label,
        calls: (decoded as DecodedCall[]).map((c) => `${c.contract ?? c.to}.${c.signature}`),
      },
    });
    return kit;
  });
}

async function callFromRunbook(source: { versionId: string; actionIndex: number }): Promise<TSafeCall> {
  const loaded = await loadRunbookAction(source);
  const { resolved } = loaded;
  const issue = (message: string): never => {
    throw new AppError("UNPROCESSABLE", `runbook: ${message}`, { fields: [{ path: "runbook", message }] });
  };
  if (!resolved.contract)
    issue(`the action's target ${loaded.action.target} is not bound to a registry contract.`);
  if (!resolved.signature) issue("the action names no function.");
  if (resolved.unresolvedArgs.length > 0)
    issue(
      `the action leaves ${resolved.unresolvedArgs.map((a) => a.asWritten).join(", ")} to fill in: enter the call by hand.`,
    );
  return {
    contractId: resolved.contract!.id,
    signature: resolved.signature!,
    args: resolved.args as string[],
    value: resolved.value ?? "0",
  };
}
