import { z } from "zod";
import { ZHttpUrl } from "../net/http-url-schema";

export const CONTACT_KINDS = ["email", "slack", "webhook", "pagerduty"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** The secret part of a route, as stored (encrypted) and as entered in Settings. */
export const ZContactTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("email"), address: z.email("must be an e-mail address").max(320) }),
  z.object({
    kind: z.literal("slack"),
    url: ZHttpUrl,
    /** A Slack member id (U…) to mention in a workspace channel's webhook. */
    mention: z
      .string()
      .trim()
      .regex(/^[UW][A-Z0-9]{2,20}$/, "must be a Slack member id like U012AB3CD")
      .optional()
      .or(z.literal("").transform(() => undefined)),
  }),
  z.object({ kind: z.literal("webhook"), url: ZHttpUrl }),
  z.object({
    kind: z.literal("pagerduty"),
    /** The member's own Events API v2 routing key; empty: the team's (BREAKGLASS_PAGERDUTY_ROUTING_KEY). */
    routingKey: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{20,64}$/, "must be an Events API v2 integration key")
      .optional()
      .or(z.literal("").transform(() => undefined)),
  }),
]);
export type ContactTarget = z.output<typeof ZContactTarget>;

/** What Settings shows after saving: enough to recognise the route, never the secret. */
export function targetHint(target: ContactTarget): string {
  switch (target.kind) {
    case "email": {
      const [user = "", domain = ""] = target.address.split("@");
      return `${user.slice(0, 1)}…@${domain}`;
    }
    case "slack":
      return `${new URL(target.url).origin}/…${target.mention ? ` (mentions ${target.mention})` : ""}`;
    case "webhook":
      return `${new URL(target.url).origin}/…`;
    case "pagerduty":
      return target.routingKey ? `routing key …${target.routingKey.slice(-4)}` : "team routing key";
  }
}
