import { z } from "zod";
import { ZHttpUrl } from "../net/http-url-schema";

export const NOTIFICATION_EVENTS = [
  "declared",
  "severity_changed",
  "status_update",
  "signatures_needed",
  // An emergency kit left ARMED (lib/kits): its owners must sign again.
  "kit_readiness",
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
export const CHANNEL_KINDS = ["slack", "webhook"] as const;

export const ZCreateChannel = z.object({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  kind: z.enum(CHANNEL_KINDS, "must be slack or webhook"),
  url: ZHttpUrl,
  events: z.array(z.enum(NOTIFICATION_EVENTS)).min(1, "choose at least one event"),
  isEnabled: z.boolean().default(true),
});
export type TCreateChannel = z.input<typeof ZCreateChannel>;

export const ZUpdateChannel = z.object({
  name: z.string().trim().min(1, "is required").max(80).optional(),
  url: ZHttpUrl.optional(),
  events: z.array(z.enum(NOTIFICATION_EVENTS)).min(1, "choose at least one event").optional(),
  isEnabled: z.boolean().optional(),
});
export type TUpdateChannel = z.input<typeof ZUpdateChannel>;
