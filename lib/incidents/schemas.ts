import { z } from "zod";

export const DETECTED_VIA = ["alert", "user_report", "monitor", "other"] as const;

export const ZDeclareIncident = z.object({
  title: z.string().trim().min(3, "must be at least 3 characters").max(200, "must be at most 200 characters"),
  severity: z.string().trim().min(1, "is required"),
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

const REF = /^INC-(\d{1,9})$/i;

export function formatIncidentRef(number: number): string {
  return `INC-${number}`;
}

/** INC-42 → 42; anything else → null (callers answer 404). */
export function parseIncidentRef(ref: string): number | null {
  const match = REF.exec(ref.trim());
  return match?.[1] ? Number(match[1]) : null;
}
