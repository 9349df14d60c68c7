import { z } from "zod";
import { noBidi, ZInt4Id } from "../http/input-fields";
// The incident's words (refs, statuses, phases, roles) live apart from the schemas, so browser code can
// have them without zod.
import { INCIDENT_PHASES, INCIDENT_ROLES, INCIDENT_STATUSES } from "./incident-words";

export const DETECTED_VIA = ["alert", "user_report", "monitor", "other"] as const;

export const ZDeclareIncident = z.object({
  title: noBidi(
    z.string().trim().min(3, "must be at least 3 characters").max(200, "must be at most 200 characters"),
  ),
  severity: z.string({ error: "choose a severity" }).trim().min(1, "choose a severity"),
  impact: z.string().trim().max(5000, "must be at most 5000 characters").default(""),
  detectedVia: z.enum(DETECTED_VIA).default("other"),
  affectedContracts: z.array(z.string().trim().min(1)).max(50).default([]),
  runbooks: z
    .array(z.object({ versionId: z.string(), anchor: z.string() }))
    .max(20)
    .default([]),
  isDrill: z.boolean().default(false),
  /** A double-submitted form carries the same key: the second submit returns the first incident. */
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});
export type TDeclareIncident = z.input<typeof ZDeclareIncident>;

/** Filters of the incident list; the cursor is opaque (see list-incidents.ts). */
export const ZListIncidentsQuery = z.object({
  status: z.enum([...INCIDENT_STATUSES, "open"]).optional(),
  severity: z.string().trim().min(1).max(40).optional(),
  from: z.iso.date("must be a date (YYYY-MM-DD)").optional(),
  to: z.iso.date("must be a date (YYYY-MM-DD)").optional(),
  q: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type TListIncidentsQuery = z.input<typeof ZListIncidentsQuery>;

/**
 * What a person (or an API token) may add to a timeline directly. Everything else is written by the
 * operation that makes the change. Kinds are the timeline's own names.
 */
const ZMarkdown = z.string().trim().min(1, "is required").max(20_000, "must be at most 20000 characters");
export const ZTimelineEntry = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("note.added"), markdown: ZMarkdown }),
  z.object({ kind: z.literal("event.pinned"), eventId: ZInt4Id }),
  z.object({ kind: z.literal("event.unpinned"), eventId: ZInt4Id }),
  z.object({
    kind: z.literal("event.corrected"),
    correctsId: ZInt4Id,
    markdown: ZMarkdown,
  }),
  z.object({
    kind: z.literal("comms.update_posted"),
    template: z.string().trim().min(1).max(40),
    text: z.string().trim().min(1, "is required").max(10_000, "must be at most 10000 characters"),
  }),
]);
export type TTimelineEntry = z.infer<typeof ZTimelineEntry>;

/** Lifecycle moves; each writes its own event(s). */
export const ZIncidentTransition = z.discriminatedUnion("action", [
  z.object({ action: z.literal("acknowledge") }),
  z.object({
    action: z.literal("set_status"),
    status: z.enum(["investigating", "mitigating", "monitoring"]),
  }),
  z.object({ action: z.literal("set_phase"), phase: z.enum(INCIDENT_PHASES) }),
  z.object({
    action: z.literal("contain"),
    reason: z.string().trim().max(2000).optional(),
    /** The verified proposal (a pause) that contained it, when one did. */
    proposalId: z.string().min(1).max(100).optional(),
  }),
  z.object({
    action: z.literal("resolve"),
    summary: z.string().trim().max(5000).optional(),
    /** Why resolve while something is still open (paused contracts, timelocks, proposals); required then. */
    reason: z.string().trim().min(3, "say why you resolve with these still open").max(2000).optional(),
    /** What was still open, as the console read it (set by the server, not the form). */
    acknowledged: z.array(z.string().max(500)).max(50).optional(),
  }),
  z.object({ action: z.literal("reopen"), reason: z.string().trim().max(2000).optional() }),
]);
export type TIncidentTransition = z.infer<typeof ZIncidentTransition>;

export const ZAssignRole = z.object({
  role: z.enum(INCIDENT_ROLES),
  /** null leaves the role unassigned. */
  memberId: z.string().min(1).nullable(),
});
export type TAssignRole = z.infer<typeof ZAssignRole>;

const ZColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a #rrggbb colour");
const ZSeconds = z.number().int("must be whole seconds").min(60, "must be at least 60 seconds");
export const ZSeverityLevelInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "is required")
    .max(20, "must be at most 20 characters")
    .regex(/^[A-Za-z0-9_-]+$/, "may contain letters, digits, - and _ only"),
  definition: z.string().trim().max(1000).default(""),
  examples: z.string().trim().max(2000).default(""),
  responseTargetSeconds: ZSeconds.max(30 * 24 * 3600),
  updateCadenceSeconds: ZSeconds.max(30 * 24 * 3600).default(1800),
  postmortemDueSeconds: ZSeconds.max(90 * 24 * 3600).default(172_800),
  color: ZColor,
});

/** The whole scheme, most severe first: rank is the position in the list. */
export const ZSeverityScheme = z.object({
  levels: z
    .array(ZSeverityLevelInput)
    .min(1, "needs at least one level")
    .max(10, "has at most 10 levels")
    .superRefine((levels, ctx) => {
      const seen = new Set<string>();
      levels.forEach((level, index) => {
        const key = level.name.toUpperCase();
        if (seen.has(key))
          ctx.addIssue({ code: "custom", path: [index, "name"], message: `${level.name} is used twice` });
        seen.add(key);
      });
    }),
});
export type TSeverityScheme = z.input<typeof ZSeverityScheme>;

export const ZApplyPreset = z.object({ preset: z.enum(["P1-P4", "SEV1-SEV4", "P0-P3"]) });

/** Who may make each lifecycle move: anyone responding acknowledges; the commander role steers. */
export const TRANSITION_ROLE = {
  acknowledge: "responder",
  set_phase: "responder",
  set_status: "commander",
  contain: "commander",
  resolve: "commander",
  reopen: "commander",
} as const satisfies Record<TIncidentTransition["action"], "responder" | "commander">;
