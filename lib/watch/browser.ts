// What client components may import from the chain-watch domain: pure rule names, no database.
export { WATCH_RULE_KINDS, type WatchRuleKind } from "./evaluate-watch-rules";
