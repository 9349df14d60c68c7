import { z } from "zod";

// Shared by the Settings forms and the server. Ingest payload schemas are lenient on extra fields.

const ZStringMap = z.record(z.string(), z.string());

/** One alert of an Alertmanager group, validated on its own so one bad alert does not refuse its group. */
export const ZAlertmanagerAlert = z.object({
  status: z.enum(["firing", "resolved"]),
  labels: ZStringMap.refine((labels) => Boolean(labels.alertname), "must include alertname"),
  annotations: ZStringMap.default({}),
  startsAt: z.string(),
  endsAt: z.string().default("0001-01-01T00:00:00Z"),
  generatorURL: z.string().default(""),
  fingerprint: z.string().min(1).max(200),
});

const ZAlertmanagerFields = {
  version: z.literal("4"),
  groupKey: z.string(),
  truncatedAlerts: z.number().int().nonnegative().max(2_147_483_647).optional(),
  status: z.enum(["firing", "resolved"]),
  receiver: z.string(),
  groupLabels: ZStringMap.default({}),
  commonLabels: ZStringMap.default({}),
  commonAnnotations: ZStringMap.default({}),
  externalURL: z.string().default(""),
};
const ZAlerts = z
  .array(z.unknown())
  .min(1, "must hold at least one alert")
  .max(1000, "must hold at most 1000 alerts");

/** Alertmanager webhook_config payload, version 4 (Alertmanager 0.x): the group, its alerts unchecked. */
export const ZAlertmanagerEnvelope = z.object({ ...ZAlertmanagerFields, alerts: ZAlerts });

/** The whole payload, every alert valid (what normalisation takes). */
export const ZAlertmanagerWebhook = z.object({
  ...ZAlertmanagerFields,
  alerts: z.array(ZAlertmanagerAlert).min(1).max(1000),
});
export type TAlertmanagerWebhook = z.infer<typeof ZAlertmanagerWebhook>;

/** A generic event in the spirit of PagerDuty Events v2. routing_key names the alert source (its id). */
export const ZAlertEvent = z
  .object({
    routing_key: z.string().min(1).max(100),
    event_action: z.enum(["trigger", "acknowledge", "resolve"]),
    dedup_key: z.string().min(1).max(255).optional(),
    payload: z
      .object({
        summary: z.string().min(1).max(1024),
        source: z.string().min(1).max(255),
        severity: z.enum(["critical", "error", "warning", "info"]),
        timestamp: z.string().optional(),
        component: z.string().max(255).optional(),
        group: z.string().max(255).optional(),
        class: z.string().max(255).optional(),
        custom_details: z.record(z.string(), z.unknown()).optional(),
      })
      .optional(),
  })
  .superRefine((event, context) => {
    if (event.event_action === "trigger" && !event.payload)
      context.addIssue({ code: "custom", path: ["payload"], message: "is required for trigger" });
    if (event.event_action !== "trigger" && !event.dedup_key)
      context.addIssue({
        code: "custom",
        path: ["dedup_key"],
        message: `is required for ${event.event_action}`,
      });
  });
export type TAlertEvent = z.infer<typeof ZAlertEvent>;

export const ALERT_SOURCE_KINDS = ["alertmanager", "events"] as const;
export const ALERT_AUTH_MODES = ["bearer", "hmac"] as const;

export const ZCreateAlertSource = z.object({
  name: z.string().trim().min(2, "must be at least 2 characters").max(80, "must be at most 80 characters"),
  kind: z.enum(ALERT_SOURCE_KINDS, "must be alertmanager or events"),
  authMode: z.enum(ALERT_AUTH_MODES, "must be bearer or hmac"),
});
export type TCreateAlertSource = z.input<typeof ZCreateAlertSource>;

const ZLabelName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be a label name");

export const ZAlertRouteInput = z.object({
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  matchAlertName: z
    .string()
    .trim()
    .max(200)
    .transform((value) => value || null)
    .nullable()
    .default(null),
  matchLabels: z.record(ZLabelName, z.string().max(500)).default({}),
  severityName: z.string().trim().min(1, "is required"),
  /** `slug#anchor` (a section of the latest version of that runbook) or a bare anchor. */
  runbookAnchors: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
  priority: z.coerce.number().int().min(0).max(100_000).default(100),
  isEnabled: z.boolean().default(true),
  /** An emergency kit to break automatically on a firing alert (pause-like only; the kit's switch decides). */
  kitId: z
    .string()
    .trim()
    .max(100)
    .transform((value) => value || null)
    .nullable()
    .optional(),
});
export type TAlertRouteInput = z.input<typeof ZAlertRouteInput>;

export const ZUpdateAlertRoute = ZAlertRouteInput.partial();

export const ZDeclareFromAlert = z.object({
  title: z.string().trim().min(3, "must be at least 3 characters").max(200).optional(),
  severity: z.string().trim().min(1, "is required"),
});
export type TDeclareFromAlert = z.input<typeof ZDeclareFromAlert>;
