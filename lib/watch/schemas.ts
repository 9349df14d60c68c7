import { getAddress, isAddress } from "viem";
import { z } from "zod";
import { WATCH_RULE_KINDS } from "./evaluate-watch-rules";

const ZRole = z
  .string()
  .trim()
  .regex(/^(0x[0-9a-fA-F]{64}|[A-Z][A-Z0-9_]*)$/, "must be a role name (PAUSER_ROLE) or a 32-byte 0x id");

const ZAccount = z
  .string()
  .trim()
  .refine((value) => isAddress(value, { strict: false }), "must be a 0x address")
  .transform((value) => getAddress(value));

/** One schema for the Settings form and the route: a rule's kind and what it matches. */
export const ZWatchRuleInput = z.object({
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  kind: z.enum(WATCH_RULE_KINDS),
  roles: z.array(ZRole).max(50).default([]),
  allowList: z.array(ZAccount).max(200).default([]),
  /** Empty: the alert routes decide the severity and runbooks. */
  severityName: z
    .string()
    .trim()
    .max(40)
    .transform((value) => value || null)
    .nullable()
    .default(null),
  runbookAnchors: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
  isEnabled: z.boolean().default(true),
});
export type TWatchRuleInput = z.input<typeof ZWatchRuleInput>;

export const ZUpdateWatchRule = ZWatchRuleInput.partial();
