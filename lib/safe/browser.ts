// What client components may import from the Safe domain: pure functions, no database, no RPC URLs.
export {
  DEFERRED_SIMULATION_TEXT,
  type DeferredSimulation,
  isDeferredSimulation,
  type StoredSimulation,
} from "./deferred-simulation";
export { type ExecTransactionArgs, type ExecutionPlan, toExecTransactionArgs } from "./exec-transaction-args";
export {
  hashSafeTransaction,
  type SafeTxCall,
  type SafeTxFields,
  safeTxTypedData,
  safeTxWithoutRefund,
} from "./hash-safe-transaction";
export { formatArgValue, parseCallArgs, roleId } from "./parse-call-args";
export {
  isOpenProposalState,
  isSigningProposalState,
  OPEN_PROPOSAL_STATES,
  SIGNING_PROPOSAL_STATES,
} from "./proposal-states";
export { safeAbi } from "./safe-abi";
export * from "./schemas";
export type { StateChange } from "./simulate-safe-transaction";
