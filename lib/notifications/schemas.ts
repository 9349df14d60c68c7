import { z } from "zod";

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

const ZWebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL");

export const ZCreateChannel = z.object({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  kind: z.enum(CHANNEL_KINDS, "must be slack or webhook"),
  url: ZWebhookUrl,
  events: z.array(z.enum(NOTIFICATION_EVENTS)).min(1, "choose at least one event"),
  isEnabled: z.boolean().default(true),
});
export type TCreateChannel = z.input<typeof ZCreateChannel>;

export const ZUpdateChannel = z.object({
  name: z.string().trim().min(1, "is required").max(80).optional(),
  url: ZWebhookUrl.optional(),
  events: z.array(z.enum(NOTIFICATION_EVENTS)).min(1, "choose at least one event").optional(),
  isEnabled: z.boolean().optional(),
});
export type TUpdateChannel = z.input<typeof ZUpdateChannel>;
