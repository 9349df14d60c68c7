// Chain watch: what happens on chain appears on the timeline, and suspicious changes raise alerts.
export { advanceChainCursor, type RoundOutcome } from "./advance-chain-cursor";
export { type BlockHeader, type ChainReader, createChainReader, type RawLog } from "./chain-reader";
export { type DecodedChainLog, decodeChainLog } from "./decode-chain-log";
export {
  evaluateWatchRules,
  type RuleContext,
  WATCH_RULE_KINDS,
  type WatchedEvent,
  type WatchRuleKind,
  type WatchRuleRow,
} from "./evaluate-watch-rules";
export { handleChainEvents, WATCH_ALERT_SOURCE } from "./handle-chain-events";
export { KNOWN_EVENTS_ABI, SAFE_CONFIG_EVENTS, SAFE_EXECUTION_EVENTS } from "./known-events";
export { loadWatchTargets, type WatchTarget, type WatchTargets } from "./load-watch-targets";
export { createWatchRule, deleteWatchRule, listWatchRules, updateWatchRule } from "./manage-watch-rules";
export { type ChainWatchStatus, LAG_BLOCKS, readWatchStatus } from "./read-watch-status";
export { buildRoleNames, roleIdOf, roleNamesInText } from "./role-names";
export { notifySafeConfigChanged, onSafeConfigChanged, type SafeConfigChange } from "./safe-config-hooks";
export { type TWatchRuleInput, ZUpdateWatchRule, ZWatchRuleInput } from "./schemas";
export {
  type ChainWatch,
  type ChainWatchOptions,
  startChainWatch,
  WATCH_LOCK_CLASS,
} from "./start-chain-watch";
