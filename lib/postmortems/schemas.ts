import { z } from "zod";
import { ZInt4Id } from "../http/input-fields";

export const POSTMORTEM_STATUSES = ["draft", "in_review", "published"] as const;
export const ACTION_ITEM_STATUSES = ["open", "in_progress", "done", "wont_do"] as const;
export type PostMortemStatusName = (typeof POSTMORTEM_STATUSES)[number];
export type ActionItemStatusName = (typeof ACTION_ITEM_STATUSES)[number];

/** 200k characters: a long post-mortem is ~30k; the HTTP body limit (1 MB) stays the outer bound. */
export const MAX_POSTMORTEM_CHARS = 200_000;

/** A save names the version it edited: the server refuses it (409) if someone saved in between. */
export const ZSavePostMortem = z.object({
  body: z.string().max(MAX_POSTMORTEM_CHARS, `must be at most ${MAX_POSTMORTEM_CHARS} characters`),
  baseVersion: ZInt4Id,
});
export type TSavePostMortem = z.input<typeof ZSavePostMortem>;

export const ZChangePostMortemStatus = z.object({ status: z.enum(POSTMORTEM_STATUSES) });

/** `2025-03-01` (a date input) or a full ISO time; empty means no due date. */
const ZDueAt = z
  .union([
    z.literal("").transform(() => null),
    z.null(),
    z.iso.date().transform((value) => new Date(`${value}T23:59:59.000Z`)),
    z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  ])
  .describe("a date (YYYY-MM-DD) or an ISO time");

const ZOptionalId = z
  .union([z.literal("").transform(() => null), z.string().trim().min(1).max(64), z.null()])
  .optional();

export const ZCreateActionItem = z.object({
  incidentRef: z.string().trim().min(1, "is required"),
  title: z.string().trim().min(3, "must be at least 3 characters").max(300, "must be at most 300 characters"),
  ownerId: ZOptionalId,
  dueAt: ZDueAt.optional(),
  /** Set when the item is a runbook update: links the RunbookDocument. */
  runbookId: ZOptionalId,
});
/** Parsed (dates are Dates): the lib takes what readJson / ZCreateActionItem.parse returned. */
export type TCreateActionItem = z.output<typeof ZCreateActionItem>;

export const ZUpdateActionItem = z
  .object({
    status: z.enum(ACTION_ITEM_STATUSES).optional(),
    ownerId: ZOptionalId,
    dueAt: ZDueAt.optional(),
    runbookId: ZOptionalId,
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: "nothing to change",
    path: ["status"],
  });
export type TUpdateActionItem = z.output<typeof ZUpdateActionItem>;

export const ZActionItemFilter = z.object({
  status: z.enum(ACTION_ITEM_STATUSES).optional().catch(undefined),
  ownerId: z.string().trim().min(1).max(64).optional().catch(undefined),
  incidentId: z.string().trim().min(1).max(64).optional().catch(undefined),
});
export type TActionItemFilter = z.input<typeof ZActionItemFilter>;
