// Server-side entry of the runbooks domain. Client components import types from here (erased at build) or
// the pure files they need directly (schemas.ts, input-schemas.ts, build-proposal-href.ts): this index reaches
// the database and node:fs.
export { assessProposalGuards, describeGuard, type ProposalGuard } from "./assess-proposal-guards";
export { attachRunbook, attachRunbookInTx } from "./attach-runbook";
export { bindPlaceholder } from "./bind-placeholder";
export { buildProposalHref } from "./build-proposal-href";
export { buildRunbookJsonSchema } from "./build-runbook-json-schema";
export { type CanonicalSignature, canonicalizeSignature } from "./canonical-signature";
export { checkRunbookItem } from "./check-runbook-item";
export { asPlaceholder, collectPlaceholders } from "./collect-placeholders";
export {
  collectSectionSteps,
  isCheckableStep,
  type RunStep,
  sectionWithSubsections,
} from "./collect-section-steps";
export { decodeRunbookBytes, MAX_RUNBOOK_BYTES } from "./decode-runbook-bytes";
export { boundContractsByAction, findBoundContracts } from "./find-bound-contracts";
export { findContainmentStatement } from "./find-containment-statement";
export { getIncidentRunbooks, type IncidentRunbookView, type RunStepView } from "./get-incident-runbooks";
export { getRunbookSource } from "./get-runbook-source";
export { getRunbookVersion, type RunbookVersionDetail } from "./get-runbook-version";
export { type ImportRunbookResult, importRunbook } from "./import-runbook";
export { importRunbookFolder } from "./import-runbook-folder";
export {
  ZAttachRunbook,
  ZBindPlaceholder,
  ZCheckRunbookItem,
  ZListRunbooksQuery,
  ZPlaceholder,
  ZRunRunbookCheck,
} from "./input-schemas";
export {
  type BindableContract,
  listPlaceholderBindings,
  type PlaceholderBindingRow,
} from "./list-placeholder-bindings";
export { listRunbooks, type RunbookListItem } from "./list-runbooks";
export { type LoadedRunbookAction, loadRunbookAction, parseRunbookActionRef } from "./load-runbook-action";
export { type CastCommand, parseCastCommand } from "./parse-cast-command";
export { parseDuration, parseResponseTarget, parseWait } from "./parse-duration";
export { parseRunbook } from "./parse-runbook";
export { countSteps, previewRunbook, type RunbookPreview, type StepCounts } from "./preview-runbook";
// read-runbook-file.ts is not exported here: only the CLI reads files by path.
export { type CheckState, type VerificationResult, verificationSource } from "./read-checklist-state";
export { readRunbookUpload } from "./read-runbook-upload";
export type { StepProposal } from "./read-step-proposals";
export { repairMojibake } from "./repair-mojibake";
export {
  findRoleHolderSafe,
  type ResolvedRunbookAction,
  resolveRunbookAction,
  roleFromHint,
  valueToWei,
} from "./resolve-runbook-action";
export { runRunbookVerification } from "./run-runbook-verification";
export { runbookSlug, runbookTitle } from "./runbook-slug";
export {
  type AlertRoute,
  type ContractAction,
  type ParsedRunbook,
  type RunbookSection,
  type RunbookStep,
  type RunbookTemplate,
  type SeverityLevel,
  ZParsedRunbook,
} from "./schemas";
export { type AttachableRunbook, type RunbookSuggestion, suggestRunbooks } from "./suggest-runbooks";
