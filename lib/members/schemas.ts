import { z } from "zod";
import { ROLES } from "../auth/browser";
import { noBidi, ZAddress } from "../http/input-fields";

export { ZAddress };

export const ZRole = z.enum(ROLES);

export const ZUpsertMember = z.object({
  address: ZAddress,
  displayName: noBidi(z.string().trim().min(1, "is required").max(80, "must be at most 80 characters")),
  role: ZRole,
});
export type TUpsertMember = z.infer<typeof ZUpsertMember>;

export const ZChangeRole = z.object({ role: ZRole });
