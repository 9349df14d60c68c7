import Link from "next/link";
import { type DescribeContext, describeEvent, type EventPart } from "@/lib/timeline/browser";
import type { TimelineItem } from "./describe-event";

function Part({ part }: { part: EventPart }) {
  switch (part.type) {
    case "text":
      return <>{part.value}</>;
    case "strong":
      return <strong className="font-semibold text-zinc-100">{part.value}</strong>;
    case "code":
      return <code className="break-all font-mono text-[0.7rem] text-zinc-200">{part.value}</code>;
    case "link": {
      const label = part.isCode ? (
        <code className="break-all font-mono text-[0.7rem]">{part.value}</code>
      ) : (
        part.value
      );
      if (!part.href) return label;
      return part.scope === "console" ? (
        <Link href={part.href} className="text-amber-200 underline-offset-2 hover:underline">
          {label}
        </Link>
      ) : (
        <a href={part.href} target="_blank" rel="noreferrer" className="text-sky-300 hover:underline">
          {label}
        </a>
      );
    }
  }
}

/** One event in words, from the describer the post-mortem also uses, with links to proposals and txs. */
export function EventDescriptionView({ event, context }: { event: TimelineItem; context: DescribeContext }) {
  const description = describeEvent(event, context);
  return (
    <span className="text-zinc-300" data-testid="event-description" data-specific={description.isSpecific}>
      {description.parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a description's parts never reorder.
        <Part key={index} part={part} />
      ))}
    </span>
  );
}
