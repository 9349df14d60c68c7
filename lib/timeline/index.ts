export {
  appendTimelineEvent,
  authorFromActor,
  type EventAuthor,
  SYSTEM_AUTHOR,
} from "./append-timeline-event";
export {
  type DescribableEvent,
  type DescribeContext,
  describeEvent,
  descriptionToMarkdown,
  descriptionToText,
  type EventDescription,
  type EventPart,
  type ProposalInfo,
  verdict,
} from "./describe-event";
export {
  isTimelineEventKind,
  TIMELINE_EVENT_KINDS,
  TIMELINE_EVENT_SCHEMAS,
  type TimelineEventKind,
  type TimelinePayload,
} from "./event-kinds";
export { redactCommand, redactSecrets } from "./redact-secrets";
export { registerTimelineHook, type TimelineHook, unregisterTimelineHook } from "./timeline-hooks";
export { setTimelineSubscribers, type TimelineSubscriber, timelineSubscribers } from "./timeline-subscribers";
