import { z } from "zod";

// The output of the runbook parser. docs/runbook.schema.json is generated from ZParsedRunbook
// (scripts/write-runbook-schema.ts); a unit test keeps the committed file equal to it.
// Objects are strict so that a field added to the parser but not here fails the schema test.

const nullableText = z.string().nullable();

export const ZSeverityLevel = z.strictObject({
  name: z.string().describe('Level as written, e.g. "P1" or "SEV2"'),
  label: nullableText.describe('Short label written beside the name, e.g. "Critical" in "P1 — Critical"'),
  description: nullableText,
  responseTime: nullableText.describe("Response target as written"),
  responseTargetSeconds: z.number().int().nonnegative().nullable(),
  examples: nullableText,
});

const stepBase = { text: z.string(), comment: z.string().optional() };

export const ZCheckStep = z.strictObject({
  kind: z.literal("check"),
  ...stepBase,
  checked: z.boolean().optional().describe("Present only for Markdown checkboxes"),
  ordinal: z.number().int().optional().describe("Number of a numbered step"),
  durationSeconds: z.number().int().nonnegative().optional().describe("A timelock the step mentions"),
  command: z.string().optional().describe("Shell command written inline in the step"),
});

export const ZActionStep = z.strictObject({
  kind: z.literal("action"),
  ...stepBase,
  actionIndex: z.number().int().nonnegative(),
});

export const ZVerifyStep = z.strictObject({
  kind: z.literal("verify"),
  ...stepBase,
  actionIndex: z.number().int().nonnegative(),
  expect: z.string().optional(),
});

export const ZCommandStep = z.strictObject({
  kind: z.literal("command"),
  ...stepBase,
  command: z.string(),
  language: z.string(),
  expect: z.string().optional(),
});

export const ZWaitStep = z.strictObject({
  kind: z.literal("wait"),
  ...stepBase,
  durationSeconds: z.number().int().nonnegative(),
  ordinal: z.number().int().optional(),
  command: z.string().optional(),
});

export const ZTable = z.strictObject({ header: z.array(z.string()), rows: z.array(z.array(z.string())) });

export const ZNoteStep = z.strictObject({
  kind: z.literal("note"),
  ...stepBase,
  isHeading: z.boolean().optional(),
  templateIndex: z.number().int().nonnegative().optional(),
  code: z.string().optional(),
  language: z.string().optional(),
  table: ZTable.optional(),
});

export const ZRunbookStep = z.discriminatedUnion("kind", [
  ZCheckStep,
  ZActionStep,
  ZVerifyStep,
  ZCommandStep,
  ZWaitStep,
  ZNoteStep,
]);

export const ZRunbookSection = z.strictObject({
  title: z.string(),
  anchor: z.string().describe("GitHub-style slug of the heading"),
  level: z.number().int().min(1).max(6),
  parent: nullableText.describe("Anchor of the enclosing section, for H3 sections"),
  severity: nullableText,
  contract: nullableText,
  when: nullableText,
  who: nullableText,
  steps: z.array(ZRunbookStep),
});

export const ZContractAction = z.strictObject({
  kind: z.enum(["send", "call"]),
  target: z.string().describe("Exactly as written, e.g. $GLOBAL_PAUSE_REGISTRY or <ESCROW_ADDRESS>"),
  signature: nullableText.describe("Canonical signature; null for a plain transfer or an unreadable one"),
  signatureAsWritten: nullableText,
  selector: z
    .string()
    .regex(/^0x[0-9a-f]{8}$/)
    .nullable(),
  argTypes: z.array(z.string()),
  returns: z.array(z.string()),
  args: z.array(z.string()).describe("As written, outer quotes removed"),
  argValues: z.array(nullableText).describe("Concrete value of each argument when the runbook gives it"),
  value: nullableText.describe("--value as written"),
  // Optional, like warnings: versions stored before the field existed still validate.
  calldata: nullableText
    .optional()
    .describe("Raw calldata written instead of a signature; selector is its first 4 bytes"),
  expect: nullableText,
  command: z.string(),
  runbook: nullableText.describe("Anchor of the section the action is in"),
  // Optional for the same reason as calldata.
  isInferred: z
    .boolean()
    .optional()
    .describe(
      "Read from prose or a script, not a cast command: the function and target (an address variable as $NAME, or the contract's name as <Name>) are the parser's reading, for a reviewer to confirm",
    ),
});

export const ZAlertRoute = z.strictObject({
  alert: z.string(),
  runbook: z.string(),
  severity: nullableText,
  condition: nullableText,
});

export const ZTemplate = z.strictObject({
  name: z.string(),
  runbook: nullableText,
  body: z.string(),
});

export const ZParsedRunbook = z.strictObject({
  title: nullableText,
  isMojibakeRepaired: z.boolean().describe("The text was UTF-8 read as cp1252 and has been repaired"),
  severityLevels: z.array(ZSeverityLevel),
  runbooks: z.array(ZRunbookSection),
  actions: z.array(ZContractAction),
  alertRoutes: z.array(ZAlertRoute),
  templates: z.array(ZTemplate),
  warnings: z
    .array(z.string())
    .optional()
    .describe("What the parser read only in part, e.g. nesting deeper than it follows, with the line"),
});

export type SeverityLevel = z.infer<typeof ZSeverityLevel>;
export type RunbookStep = z.infer<typeof ZRunbookStep>;
export type RunbookSection = z.infer<typeof ZRunbookSection>;
export type ContractAction = z.infer<typeof ZContractAction>;
export type AlertRoute = z.infer<typeof ZAlertRoute>;
export type RunbookTemplate = z.infer<typeof ZTemplate>;
export type ParsedRunbook = z.infer<typeof ZParsedRunbook>;
