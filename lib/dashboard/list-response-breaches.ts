import { db } from "../db/client";
import { computeResponseTimer, formatIncidentRef } from "../incidents";

export type ResponseBreach = {
  ref: string;
  title: string;
  severityName: string;
  severityColor: string;
  declaredAt: Date;
  dueAt: Date;
  overdueSeconds: number;
};

/**
 * Open incidents nobody has acknowledged within their severity's response target, most overdue first.
 * SQL narrows to the candidates; the incident page's own timer decides, so both always agree.
 */
export async function listResponseBreaches(now: Date, limit = 100): Promise<ResponseBreach[]> {
  const rows = await db().$queryRaw<
    {
      number: number;
      title: string;
      severityName: string;
      severityColor: string;
      declaredAt: Date;
      responseTargetSeconds: number;
    }[]
  >`
    SELECT number, title, "severityName", "severityColor", "declaredAt", "responseTargetSeconds"
    FROM "Incident"
    WHERE "resolvedAt" IS NULL AND "acknowledgedAt" IS NULL AND NOT "isDrill"
      AND "declaredAt" + make_interval(secs => "responseTargetSeconds") <= ${now}::timestamp
    ORDER BY "declaredAt" + make_interval(secs => "responseTargetSeconds"), number
    LIMIT ${limit}`;
  return rows.flatMap((row) => {
    const timer = computeResponseTimer({
      declaredAt: row.declaredAt,
      acknowledgedAt: null,
      responseTargetSeconds: row.responseTargetSeconds,
      now,
    });
    if (timer.state !== "overdue") return [];
    return [
      {
        ref: formatIncidentRef(row.number),
        title: row.title,
        severityName: row.severityName,
        severityColor: row.severityColor,
        declaredAt: row.declaredAt,
        dueAt: timer.dueAt,
        overdueSeconds: timer.overdueSeconds,
      },
    ];
  });
}
