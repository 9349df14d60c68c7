export {
  appendTimelineEvent,
  authorFromActor,
  type EventAuthor,
  SYSTEM_AUTHOR,
} from "./append-timeline-event";
export {
  isTimelineEventKind,
  TIMELINE_EVENT_KINDS,
  TIMELINE_EVENT_SCHEMAS,
  type TimelineEventKind,
  type TimelinePayload,
} from "./event-kinds";
