import { db } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";

/** Events of an incident after an id (for resume), oldest first, served by the (incidentId, id) index. */
export function listTimelineEvents(options: {
  incidentId: string;
  afterId?: number;
  kinds?: string[];
  limit?: number;
}): Promise<TimelineEvent[]> {
  return db().timelineEvent.findMany({
    where: {
      incidentId: options.incidentId,
      ...(options.afterId ? { id: { gt: options.afterId } } : {}),
      ...(options.kinds?.length ? { kind: { in: options.kinds } } : {}),
    },
    orderBy: { id: "asc" },
    take: options.limit ?? 5000,
  });
}
