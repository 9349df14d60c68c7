import type { IncomingAlert } from "../alerts";
import { SAFE_CONFIG_EVENTS } from "./known-events";
import { roleIdOf } from "./role-names";

export const WATCH_RULE_KINDS = ["role_granted", "upgraded", "safe_config", "unexplained_pause"] as const;
export type WatchRuleKind = (typeof WATCH_RULE_KINDS)[number];

export type WatchRuleRow = {
  id: string;
  name: string;
  kind: string;
  roles: string[];
  allowList: string[];
  severityName: string | null;
  runbookAnchors: string[];
  isEnabled: boolean;
  createdAt: Date;
};

/** A recorded chain event as the rules see it. */
export type WatchedEvent = {
  chainId: number;
  txHash: string;
  logIndex: number;
  blockNumber: bigint;
  address: string;
  emitter: string;
  emitterKind: "contract" | "safe";
  name: string | null;
  args: Record<string, string>;
  explorerUrl: string | null;
};

export type RuleContext = {
  /** The chain's registry Safes (lower-case): they may always receive roles. */
  safes: ReadonlySet<string>;
  /** Whether an open incident concerns this emitter (a pause it explains). */
  isExplained: (event: WatchedEvent) => boolean;
};

const ALERT_NAMES: Record<WatchRuleKind, string> = {
  role_granted: "RoleGrantedToUnknownAccount",
  upgraded: "ContractUpgraded",
  safe_config: "SafeConfigurationChanged",
  unexplained_pause: "UnexplainedPause",
};

const short = (value: string) => (value.length > 14 ? `${value.slice(0, 6)}…${value.slice(-4)}` : value);

/** What the rule says about the event, or null when it does not fire. */
function fire(rule: WatchRuleRow, event: WatchedEvent, context: RuleContext): string | null {
  const args = event.args;
  switch (rule.kind as WatchRuleKind) {
    case "role_granted": {
      if (event.name !== "RoleGranted" || !args.role || !args.account) return null;
      const guarded = rule.roles.map(roleIdOf);
      if (guarded.length > 0 && !guarded.includes(args.role.toLowerCase() as never)) return null;
      const account = args.account.toLowerCase();
      if (context.safes.has(account) || rule.allowList.some((entry) => entry.toLowerCase() === account))
        return null;
      return `${args.roleName ?? short(args.role)} granted to ${args.account} on ${event.emitter}, which is not in the allow-list`;
    }
    case "upgraded":
      if (event.name !== "Upgraded" && event.name !== "BeaconUpgraded") return null;
      return `${event.emitter} was upgraded to ${args.implementation ?? args.beacon ?? "a new implementation"}`;
    case "safe_config":
      if (event.emitterKind !== "safe" || !event.name || !SAFE_CONFIG_EVENTS.has(event.name)) return null;
      return `${event.emitter}: ${event.name}${Object.keys(args).length ? ` (${Object.values(args).join(", ")})` : ""}`;
    case "unexplained_pause":
      if (!event.name || !/Paused$/.test(event.name) || /Unpaused$/i.test(event.name)) return null;
      if (context.isExplained(event)) return null;
      return `${event.emitter} emitted ${event.name} and no open incident explains it`;
    default:
      return null;
  }
}

/**
 * The alerts a chain event raises: one per enabled rule that fires. The dedup key is the log's transaction
 * and position (not its block), so a log that a reorg moves to another block does not alert twice.
 */
export function evaluateWatchRules(
  event: WatchedEvent,
  rules: readonly WatchRuleRow[],
  context: RuleContext,
): { rule: WatchRuleRow; alert: IncomingAlert }[] {
  const hits: { rule: WatchRuleRow; alert: IncomingAlert }[] = [];
  for (const rule of rules) {
    if (!rule.isEnabled) continue;
    const summary = fire(rule, event, context);
    if (!summary) continue;
    const labels: Record<string, string> = {
      source: "chain-watch",
      rule: rule.name,
      chain: String(event.chainId),
      contract: event.emitter,
      address: event.address,
      event: event.name ?? "unknown",
    };
    if (event.args.account) labels.account = event.args.account;
    if (event.args.roleName) labels.role = event.args.roleName;
    hits.push({
      rule,
      alert: {
        dedupKey: `chain:${event.chainId}:${event.txHash}:${event.logIndex}:${rule.id}`,
        name: ALERT_NAMES[rule.kind as WatchRuleKind],
        status: "firing",
        labels,
        annotations: {
          summary,
          description: `${summary}. Block ${event.blockNumber}, tx ${event.txHash}${event.explorerUrl ? ` (${event.explorerUrl})` : ""}.`,
        },
        summary,
        endsAt: null,
      },
    });
  }
  return hits;
}
