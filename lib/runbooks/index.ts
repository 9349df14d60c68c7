export { buildRunbookJsonSchema } from "./build-runbook-json-schema";
export { type CanonicalSignature, canonicalizeSignature } from "./canonical-signature";
export { generateLargeRunbook } from "./generate-large-runbook";
export { type CastCommand, parseCastCommand } from "./parse-cast-command";
export { parseDuration, parseResponseTarget, parseWait } from "./parse-duration";
export { parseRunbook } from "./parse-runbook";
// read-runbook-file.ts is not exported here: it uses node:fs, and this index may reach client bundles.
export { repairMojibake } from "./repair-mojibake";
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
