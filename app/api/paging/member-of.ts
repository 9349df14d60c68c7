import type { Actor } from "@/lib/auth";
import { AppError } from "@/lib/errors";

/** Contact routes belong to a person: API tokens have none. */
export function memberIdOf(actor: Actor): string {
  if (actor.kind !== "member") throw new AppError("FORBIDDEN", "Contact routes belong to members; sign in.");
  return actor.id;
}
