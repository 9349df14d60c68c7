"use client";

import { defaultRangeExtractor, type Range, useVirtualizer } from "@tanstack/react-virtual";
import { type ComponentProps, useCallback, useEffect, useRef } from "react";
import type { TimelineItem } from "./describe-event";
import { TimelineEntry } from "./timeline-entry";

type EntryProps = Omit<ComponentProps<typeof TimelineEntry>, "position">;

const NEAR_END_ROWS = 3;

/**
 * A long timeline (a busy incident runs to thousands of events) rendered as a window: only the rows in view
 * (plus a few either side) are in the DOM, each measured once it renders since notes vary in height. The
 * first rows are rendered on the server from an assumed viewport, so the newest events show before hydration.
 */
export function VirtualTimelineList(props: {
  events: TimelineItem[];
  entryProps: (event: TimelineItem) => EntryProps;
  /** Called when the rows near the end (the oldest loaded) come into view: time to load older ones. */
  onNearEnd?: () => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The last row the first render had (the server rendered the same rows), kept until someone scrolls. Once
  // hydrated, the list measures its real height and rows, and would drop the server's rows that fall below
  // the window: removing nodes inside the hydration commit was the incident page's longest task (110–145 ms
  // of 180–200 ms in a Lighthouse trace of a phone). A few more rows until the first scroll cost nothing.
  // undefined until the first render, -1 once someone has scrolled.
  const keepFirstRows = useRef<number | undefined>(undefined);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const windowEnd = indexes.at(-1) ?? -1;
    keepFirstRows.current ??= windowEnd;
    const last = Math.min(keepFirstRows.current, range.count - 1);
    if (last <= windowEnd) return indexes;
    // Before the first scroll the window starts at the top, so the kept rows and the window are one run.
    return Array.from({ length: last + 1 }, (_, index) => index);
  }, []);
  const virtualizer = useVirtualizer({
    count: props.events.length,
    getScrollElement: () => scrollRef.current,
    getItemKey: (index) => props.events[index]!.id,
    estimateSize: () => 56,
    gap: 4,
    // Rows beyond the screen, each side: every one is hydrated with the page (10 cost the incident page its
    // Lighthouse score on a 2-core machine; 4 still covers a fast scroll between frames).
    overscan: 4,
    initialRect: { width: 720, height: 640 },
    // React 19 warns about flushSync inside effects; a frame's delay on fast scrolls is fine here.
    useFlushSync: false,
    rangeExtractor,
  });
  const rows = virtualizer.getVirtualItems();
  // The last row on screen (not the overscan below it) within a few rows of the end.
  const lastVisible = virtualizer.range?.endIndex ?? -1;
  const { onNearEnd } = props;
  const isNearEnd = props.events.length > 0 && lastVisible >= props.events.length - NEAR_END_ROWS;
  useEffect(() => {
    if (isNearEnd) onNearEnd?.();
  }, [isNearEnd, onNearEnd]);
  const paddingTop = rows[0]?.start ?? 0;
  const paddingBottom = Math.max(0, virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0));
  return (
    <div
      ref={scrollRef}
      onScroll={() => {
        keepFirstRows.current = -1;
      }}
      className="max-h-[75vh] overflow-y-auto overscroll-contain rounded border border-zinc-800 p-1"
      data-testid="timeline-scroller"
      data-virtual="true"
    >
      <ol className="flex flex-col gap-1" data-testid="timeline" style={{ paddingTop, paddingBottom }}>
        {rows.map((row) => {
          const event = props.events[row.index]!;
          return (
            <TimelineEntry
              key={row.key}
              {...props.entryProps(event)}
              position={{
                index: row.index,
                setSize: props.events.length,
                measure: virtualizer.measureElement,
              }}
            />
          );
        })}
      </ol>
    </div>
  );
}
