import { z } from "zod";
import { CONTACT_KINDS, ZContactTarget } from "./contact-targets";

export const ZCreateContactRoute = z.object({
  memberId: z.string().min(1).optional(),
  label: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  target: ZContactTarget,
  isEnabled: z.boolean().default(true),
});
export type TCreateContactRoute = z.input<typeof ZCreateContactRoute>;

export const ZUpdateContactRoute = z.object({
  label: z.string().trim().min(1, "is required").max(80).optional(),
  /** A new secret replaces the old one; omitted, the stored one is kept (it is never sent back). */
  target: ZContactTarget.optional(),
  isEnabled: z.boolean().optional(),
  position: z.number().int().min(0).max(100).optional(),
});
export type TUpdateContactRoute = z.input<typeof ZUpdateContactRoute>;

export const ZPolicyTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("member"), memberId: z.string().min(1) }),
  z.object({ kind: z.literal("rotation"), rotationId: z.string().min(1) }),
  /** The owners of this Safe who have not signed the incident's open proposals on it (all owners if none). */
  z.object({ kind: z.literal("safe_unsigned"), safeId: z.string().min(1) }),
]);
export type PolicyTarget = z.output<typeof ZPolicyTarget>;

export const ZPolicyLevel = z.object({
  /** Seconds after the previous level (for the first: after the page opened). */
  delaySeconds: z.number().int("must be whole seconds").min(0).max(86_400),
  targets: z.array(ZPolicyTarget).min(1, "a level needs at least one target").max(20),
});
export type PolicyLevel = z.output<typeof ZPolicyLevel>;

export const ZEscalationPolicy = z.object({
  name: z.string().trim().min(1, "is required").max(80),
  severities: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  isDefault: z.boolean().default(false),
  levels: z.array(ZPolicyLevel).min(1, "add at least one level").max(10),
  repeatCount: z.number().int().min(0).max(10).default(0),
  /** Between reminders to signers (short in tests; minutes in real life). */
  reminderSeconds: z.number().int().min(1).max(86_400).default(300),
});
export type TEscalationPolicy = z.input<typeof ZEscalationPolicy>;

const ZOverride = z
  .object({ memberId: z.string().min(1), startsAt: z.coerce.date(), endsAt: z.coerce.date() })
  .refine((value) => value.endsAt > value.startsAt, {
    message: "must end after it starts",
    path: ["endsAt"],
  });

export const ZRotation = z.object({
  name: z.string().trim().min(1, "is required").max(80),
  period: z.enum(["daily", "weekly"], "must be daily or weekly"),
  handoffAt: z.coerce.date("must be a date and time"),
  memberIds: z.array(z.string().min(1)).min(1, "add at least one member").max(50),
  overrides: z.array(ZOverride).max(100).default([]),
});
export type TRotation = z.input<typeof ZRotation>;

export const ZAcknowledgeToken = z.object({ token: z.string().min(10).max(400) });

export { CONTACT_KINDS };
