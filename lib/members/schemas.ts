import { getAddress, isAddress } from "viem";
import { z } from "zod";
import { ROLES } from "../auth/browser";

export const ZAddress = z
  .string()
  .trim()
  .refine((value) => isAddress(value, { strict: false }), "must be a 0x-prefixed 20-byte address")
  .transform((value) => getAddress(value));

export const ZRole = z.enum(ROLES);

export const ZUpsertMember = z.object({
  address: ZAddress,
  displayName: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  role: ZRole,
});
export type TUpsertMember = z.infer<typeof ZUpsertMember>;

export const ZChangeRole = z.object({ role: ZRole });
