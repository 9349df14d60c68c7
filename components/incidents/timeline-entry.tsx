"use client";

import dynamic from "next/dynamic";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import type { DescribeContext } from "@/lib/timeline/browser";
import type { TimelineItem } from "./describe-event";
import { EventDescriptionView } from "./event-description";
import { UtcTime } from "./utc-time";

// react-markdown with GFM is the largest piece of the incident page's JavaScript and the costliest to run
// while the page hydrates. The notes the page comes with are rendered on the server (`renderedMarkdown`);
// this chunk loads only for notes that arrive later (live, or older events fetched after the first render).
const MarkdownNote = dynamic(() => import("./markdown-note").then((module) => module.MarkdownNote));

/** One timeline row: time, author, what happened; pin and correct are new events, never edits. */
export function TimelineEntry(props: {
  event: TimelineItem;
  /** Proposal titles and explorers for the description's links. */
  context: DescribeContext;
  isPinned: boolean;
  correctedById: number | null;
  canAct: boolean;
  isCompact?: boolean;
  onPost: (entry: Record<string, unknown>) => Promise<boolean>;
  /** The note's Markdown already rendered by the server, when the page came with this event. */
  renderedMarkdown?: ReactNode;
  /** Set when the row is one of a virtualised list: its place in the list, and the measuring ref. */
  position?: { index: number; setSize: number; measure: (node: Element | null) => void };
}) {
  const { event } = props;
  const [isCorrecting, setIsCorrecting] = useState(false);
  const [correction, setCorrection] = useState("");
  const markdown = typeof event.payload.markdown === "string" ? event.payload.markdown : null;
  const text = event.kind === "comms.update_posted" ? String(event.payload.text ?? "") : null;
  return (
    <li
      ref={props.position?.measure}
      data-index={props.position?.index}
      aria-posinset={props.position ? props.position.index + 1 : undefined}
      aria-setsize={props.position?.setSize}
      id={`event-${event.id}`}
      data-testid="timeline-event"
      data-kind={event.kind}
      className={`rounded border-l-2 px-2 py-1.5 ${props.isPinned ? "border-amber-500" : "border-zinc-700"} ${props.correctedById ? "opacity-60" : ""}`}
    >
      <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-zinc-400">
        <UtcTime at={event.createdAt} />
        <span className="font-semibold text-zinc-200">{event.author.label}</span>
        <EventDescriptionView event={event} context={props.context} />
        <span className="text-zinc-600">#{event.id}</span>
        {props.correctedById ? (
          <span className="text-amber-300">corrected by #{props.correctedById}</span>
        ) : null}
        {props.canAct && !props.isCompact ? (
          <span className="ml-auto flex gap-1">
            <button
              type="button"
              className="rounded px-1 hover:bg-zinc-800"
              onClick={() =>
                props.onPost({ kind: props.isPinned ? "event.unpinned" : "event.pinned", eventId: event.id })
              }
            >
              {props.isPinned ? "Unpin" : "Pin"}
            </button>
            {markdown !== null ? (
              <button
                type="button"
                className="rounded px-1 hover:bg-zinc-800"
                onClick={() => setIsCorrecting(true)}
              >
                Correct
              </button>
            ) : null}
          </span>
        ) : null}
      </div>
      {markdown !== null && !props.isCompact
        ? (props.renderedMarkdown ?? <MarkdownNote markdown={markdown} />)
        : null}
      {markdown !== null && props.isCompact ? <p className="truncate text-sm">{markdown}</p> : null}
      {text ? <pre className="mt-1 text-sm whitespace-pre-wrap text-zinc-200">{text}</pre> : null}
      {isCorrecting ? (
        <div className="mt-2 space-y-1">
          <textarea
            aria-label={`Correction of event ${event.id}`}
            value={correction}
            onChange={(e) => setCorrection(e.target.value)}
            rows={2}
            className="w-full rounded border border-zinc-700 bg-zinc-900 px-2 py-1 text-sm"
            placeholder="The corrected text (the original stays, marked as corrected)"
          />
          <div className="flex gap-2">
            <Button
              onClick={async () => {
                if (
                  await props.onPost({ kind: "event.corrected", correctsId: event.id, markdown: correction })
                ) {
                  setIsCorrecting(false);
                  setCorrection("");
                }
              }}
            >
              Save correction
            </Button>
            <Button variant="ghost" onClick={() => setIsCorrecting(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
