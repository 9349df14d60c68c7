import { db } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";

/**
 * Events of an incident after an id (for resume), oldest first, served by the (incidentId, id) index.
 * `newest`: the last `limit` events instead of the first (still returned oldest first): what a page shows.
 */
export async function listTimelineEvents(options: {
  incidentId: string;
  afterId?: number;
  kinds?: string[];
  /** Only these events (a page's pinned events older than the window it shows). */
  ids?: number[];
  limit?: number;
  newest?: boolean;
}): Promise<TimelineEvent[]> {
  const events = await db().timelineEvent.findMany({
    where: {
      incidentId: options.incidentId,
      ...(options.afterId ? { id: { gt: options.afterId } } : {}),
      ...(options.kinds?.length ? { kind: { in: options.kinds } } : {}),
      ...(options.ids ? { id: { in: options.ids } } : {}),
    },
    orderBy: { id: options.newest ? "desc" : "asc" },
    take: options.limit ?? 5000,
  });
  return options.newest ? events.reverse() : events;
}
