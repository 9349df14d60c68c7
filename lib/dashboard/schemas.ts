import { z } from "zod";

/** The periods the dashboard offers (weeks back from now); anything else is a 422 naming `weeks`. */
export const DASHBOARD_WEEKS = [4, 12, 26, 52] as const;

export const ZDashboardQuery = z.object({
  weeks: z.coerce
    .number()
    .int()
    .refine((weeks) => (DASHBOARD_WEEKS as readonly number[]).includes(weeks), {
      message: `must be one of ${DASHBOARD_WEEKS.join(", ")}`,
    })
    .default(12),
});
export type TDashboardQuery = z.input<typeof ZDashboardQuery>;
