import { z } from "zod";

const ZId = z.string().trim().min(1, "is required").max(100, "is too long");

export const ZStartDrill = z.object({
  runbookVersionId: ZId,
  /** The runbook section to rehearse (its anchor). */
  anchor: z.string().trim().min(1, "is required").max(300, "is too long"),
  /** The registry chain to fork; by default the first real chain in the registry. */
  sourceChainId: z.number().int().positive().max(2_147_483_647).optional(),
  /** The drill's severity; by default the most severe level of the scheme. */
  severity: z.string().trim().min(1).max(50).optional(),
});
export type TStartDrill = z.input<typeof ZStartDrill>;

const ZAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x address of 40 hex digits");

export const ZStandIn = z.object({ proposalId: ZId, owner: ZAddress });
export type TStandIn = z.input<typeof ZStandIn>;

export const ZInjectScenario = z.discriminatedUnion("injection", [
  z.object({
    injection: z.literal("revoke_role"),
    /** A contract of the drill's fork. */
    contractId: ZId,
    role: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, "must be a role name such as PAUSER_ROLE"),
    account: ZAddress,
  }),
  z.object({ injection: z.literal("halt_rpc") }),
  z.object({ injection: z.literal("resume_rpc") }),
  z.object({
    injection: z.literal("fire_alert"),
    name: z.string().trim().min(1, "is required").max(200, "is too long"),
  }),
]);
export type TInjectScenario = z.input<typeof ZInjectScenario>;
