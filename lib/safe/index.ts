// The Safe domain: build → hash → simulate → collect signatures → execute → verify.
// Browser code imports the pure parts from ./browser instead (this index reaches the database).
export { acceptApprovedHash } from "./accept-approved-hash";
export { type AddSignatureOptions, addSignature, recoverSafeSigner } from "./add-signature";
export {
  assertOperationAllowed,
  buildSafeTransaction,
  encodeMultiSend,
  type InnerCall,
  OPERATION_CALL,
  OPERATION_DELEGATECALL,
} from "./build-safe-transaction";
export {
  CHAIN_UNREACHABLE_REASON,
  chainUnavailable,
  isChainUnreachable,
  orChainUnavailable,
} from "./chain-unreachable";
export { checkSafesForCall, type SafeCallCheck } from "./check-safes-for-call";
export {
  claimExecution,
  EXECUTION_LOCK_MS,
  EXECUTION_WAITS,
  type ExecutionPlan,
  orderSignatures,
  releaseExecution,
} from "./claim-execution";
export { type DecodedRevert, decodeRevert } from "./decode-revert";
export {
  DEFERRED_SIMULATION_TEXT,
  type DeferredSimulation,
  isDeferredSimulation,
  type StoredSimulation,
} from "./deferred-simulation";
export { deriveVerifications, type RunbookSource } from "./derive-verifications";
export { type ExecTransactionArgs, toExecTransactionArgs } from "./exec-transaction-args";
export { getProposalView, type ProposalView } from "./get-proposal-view";
export {
  hashSafeTransaction,
  type SafeTxCall,
  type SafeTxFields,
  type SafeTxHashes,
  safeTxTypedData,
  safeTxWithoutRefund,
} from "./hash-safe-transaction";
export { listIncidentTimelocks } from "./list-incident-timelocks";
export { listProposalInfo } from "./list-proposal-info";
export {
  type FormContract,
  type FormFunction,
  type FormSafe,
  listContractFunctionNames,
  listProposalTargets,
} from "./list-proposal-targets";
export { listProposals, type ProposalRow } from "./list-proposals";
export { addContract, addSafe, listRegistry, parseAbiJson } from "./manage-registry";
export { type Execution, markExecuted } from "./mark-executed";
export { parseCallArgs, roleId } from "./parse-call-args";
export {
  isOpenProposalState,
  isSigningProposalState,
  OPEN_PROPOSAL_STATES,
  type OpenProposalState,
  SIGNING_PROPOSAL_STATES,
} from "./proposal-states";
export { proposeRejection, proposeSafeTransaction } from "./propose-safe-transaction";
export { describeOpenRisks, type OpenRisks, readOpenRisks } from "./read-open-risks";
export {
  readSafeCore,
  readSafeCoreOrCached,
  readSafeState,
  roleGetters,
  type SafeChainState,
  type SafeCore,
  type SafeRole,
} from "./read-safe-state";
export { recheckOfflineWork } from "./recheck-offline-work";
export { reconcileSafeProposals } from "./reconcile-proposals";
export { type RecordExecutionResult, recordExecution } from "./record-execution";
export { resimulateProposal } from "./resimulate-proposal";
export { type DecodedCall, resolveCalls, resolveFunction } from "./resolve-calls";
export { accessControlAbi, safeAbi } from "./safe-abi";
export { multiSendAddresses, safeContractsForChain } from "./safe-contracts-for-chain";
export * from "./schemas";
export { type Simulation, simulateSafeTransaction } from "./simulate-safe-transaction";
export { verifyProposal } from "./verify-proposal";
