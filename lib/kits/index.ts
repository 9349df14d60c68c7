// Emergency readiness: pre-signed kits, their nonce ladders, readiness derived from the chain, break glass.
export { addKitSignature } from "./add-kit-signature";
export { automaticKitsHook } from "./automatic-kits-hook";
export {
  breakGlass,
  type ExecutorBreakGlass,
  releaseKitExecution,
  type WalletBreakGlass,
} from "./break-glass";
export { createKit } from "./create-kit";
export { deriveKitState, type KitState, type KitStateName, LOW_BELOW_STEPS } from "./derive-kit-state";
export {
  describeKitEvent,
  describeOutstandingCopies,
  type KitLogLine,
  summarizeKitLog,
} from "./describe-kit-event";
export { exportKit } from "./export-kit";
export { findKitsAtRisk } from "./find-kits-at-risk";
export { importKit } from "./import-kit";
export { recheckKitsCron, recheckKitsTask } from "./kit-tasks";
export { type BreakableKit, listBreakableKits } from "./list-breakable-kits";
export { listKitBanners, listKitEvents } from "./list-kit-events";
export { type KitSource, listKitSources } from "./list-kit-sources";
export { getExecutorView, removeExecutorKey, setExecutorKey } from "./manage-executor-key";
export { type KitReadiness, type KitView, readReadiness } from "./read-readiness";
export { type RecheckResult, recheckKits } from "./recheck-kits";
export { type KitExecutionResult, recordKitExecution } from "./record-kit-execution";
export { type RetiredKit, retireKit } from "./retire-kit";
export { type AutomaticRun, type RoutedAlert, runAutomaticKits } from "./run-automatic-kits";
export * from "./schemas";
export { assertAutomatableKit, setKitAutomation } from "./set-kit-automation";
export { describeChange, type KitSimulation, type StateChange } from "./simulate-kit";
export { type ReadinessSummary, summarizeReadiness } from "./summarize-readiness";
