import { ingestAlert, type RouteRule } from "../alerts";
import { type DbTransaction, db } from "../db/client";
import type { ChainEvent } from "../db/generated/client";
import { markExecuted, verifyProposal } from "../safe";
import { SYSTEM_AUTHOR } from "../timeline";
import { evaluateWatchRules, type WatchedEvent, type WatchRuleRow } from "./evaluate-watch-rules";
import { SAFE_CONFIG_EVENTS, SAFE_EXECUTION_EVENTS } from "./known-events";
import { isInScope, loadIncidentScopes } from "./load-incident-scopes";
import type { WatchTargets } from "./load-watch-targets";
import { notifySafeConfigChanged } from "./safe-config-hooks";

/** The alert source chain-watch alerts come from (kind "watch": no webhook accepts it, it has no secrets). */
export const WATCH_ALERT_SOURCE = "Chain watch";
const BATCH = 200;

/**
 * What recorded events set in motion, after they commit: a Safe execution reconciles its proposal, watch
 * rules raise alerts through the alert pipeline, Safe configuration changes notify readiness. Runs in the
 * chain's watcher, in event order, and moves the cursor's `handledEventId` past each event handled; a failure
 * stops there and the next round retries from it (alert ingest and reconciliation are idempotent per event).
 */
export async function handleChainEvents(options: {
  targets: WatchTargets;
  log: (line: string) => void;
}): Promise<number> {
  const { targets } = options;
  const chainId = targets.chainId;
  const cursor = await db().chainCursor.findUnique({ where: { chainId } });
  if (!cursor) return 0;
  const events = await db().chainEvent.findMany({
    where: { chainId, id: { gt: cursor.handledEventId } },
    orderBy: { id: "asc" },
    take: BATCH,
    include: { retraction: { select: { id: true } } },
  });
  if (events.length === 0) return 0;
  const rules = await db().watchRule.findMany({ where: { isEnabled: true } });
  let context: Awaited<ReturnType<typeof loadAlertContext>> | null = null;
  let handled = cursor.handledEventId;
  try {
    for (const event of events) {
      // A log whose block was replaced before it was handled never happened: nothing to act on.
      if (!event.retraction) {
        await reconcileExecution(event);
        if (rules.length) {
          context ??= await loadAlertContext(chainId);
          // A new incident explains the next pause: read the open incidents again after a declaration.
          if (await raiseAlerts(toWatched(event, targets), rules, context)) context = null;
        }
        if (event.safeId && event.name && SAFE_CONFIG_EVENTS.has(event.name)) {
          const failures = await notifySafeConfigChanged({
            chainId,
            safeId: event.safeId,
            safeAddress: event.address,
            event: event.name,
            txHash: event.txHash,
            blockNumber: event.blockNumber,
          });
          for (const failure of failures)
            options.log(`[breakglass] chain ${chainId}: a Safe configuration listener failed: ${failure}`);
        }
      }
      handled = event.id;
    }
  } finally {
    if (handled !== cursor.handledEventId)
      await db().chainCursor.updateMany({
        where: { chainId, handledEventId: cursor.handledEventId },
        data: { handledEventId: handled },
      });
  }
  return events.length;
}

function toWatched(event: ChainEvent, targets: WatchTargets): WatchedEvent {
  const target = targets.byAddress.get(event.address.toLowerCase());
  return {
    chainId: event.chainId,
    txHash: event.txHash,
    logIndex: event.logIndex,
    blockNumber: event.blockNumber,
    address: event.address,
    emitter: target?.name ?? event.address,
    emitterKind: event.safeId ? "safe" : "contract",
    name: event.name,
    args: event.args as Record<string, string>,
    explorerUrl: targets.explorerUrl ? `${targets.explorerUrl.replace(/\/+$/, "")}/tx/${event.txHash}` : null,
  };
}

/**
 * A Safe execution of a proposal's safeTxHash records the proposal as executed. If the console had claimed
 * its execution (someone pressed Execute), markExecuted attributes it to the console and the claimant, even
 * when the watcher sees it before the browser reports the receipt: whichever records it first wins, the
 * other finds it recorded.
 */
async function reconcileExecution(event: ChainEvent): Promise<void> {
  if (!event.safeId || !event.name || !SAFE_EXECUTION_EVENTS.has(event.name)) return;
  const safeTxHash = (event.args as Record<string, string>).txHash;
  if (!safeTxHash) return;
  const proposals = await db().safeProposal.findMany({
    where: {
      safeId: event.safeId,
      safeTxHash: { equals: safeTxHash, mode: "insensitive" },
      state: { in: ["draft", "signing", "ready", "stale"] },
      incidentId: { not: null },
    },
    include: { safe: true },
  });
  for (const proposal of proposals) {
    const isSuccess = event.name === "ExecutionSuccess";
    const { isRecorded } = await markExecuted(
      proposal,
      {
        txHash: event.txHash,
        blockNumber: event.blockNumber,
        isSuccess,
        // Seen on chain, not reported by the executor's browser: markExecuted attributes it to the console
        // (and to whoever claimed the execution) when someone had pressed Execute.
        isReconciled: true,
      },
      SYSTEM_AUTHOR,
    );
    if (isRecorded && isSuccess) await verifyProposal(proposal.id, SYSTEM_AUTHOR);
  }
}

async function loadAlertContext(chainId: number) {
  const [source, routes, safes, scopes] = await Promise.all([
    db().alertSource.upsert({
      where: { name: WATCH_ALERT_SOURCE },
      create: { name: WATCH_ALERT_SOURCE, kind: "watch", authMode: "internal" },
      update: {},
    }),
    db().alertRoute.findMany({ where: { isEnabled: true } }),
    db().safe.findMany({ where: { chainId }, select: { address: true } }),
    // The pool client reads like a transaction client here: loadIncidentScopes only reads.
    loadIncidentScopes(db() as unknown as DbTransaction, chainId),
  ]);
  return { source, routes, safes: new Set(safes.map((row) => row.address.toLowerCase())), scopes };
}

async function raiseAlerts(
  event: WatchedEvent,
  rules: readonly WatchRuleRow[],
  context: Awaited<ReturnType<typeof loadAlertContext>>,
): Promise<boolean> {
  const hits = evaluateWatchRules(event, rules, {
    safes: context.safes,
    isExplained: (watched) =>
      context.scopes.some((scope) =>
        isInScope(scope, { kind: watched.emitterKind, address: watched.address }),
      ),
  });
  let isDeclared = false;
  for (const { rule, alert } of hits) {
    // The rule's own severity and runbooks route first; a rule without them leaves it to the alert routes.
    const own: RouteRule[] = rule.severityName
      ? [
          {
            id: `watch-rule:${rule.id}`,
            matchAlertName: null,
            matchLabels: {},
            severityName: rule.severityName,
            runbookAnchors: rule.runbookAnchors,
            priority: -1,
            isEnabled: true,
            createdAt: rule.createdAt,
          },
        ]
      : [];
    const result = await ingestAlert({ source: context.source, alert, routes: [...own, ...context.routes] });
    if (result.outcome === "declared") isDeclared = true;
  }
  return isDeclared;
}
